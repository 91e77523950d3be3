{{/*
common.serviceAccount: (dict "ctx" $) from official serviceAccount.{create,name,annotations,imagePullSecrets,eksIrsa.roleArn}.
*/}}
{{- define "common.serviceAccount" -}}
{{- $sa := .ctx.Values.serviceAccount | default dict -}}
{{- if $sa.create -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "common.names.serviceAccount" . }}
  namespace: {{ .ctx.Release.Namespace }}
  labels:
    {{- include "common.labels.standard" . | nindent 4 }}
  {{- $ann := deepCopy ($sa.annotations | default dict) -}}
  {{- if and $sa.eksIrsa $sa.eksIrsa.roleArn -}}
  {{- $_ := set $ann "eks.amazonaws.com/role-arn" $sa.eksIrsa.roleArn -}}
  {{- end }}
  {{- with $ann }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- with $sa.imagePullSecrets }}
imagePullSecrets:
  {{- range . }}
  {{- /* official values allow "- name: x" entries; plain strings are accepted too */}}
  - name: {{ kindIs "map" . | ternary (get (kindIs "map" . | ternary . dict) "name") . }}
  {{- end }}
{{- end }}
{{- end -}}
{{- end -}}

{{/*
common.discoveryRbac: namespace-scoped Role + RoleBinding with exactly what Kubernetes peer
discovery (Hazelcast kubernetes plugin) reads: get/list pods and endpoints in the release
namespace. No nodes, no cluster scope, no secrets, no watch.
(dict "ctx" $) ; rendered only when serviceAccount.role.create / roleBinding.create.
*/}}
{{- define "common.discoveryRbac" -}}
{{- $sa := .ctx.Values.serviceAccount | default dict -}}
{{- $name := include "common.names.fullname" . -}}
{{- if dig "role" "create" true $sa }}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: {{ $name }}
  namespace: {{ .ctx.Release.Namespace }}
  labels:
    {{- include "common.labels.standard" . | nindent 4 }}
rules:
  - apiGroups: [""]
    resources: ["pods", "endpoints"]
    verbs: ["get", "list"]
{{- end }}
{{- if dig "roleBinding" "create" true $sa }}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: {{ $name }}
  namespace: {{ .ctx.Release.Namespace }}
  labels:
    {{- include "common.labels.standard" . | nindent 4 }}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: {{ $name }}
subjects:
  - kind: ServiceAccount
    name: {{ include "common.names.serviceAccount" . }}
    namespace: {{ .ctx.Release.Namespace }}
{{- end }}
{{- end -}}
