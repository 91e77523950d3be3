{{/*
common.networkPolicy: one NetworkPolicy per workload that denies everything not listed.
(dict "ctx" $ "component" "<opt>"
      "httpPorts"    (list 8090)          ports opened to the ingress controller
      "clusterPorts" (list 5801 5701)     ports opened between this workload's own pods only (both directions)
      "needsApiServer" true               egress to the Kubernetes API (Hazelcast discovery)
      "databasePort" 5432                 egress to the database (0/empty = none)
      "extraIngress" (list <rules>)       chart-specific ingress rules (e.g. Confluence -> Synchrony)
      "extraEgress"  (list <rules>))      chart-specific egress rules
Values read (networkPolicy.*): enabled, ingressController.{namespaceSelector,podSelector},
database.to, apiServer.{cidrs,ports}, additionalIngress, additionalEgress.
DNS egress (53 UDP/TCP) is always allowed: nothing works without it.
*/}}
{{- define "common.networkPolicy" -}}
{{- $np := .ctx.Values.networkPolicy | default dict -}}
{{- if $np.enabled -}}
{{- $sel := include "common.labels.selector" . -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "common.names.fullname" . }}
  namespace: {{ .ctx.Release.Namespace }}
  labels:
    {{- include "common.labels.standard" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- $sel | nindent 6 }}
  policyTypes: [Ingress, Egress]
  ingress:
    {{- if .httpPorts }}
    {{- $ic := $np.ingressController | default dict }}
    # HTTP only from the ingress controller / gateway pods.
    {{- $peer := dict }}
    {{- with $ic.namespaceSelector }}{{ $_ := set $peer "namespaceSelector" . }}{{ end }}
    {{- with $ic.podSelector }}{{ $_ := set $peer "podSelector" . }}{{ end }}
    {{- if not $peer }}
    {{- fail "networkPolicy.ingressController needs a namespaceSelector and/or podSelector: an empty peer would allow every pod in the namespace" }}
    {{- end }}
    - from:
        {{- toYaml (list $peer) | nindent 8 }}
      ports:
        {{- range .httpPorts }}
        - protocol: TCP
          port: {{ . }}
        {{- end }}
    {{- end }}
    {{- if .clusterPorts }}
    # Cluster traffic only between this workload's own pods.
    - from:
        - podSelector:
            matchLabels:
              {{- $sel | nindent 14 }}
      ports:
        {{- range .clusterPorts }}
        - protocol: TCP
          port: {{ . }}
        {{- end }}
    {{- end }}
    {{- with .extraIngress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
    {{- with $np.additionalIngress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  egress:
    # DNS.
    - to:
        - namespaceSelector: {}
          podSelector:
            matchLabels:
              k8s-app: kube-dns
      ports:
        - protocol: UDP
          port: 53
        - protocol: TCP
          port: 53
    {{- if .clusterPorts }}
    - to:
        - podSelector:
            matchLabels:
              {{- $sel | nindent 14 }}
      ports:
        {{- range .clusterPorts }}
        - protocol: TCP
          port: {{ . }}
        {{- end }}
    {{- end }}
    {{- if .databasePort }}
    # Database.
    {{- $db := dict "ports" (list (dict "protocol" "TCP" "port" (int .databasePort))) }}
    {{- with (dig "database" "to" list $np) }}{{ $_ := set $db "to" . }}{{ end }}
    {{- toYaml (list $db) | nindent 4 }}
    {{- end }}
    {{- if .needsApiServer }}
    # Kubernetes API for peer discovery (narrow networkPolicy.apiServer.cidrs to the API endpoints).
    - to:
        {{- range (dig "apiServer" "cidrs" (list "0.0.0.0/0") $np) }}
        - ipBlock:
            cidr: {{ . }}
        {{- end }}
      ports:
        {{- range (dig "apiServer" "ports" (list 443 6443) $np) }}
        - protocol: TCP
          port: {{ . }}
        {{- end }}
    {{- end }}
    {{- with .extraEgress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
    {{- with $np.additionalEgress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
{{- end -}}
{{- end -}}
