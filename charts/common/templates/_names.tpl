{{/*
Names. Every helper takes a dict: (dict "ctx" $ "component" "<optional suffix>").
"component" names a second workload of the same chart (e.g. "synchrony"): it is appended to
the name, fullname and app.kubernetes.io/name so its pods never match the main selector.
*/}}

{{/* Chart name, or nameOverride. */}}
{{- define "common.names.name" -}}
{{- $ctx := .ctx -}}
{{- $base := default $ctx.Chart.Name $ctx.Values.nameOverride -}}
{{- if .component -}}
{{- printf "%s-%s" $base .component | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $base | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Release-scoped object name: fullnameOverride, else release name when it already contains the chart name, else <release>-<chart>. */}}
{{- define "common.names.fullname" -}}
{{- $ctx := .ctx -}}
{{- $base := "" -}}
{{- if $ctx.Values.fullnameOverride -}}
{{- $base = $ctx.Values.fullnameOverride -}}
{{- else -}}
{{- $name := default $ctx.Chart.Name $ctx.Values.nameOverride -}}
{{- if contains $name $ctx.Release.Name -}}
{{- $base = $ctx.Release.Name -}}
{{- else -}}
{{- $base = printf "%s-%s" $ctx.Release.Name $name -}}
{{- end -}}
{{- end -}}
{{- if .component -}}
{{- printf "%s-%s" ($base | trunc 50 | trimSuffix "-") .component | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $base | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* <chart>-<version> for the helm.sh/chart label. */}}
{{- define "common.names.chart" -}}
{{- printf "%s-%s" .ctx.Chart.Name .ctx.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* ServiceAccount name: serviceAccount.name, else fullname when created, else "default". */}}
{{- define "common.names.serviceAccount" -}}
{{- $sa := .ctx.Values.serviceAccount | default dict -}}
{{- if $sa.name -}}
{{- $sa.name -}}
{{- else if $sa.create -}}
{{- include "common.names.fullname" (dict "ctx" .ctx) -}}
{{- else -}}
default
{{- end -}}
{{- end -}}
