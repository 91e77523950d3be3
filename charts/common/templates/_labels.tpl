{{/*
Labels. (dict "ctx" $ "component" "<optional>")
*/}}

{{/* Selector labels: stable across upgrades, so only name and instance. */}}
{{- define "common.labels.selector" -}}
app.kubernetes.io/name: {{ include "common.names.name" . }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
{{- end -}}

{{/* Standard labels for every object, plus the chart's additionalLabels. */}}
{{- define "common.labels.standard" -}}
helm.sh/chart: {{ include "common.names.chart" . }}
{{ include "common.labels.selector" . }}
{{- with .ctx.Chart.AppVersion }}
app.kubernetes.io/version: {{ . | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
{{- with .ctx.Values.additionalLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}
