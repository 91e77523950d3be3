{{/*
common.ingress: the product's HTTP entry, chosen by ingress.provider.
(dict "ctx" $ "replicas" <int: pods behind the main service>
      "routes" (list (dict "path" "/" "service" "<svc name>" "port" 80 "websocket" false) ...))
Routes with websocket true carry long-lived connections (Synchrony, collaborative editing).

Values read (official keys): ingress.{create,className,nginx,host,https,tlsSecretName,annotations,
maxBodySize,proxyConnectTimeout,proxyReadTimeout,proxySendTimeout}; ours: ingress.provider
(ingress|istio|gatewayApi), ingress.websocketTimeout, ingress.affinityCookieName,
ingress.istio.*, ingress.gatewayApi.*.
*/}}
{{- define "common.ingress" -}}
{{- $ing := .ctx.Values.ingress | default dict -}}
{{- if $ing.create -}}
{{- $provider := $ing.provider | default "ingress" -}}
{{- if eq $provider "ingress" -}}
{{- include "common.ingress.kubernetes" . -}}
{{- else if eq $provider "istio" -}}
{{- include "common.ingress.istio" . -}}
{{- else if eq $provider "gatewayApi" -}}
{{- include "common.ingress.httpRoute" . -}}
{{- else -}}
{{- fail (printf "ingress.provider %q is not one of ingress, istio, gatewayApi" $provider) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* nginx annotations: cookie affinity (needed as soon as there is more than one node), body size, timeouts. */}}
{{- define "common.ingress.nginxAnnotations" -}}
{{- $ing := .ctx.Values.ingress -}}
{{- $a := dict
  "nginx.ingress.kubernetes.io/affinity" "cookie"
  "nginx.ingress.kubernetes.io/affinity-mode" "persistent"
  "nginx.ingress.kubernetes.io/session-cookie-name" ($ing.affinityCookieName | default "ATLROUTE")
  "nginx.ingress.kubernetes.io/proxy-body-size" (toString ($ing.maxBodySize | default "250m"))
  "nginx.ingress.kubernetes.io/proxy-connect-timeout" (toString ($ing.proxyConnectTimeout | default 60)) -}}
{{- if .websocket -}}
{{- $t := toString ($ing.websocketTimeout | default 3600) -}}
{{- $_ := set $a "nginx.ingress.kubernetes.io/proxy-read-timeout" $t -}}
{{- $_ := set $a "nginx.ingress.kubernetes.io/proxy-send-timeout" $t -}}
{{- else -}}
{{- $_ := set $a "nginx.ingress.kubernetes.io/proxy-read-timeout" (toString ($ing.proxyReadTimeout | default 60)) -}}
{{- $_ := set $a "nginx.ingress.kubernetes.io/proxy-send-timeout" (toString ($ing.proxySendTimeout | default 60)) -}}
{{- end -}}
{{- toYaml $a -}}
{{- end -}}

{{- define "common.ingress.kubernetes" -}}
{{- $ctx := .ctx -}}
{{- $ing := $ctx.Values.ingress -}}
{{- $affinity := index ($ing.annotations | default dict) "nginx.ingress.kubernetes.io/affinity" | default "cookie" -}}
{{- if and $ing.nginx (gt (int .replicas) 1) (ne $affinity "cookie") -}}
{{- fail (printf "ingress.annotations sets nginx affinity %q but replicaCount is %d: Atlassian DC nodes need sticky sessions (cookie affinity)" $affinity (int .replicas)) -}}
{{- end -}}
{{- $groups := list (dict "suffix" "" "websocket" false) (dict "suffix" "-websocket" "websocket" true) -}}
{{- range $g := $groups -}}
{{- $routes := list -}}
{{- range $.routes -}}
{{- if eq (toString (default false .websocket)) (toString $g.websocket) -}}
{{- $routes = append $routes . -}}
{{- end -}}
{{- end -}}
{{- if $routes }}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ include "common.names.fullname" (dict "ctx" $ctx) }}{{ $g.suffix }}
  namespace: {{ $ctx.Release.Namespace }}
  labels:
    {{- include "common.labels.standard" (dict "ctx" $ctx) | nindent 4 }}
  {{- $ann := dict -}}
  {{- if $ing.nginx -}}
  {{- $ann = include "common.ingress.nginxAnnotations" (dict "ctx" $ctx "websocket" $g.websocket) | fromYaml -}}
  {{- end -}}
  {{- $ann = mergeOverwrite $ann (deepCopy ($ing.annotations | default dict)) -}}
  {{- with $ann }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- with $ing.className }}
  ingressClassName: {{ . }}
  {{- end }}
  {{- if $ing.tlsSecretName }}
  tls:
    - secretName: {{ $ing.tlsSecretName }}
      {{- with $ing.host }}
      hosts:
        - {{ . | quote }}
      {{- end }}
  {{- end }}
  rules:
    {{- if $ing.host }}
    - host: {{ $ing.host | quote }}
      http:
    {{- else }}
    - http:
    {{- end }}
        paths:
          {{- range $routes }}
          - path: {{ .path }}
            pathType: Prefix
            backend:
              service:
                name: {{ .service }}
                port:
                  number: {{ .port }}
          {{- end }}
{{- end }}
{{- end }}
{{- end -}}

{{/*
Istio: Gateway (when ingress.istio.gateway.create), VirtualService routing the paths, and one
DestinationRule per backend service with cookie consistent hashing (sticky sessions).
*/}}
{{- define "common.ingress.istio" -}}
{{- $ctx := .ctx -}}
{{- $ing := $ctx.Values.ingress -}}
{{- $istio := $ing.istio | default dict -}}
{{- $fullname := include "common.names.fullname" (dict "ctx" $ctx) -}}
{{- $gwName := dig "gateway" "name" "" $istio -}}
{{- if dig "gateway" "create" true $istio -}}
{{- $gwName = $fullname }}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: {{ $fullname }}
  namespace: {{ $ctx.Release.Namespace }}
  labels:
    {{- include "common.labels.standard" (dict "ctx" $ctx) | nindent 4 }}
spec:
  selector:
    {{- toYaml (dig "gateway" "selector" (dict "istio" "ingressgateway") $istio) | nindent 4 }}
  servers:
    {{- if $ing.tlsSecretName }}
    - port:
        number: 443
        name: https
        protocol: HTTPS
      hosts:
        - {{ $ing.host | default "*" | quote }}
      tls:
        mode: SIMPLE
        credentialName: {{ $ing.tlsSecretName }}
    {{- else }}
    - port:
        number: 80
        name: http
        protocol: HTTP
      hosts:
        - {{ $ing.host | default "*" | quote }}
    {{- end }}
{{- end }}
{{- if not $gwName }}
{{- fail "ingress.istio.gateway.name is required when ingress.istio.gateway.create is false" }}
{{- end }}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: {{ $fullname }}
  namespace: {{ $ctx.Release.Namespace }}
  labels:
    {{- include "common.labels.standard" (dict "ctx" $ctx) | nindent 4 }}
spec:
  hosts:
    - {{ $ing.host | default "*" | quote }}
  gateways:
    - {{ $gwName }}
  http:
    {{- /* Longest prefix first: Istio takes the first matching route. */}}
    {{- $paths := list }}
    {{- range .routes }}{{ $paths = append $paths .path }}{{ end }}
    {{- range $r := (sortAlpha $paths | uniq | reverse) }}
    {{- range $.routes }}
    {{- if eq .path $r }}
    - name: {{ trimPrefix "/" .path | replace "/" "-" | default "root" }}
      match:
        - uri:
            prefix: {{ .path }}
      route:
        - destination:
            host: {{ .service }}.{{ $ctx.Release.Namespace }}.svc.cluster.local
            port:
              number: {{ .port }}
      {{- if .websocket }}
      # Websockets: no route timeout.
      timeout: 0s
      {{- end }}
    {{- end }}
    {{- end }}
    {{- end }}
{{- $seen := dict -}}
{{- range .routes }}
{{- if not (hasKey $seen .service) }}
{{- $_ := set $seen .service true }}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: {{ .service }}
  namespace: {{ $ctx.Release.Namespace }}
  labels:
    {{- include "common.labels.standard" (dict "ctx" $ctx) | nindent 4 }}
spec:
  host: {{ .service }}.{{ $ctx.Release.Namespace }}.svc.cluster.local
  trafficPolicy:
    loadBalancer:
      consistentHash:
        httpCookie:
          name: {{ $ing.affinityCookieName | default "ATLROUTE" }}
          path: /
          ttl: {{ dig "cookieTtl" "0s" $istio }}
{{- end }}
{{- end }}
{{- end -}}

{{/*
Gateway API HTTPRoute attached to ingress.gatewayApi.parentRefs. TLS is terminated by the Gateway
listener (ingress.tlsSecretName is not used by a route). Cookie session persistence is set on
every rule when ingress.gatewayApi.sessionPersistence is true (Gateway API >= 1.1, experimental
channel); websocket rules get no request timeout.
*/}}
{{- define "common.ingress.httpRoute" -}}
{{- $ctx := .ctx -}}
{{- $ing := $ctx.Values.ingress -}}
{{- $gw := $ing.gatewayApi | default dict -}}
{{- if not $gw.parentRefs -}}
{{- fail "ingress.gatewayApi.parentRefs must name the Gateway the HTTPRoute attaches to" -}}
{{- end }}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: {{ include "common.names.fullname" (dict "ctx" $ctx) }}
  namespace: {{ $ctx.Release.Namespace }}
  labels:
    {{- include "common.labels.standard" (dict "ctx" $ctx) | nindent 4 }}
spec:
  parentRefs:
    {{- toYaml $gw.parentRefs | nindent 4 }}
  {{- with $ing.host }}
  hostnames:
    - {{ . | quote }}
  {{- end }}
  rules:
    {{- range .routes }}
    - matches:
        - path:
            type: PathPrefix
            value: {{ .path }}
      backendRefs:
        - name: {{ .service }}
          port: {{ .port }}
      {{- if .websocket }}
      timeouts:
        request: 0s
      {{- end }}
      {{- if $gw.sessionPersistence }}
      sessionPersistence:
        sessionName: {{ $ing.affinityCookieName | default "ATLROUTE" }}
        type: Cookie
      {{- end }}
    {{- end }}
{{- end -}}
