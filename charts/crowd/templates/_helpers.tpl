{{- define "crowd.fullname" -}}{{ include "common.names.fullname" (dict "ctx" .) }}{{- end -}}

{{- define "crowd.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{- define "crowd.ingressPath" -}}
{{- .Values.ingress.path | default .Values.crowd.service.contextPath | default "/" -}}
{{- end -}}

{{/* -XX:ActiveProcessorCount from the CPU request, so the JVM sizes its pools to the pod. */}}
{{- define "crowd.activeProcessors" -}}
{{- $cpu := dig "requests" "cpu" "" (.Values.crowd.resources.container | default dict) | toString -}}
{{- if $cpu -}}
{{- if hasSuffix "m" $cpu -}}
{{- max 1 (ceil (divf (trimSuffix "m" $cpu | float64) 1000.0)) | int -}}
{{- else -}}
{{- max 1 (ceil ($cpu | float64)) | int -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
The ONLY place Crowd JVM arguments are produced (one JVM_SUPPORT_RECOMMENDED_ARGS via the JVM ConfigMap).
${KUBE_POD_NAME} is expanded by the image's start script: the cluster node name is the pod name.
*/}}
{{- define "crowd.jvmArgs" -}}
{{- $args := list "-Dcluster.node.name=${KUBE_POD_NAME}" -}}
{{- with include "crowd.activeProcessors" . -}}
{{- $args = append $args (printf "-XX:ActiveProcessorCount=%s" .) -}}
{{- end -}}
{{- range .Values.crowd.additionalJvmArgs -}}
{{- $args = append $args (toString .) -}}
{{- end -}}
{{- join " " $args -}}
{{- end -}}

{{- define "crowd.sharedHomeVolume" -}}
{{- $sh := .Values.volumes.sharedHome -}}
{{- if $sh.customVolume -}}
{{- toYaml $sh.customVolume -}}
{{- else if $sh.persistentVolumeClaim.create -}}
persistentVolumeClaim:
  claimName: {{ include "crowd.fullname" . }}-shared-home
{{- else -}}
emptyDir: {}
{{- end -}}
{{- end -}}

{{- define "crowd.validate" -}}
{{- $replicas := int .Values.replicaCount -}}
{{- if gt $replicas 1 -}}
{{- if not .Values.crowd.clustering.enabled -}}
{{- fail (printf "replicaCount is %d but crowd.clustering.enabled is false: Crowd runs as one node unless Data Center clustering is switched on explicitly (it also needs a ReadWriteMany shared home and a Data Center license)" $replicas) -}}
{{- end -}}
{{- $sh := .Values.volumes.sharedHome -}}
{{- if and (not $sh.customVolume) (not $sh.persistentVolumeClaim.create) -}}
{{- fail (printf "replicaCount is %d with crowd.clustering.enabled but the shared home is an emptyDir: Crowd cluster nodes must share one home; set volumes.sharedHome.customVolume or volumes.sharedHome.persistentVolumeClaim.create (ReadWriteMany)" $replicas) -}}
{{- end -}}
{{- if and $sh.persistentVolumeClaim.create (not $sh.customVolume) (not (has "ReadWriteMany" $sh.persistentVolumeClaim.accessModes)) -}}
{{- fail (printf "replicaCount is %d: volumes.sharedHome.persistentVolumeClaim.accessModes must include ReadWriteMany" $replicas) -}}
{{- end -}}
{{- end -}}
{{- if .Values.crowd.tomcatConfig.generateByHelm -}}
{{- fail "crowd.tomcatConfig.generateByHelm is not supported by this chart: set Tomcat through crowd.additionalEnvironmentVariables (ATL_TOMCAT_*) instead" -}}
{{- end -}}
{{- $jvm := .Values.crowd.resources.jvm -}}
{{- include "common.memory.check" (dict "what" "crowd container" "resources" .Values.crowd.resources.container "parts" (list (list "max heap" $jvm.maxHeap) (list "non-heap overhead" $jvm.nonHeapOverhead))) -}}
{{- end -}}

{{- define "crowd.chartEnv" -}}
{{- $c := .Values.crowd -}}
{{- $jvmCm := printf "%s-jvm-config" (include "crowd.fullname" .) -}}
{{- $https := eq (toString .Values.ingress.https) "true" -}}
# Pod name for -Dcluster.node.name (see crowd.jvmArgs).
- name: KUBE_POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
{{- if $https }}
- name: ATL_TOMCAT_SCHEME
  value: "https"
- name: ATL_TOMCAT_SECURE
  value: "true"
{{- end }}
{{- with .Values.ingress.host }}
- name: ATL_PROXY_NAME
  value: {{ . | quote }}
- name: ATL_PROXY_PORT
  value: {{ ternary "443" "80" $https | quote }}
{{- end }}
{{- with $c.service.contextPath }}
- name: ATL_TOMCAT_CONTEXTPATH
  value: {{ . | quote }}
{{- end }}
- name: ATL_TOMCAT_PORT
  value: {{ $c.ports.http | quote }}
- name: ATL_TOMCAT_ACCESS_LOG
  value: {{ $c.accessLog.enabled | quote }}
- name: UMASK
  value: {{ $c.umask | quote }}
- name: SET_PERMISSIONS
  value: {{ $c.setPermissions | quote }}
- name: ATL_PRODUCT_HOME_SHARED
  value: {{ .Values.volumes.sharedHome.mountPath | quote }}
- name: JVM_SUPPORT_RECOMMENDED_ARGS
  valueFrom:
    configMapKeyRef:
      name: {{ $jvmCm }}
      key: additional_jvm_args
- name: JVM_MINIMUM_MEMORY
  valueFrom:
    configMapKeyRef:
      name: {{ $jvmCm }}
      key: min_heap
- name: JVM_MAXIMUM_MEMORY
  valueFrom:
    configMapKeyRef:
      name: {{ $jvmCm }}
      key: max_heap
{{- end -}}

{{/* Chart env minus names the user sets, then the user's entries: each name once, the user's value wins. */}}
{{- define "crowd.env" -}}
{{- $user := .Values.crowd.additionalEnvironmentVariables | default list -}}
{{- $userNames := list -}}
{{- range $user }}{{ $userNames = append $userNames .name }}{{ end -}}
{{- $out := list -}}
{{- range (include "crowd.chartEnv" . | fromYamlArray) -}}
{{- if not (has .name $userNames) -}}
{{- $out = append $out . -}}
{{- end -}}
{{- end -}}
{{- toYaml (concat $out $user) -}}
{{- end -}}
