{{/*
common.placement.affinity: (dict "ctx" $ "component" "<optional>" "affinity" <user affinity> "preset" "soft|hard|none")
A non-empty user affinity wins unchanged. Otherwise the preset spreads the workload's own pods
across nodes: "soft" = preferred (scheduling never blocks), "hard" = required.
*/}}
{{- define "common.placement.affinity" -}}
{{- if .affinity -}}
{{- toYaml .affinity -}}
{{- else if eq (toString .preset) "soft" -}}
podAntiAffinity:
  preferredDuringSchedulingIgnoredDuringExecution:
    - weight: 100
      podAffinityTerm:
        topologyKey: kubernetes.io/hostname
        labelSelector:
          matchLabels:
            {{- include "common.labels.selector" . | nindent 12 }}
{{- else if eq (toString .preset) "hard" -}}
podAntiAffinity:
  requiredDuringSchedulingIgnoredDuringExecution:
    - topologyKey: kubernetes.io/hostname
      labelSelector:
        matchLabels:
          {{- include "common.labels.selector" . | nindent 10 }}
{{- end -}}
{{- end -}}

{{/*
common.placement.topologySpread: (dict "ctx" $ "component" "<opt>" "constraints" <user list> "preset" (dict "enabled" bool "topologyKey" "topology.kubernetes.io/zone" "maxSkew" 1 "whenUnsatisfiable" "ScheduleAnyway"))
User constraints win; else the preset (when enabled) spreads the pods over the topology key.
*/}}
{{- define "common.placement.topologySpread" -}}
{{- if .constraints -}}
{{- toYaml .constraints -}}
{{- else if and .preset .preset.enabled -}}
- maxSkew: {{ .preset.maxSkew | default 1 }}
  topologyKey: {{ .preset.topologyKey | default "topology.kubernetes.io/zone" }}
  whenUnsatisfiable: {{ .preset.whenUnsatisfiable | default "ScheduleAnyway" }}
  labelSelector:
    matchLabels:
      {{- include "common.labels.selector" . | nindent 6 }}
{{- end -}}
{{- end -}}

{{/*
common.pdb: PodDisruptionBudget from the official podDisruptionBudget values
{ enabled, labels, annotations, minAvailable, maxUnavailable }. (dict "ctx" $ "component" "<opt>")
With neither minAvailable nor maxUnavailable set it keeps one pod: maxUnavailable 1.
*/}}
{{- define "common.pdb" -}}
{{- $pdb := .ctx.Values.podDisruptionBudget | default dict -}}
{{- if $pdb.enabled -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "common.names.fullname" . }}
  namespace: {{ .ctx.Release.Namespace }}
  labels:
    {{- include "common.labels.standard" . | nindent 4 }}
    {{- with $pdb.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- with $pdb.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- if and (not (kindIs "invalid" $pdb.minAvailable)) (not (kindIs "invalid" $pdb.maxUnavailable)) }}
  {{- fail "podDisruptionBudget: set minAvailable or maxUnavailable, not both" }}
  {{- else if not (kindIs "invalid" $pdb.minAvailable) }}
  minAvailable: {{ $pdb.minAvailable }}
  {{- else }}
  maxUnavailable: {{ $pdb.maxUnavailable | default 1 }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "common.labels.selector" . | nindent 6 }}
{{- end -}}
{{- end -}}
