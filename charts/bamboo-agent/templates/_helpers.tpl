{{- define "agent.fullname" -}}{{ include "common.names.fullname" (dict "ctx" .) }}{{- end -}}

{{- define "agent.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{/* BAMBOO_SERVER: a bare host name gets http:// (in-cluster Service), a URL is kept; plus the context path. */}}
{{- define "agent.serverUrl" -}}
{{- $s := .Values.agent.server | toString | trimSuffix "/" -}}
{{- if not (contains "://" $s) -}}
{{- $s = printf "http://%s" $s -}}
{{- end -}}
{{- printf "%s%s" $s (trimSuffix "/" (.Values.agent.serverContextPath | default "")) -}}
{{- end -}}

{{- define "agent.validate" -}}
{{- if not .Values.agent.server -}}
{{- fail "agent.server is required: the Bamboo server the agents register with, e.g. bamboo.bamboo.svc.cluster.local (the bamboo chart's Service)" -}}
{{- end -}}
{{- $jvm := .Values.agent.resources.jvm -}}
{{- include "common.memory.check" (dict "what" "bamboo-agent container" "resources" .Values.agent.resources.container "parts" (list (list "max heap" $jvm.maxHeap) (list "non-heap overhead" $jvm.nonHeapOverhead))) -}}
{{- end -}}

{{- define "agent.chartEnv" -}}
{{- $a := .Values.agent -}}
{{- $jvmCm := printf "%s-jvm-config" (include "agent.fullname" .) -}}
- name: BAMBOO_SERVER
  value: {{ include "agent.serverUrl" . | quote }}
{{- with $a.securityToken.secretName }}
- name: SECURITY_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $a.securityToken.secretKey }}
{{- end }}
- name: WRAPPER_JAVA_INITMEMORY
  valueFrom:
    configMapKeyRef:
      name: {{ $jvmCm }}
      key: min_heap
- name: WRAPPER_JAVA_MAXMEMORY
  valueFrom:
    configMapKeyRef:
      name: {{ $jvmCm }}
      key: max_heap
{{- end -}}

{{/* Chart env minus names the user sets, then the user's entries: each name once, the user's value wins. */}}
{{- define "agent.env" -}}
{{- $user := .Values.agent.additionalEnvironmentVariables | default list -}}
{{- $userNames := list -}}
{{- range $user }}{{ $userNames = append $userNames .name }}{{ end -}}
{{- $out := list -}}
{{- range (include "agent.chartEnv" . | fromYamlArray) -}}
{{- if not (has .name $userNames) -}}
{{- $out = append $out . -}}
{{- end -}}
{{- end -}}
{{- toYaml (concat $out $user) -}}
{{- end -}}
