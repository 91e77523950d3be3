{{/*
common.jvmConfigMap: the ConfigMap that is the single source of the JVM settings.
(dict "ctx" $ "component" "<optional>" "data" (dict "max_heap" "1g" ...))
*/}}
{{- define "common.jvmConfigMap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "common.names.fullname" . }}-jvm-config
  namespace: {{ .ctx.Release.Namespace }}
  labels:
    {{- include "common.labels.standard" . | nindent 4 }}
data:
  {{- toYaml .data | nindent 2 }}
{{- end -}}

{{/*
additionalConfigMaps (official chart keys): .Values.additionalConfigMaps is a list of
  { name, keys: [ { fileName, mountPath, defaultMode, content } ] }.
Each becomes ConfigMap "<fullname>-<name>"; each key is mounted as mountPath/fileName (subPath).
  common.additionalConfigMaps.objects (dict "ctx" $)   -> the ConfigMaps
  common.additionalConfigMaps.volumes (dict "ctx" $)   -> pod volumes (list items)
  common.additionalConfigMaps.mounts  (dict "ctx" $)   -> container volumeMounts (list items)
*/}}
{{- define "common.additionalConfigMaps.objects" -}}
{{- $ctx := .ctx -}}
{{- range $cm := $ctx.Values.additionalConfigMaps }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "common.names.fullname" (dict "ctx" $ctx) }}-{{ $cm.name }}
  namespace: {{ $ctx.Release.Namespace }}
  labels:
    {{- include "common.labels.standard" (dict "ctx" $ctx) | nindent 4 }}
data:
  {{- range $cm.keys }}
  {{ .fileName }}: |-
    {{- .content | nindent 4 }}
  {{- end }}
{{- end }}
{{- end -}}

{{- define "common.additionalConfigMaps.volumes" -}}
{{- $ctx := .ctx -}}
{{- range $cm := $ctx.Values.additionalConfigMaps }}
- name: {{ $cm.name }}
  configMap:
    name: {{ include "common.names.fullname" (dict "ctx" $ctx) }}-{{ $cm.name }}
    items:
      {{- range $cm.keys }}
      - key: {{ .fileName }}
        path: {{ .fileName }}
        {{- if .defaultMode }}
        mode: {{ .defaultMode }}
        {{- end }}
      {{- end }}
{{- end }}
{{- end -}}

{{- define "common.additionalConfigMaps.mounts" -}}
{{- range $cm := .ctx.Values.additionalConfigMaps }}
{{- range $cm.keys }}
- name: {{ $cm.name }}
  mountPath: {{ printf "%s/%s" (trimSuffix "/" .mountPath) .fileName }}
  subPath: {{ .fileName }}
{{- end }}
{{- end }}
{{- end -}}
