{{- define "jira.fullname" -}}{{ include "common.names.fullname" (dict "ctx" .) }}{{- end -}}
{{/* Headless Service: stable pod DNS for the StatefulSet. */}}
{{- define "jira.clusterServiceName" -}}{{ include "jira.fullname" . }}-cluster{{- end -}}

{{- define "jira.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{- define "jira.ingressPath" -}}
{{- .Values.ingress.path | default .Values.jira.service.contextPath | default "/" -}}
{{- end -}}

{{/* -XX:ActiveProcessorCount from the CPU request, so the JVM sizes its pools to the pod. */}}
{{- define "jira.activeProcessors" -}}
{{- $cpu := dig "requests" "cpu" "" (.Values.jira.resources.container | default dict) | toString -}}
{{- if $cpu -}}
{{- if hasSuffix "m" $cpu -}}
{{- max 1 (ceil (divf (trimSuffix "m" $cpu | float64) 1000.0)) | int -}}
{{- else -}}
{{- max 1 (ceil ($cpu | float64)) | int -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* The ONLY place Jira JVM arguments are produced (one JVM_SUPPORT_RECOMMENDED_ARGS via the JVM ConfigMap). */}}
{{- define "jira.jvmArgs" -}}
{{- $args := list -}}
{{- with include "jira.activeProcessors" . -}}
{{- $args = append $args (printf "-XX:ActiveProcessorCount=%s" .) -}}
{{- end -}}
{{- range .Values.jira.additionalJvmArgs -}}
{{- $args = append $args (toString .) -}}
{{- end -}}
{{- join " " $args -}}
{{- end -}}

{{- define "jira.databasePort" -}}
{{- $np := .Values.networkPolicy | default dict -}}
{{- if dig "database" "port" nil $np -}}
{{- dig "database" "port" nil $np -}}
{{- else if .Values.database.type -}}
{{- $ports := dict "postgres72" 5432 "postgresql" 5432 "mysql8" 3306 "mysql57" 3306 "mysql" 3306 "oracle10g" 1521 "oracle" 1521 "mssql" 1433 "aurora_postgresql" 5432 -}}
{{- get $ports (toString .Values.database.type) | default 5432 -}}
{{- else -}}
5432
{{- end -}}
{{- end -}}

{{- define "jira.sharedHomeVolume" -}}
{{- $sh := .Values.volumes.sharedHome -}}
{{- if $sh.customVolume -}}
{{- toYaml $sh.customVolume -}}
{{- else if $sh.persistentVolumeClaim.create -}}
persistentVolumeClaim:
  claimName: {{ include "jira.fullname" . }}-shared-home
{{- else -}}
emptyDir: {}
{{- end -}}
{{- end -}}

{{- define "jira.validate" -}}
{{- $replicas := int .Values.replicaCount -}}
{{- if gt $replicas 1 -}}
{{- if not .Values.jira.clustering.enabled -}}
{{- fail (printf "replicaCount is %d but jira.clustering.enabled is false: several Jira nodes must run as a Data Center cluster" $replicas) -}}
{{- end -}}
{{- $sh := .Values.volumes.sharedHome -}}
{{- if and (not $sh.customVolume) (not $sh.persistentVolumeClaim.create) -}}
{{- fail (printf "replicaCount is %d but the shared home is an emptyDir: set volumes.sharedHome.customVolume or volumes.sharedHome.persistentVolumeClaim.create (ReadWriteMany)" $replicas) -}}
{{- end -}}
{{- if and $sh.persistentVolumeClaim.create (not $sh.customVolume) (not (has "ReadWriteMany" $sh.persistentVolumeClaim.accessModes)) -}}
{{- fail (printf "replicaCount is %d: volumes.sharedHome.persistentVolumeClaim.accessModes must include ReadWriteMany" $replicas) -}}
{{- end -}}
{{- end -}}
{{- $jvm := .Values.jira.resources.jvm -}}
{{- include "common.memory.check" (dict "what" "jira container" "resources" .Values.jira.resources.container "parts" (list (list "max heap" $jvm.maxHeap) (list "code cache" $jvm.reservedCodeCache) (list "non-heap overhead" $jvm.nonHeapOverhead))) -}}
{{- end -}}

{{/*
Jira container environment; each name set once. additionalEnvironmentVariables are appended as
given (reusing a name here duplicates it and the later entry silently wins).
*/}}
{{- define "jira.env" -}}
{{- $j := .Values.jira -}}
{{- $jvmCm := printf "%s-jvm-config" (include "jira.fullname" .) -}}
{{- if eq (toString .Values.ingress.https) "true" }}
- name: ATL_TOMCAT_SCHEME
  value: "https"
- name: ATL_TOMCAT_SECURE
  value: "true"
{{- end }}
{{- with .Values.ingress.host }}
- name: ATL_PROXY_NAME
  value: {{ . | quote }}
- name: ATL_PROXY_PORT
  value: {{ ternary "443" "80" (eq (toString $.Values.ingress.https) "true") | quote }}
{{- end }}
- name: ATL_TOMCAT_PORT
  value: {{ $j.ports.http | quote }}
{{- with $j.service.contextPath }}
- name: ATL_TOMCAT_CONTEXTPATH
  value: {{ . | quote }}
{{- end }}
- name: SET_PERMISSIONS
  value: {{ $j.setPermissions | quote }}
- name: JIRA_SHARED_HOME
  value: {{ .Values.volumes.sharedHome.mountPath | quote }}
{{- with .Values.database.type }}
- name: ATL_DB_TYPE
  value: {{ . | quote }}
{{- end }}
{{- with .Values.database.driver }}
- name: ATL_DB_DRIVER
  value: {{ . | quote }}
{{- end }}
{{- with .Values.database.url }}
- name: ATL_JDBC_URL
  value: {{ . | quote }}
{{- end }}
{{- with .Values.database.credentials.secretName }}
- name: ATL_JDBC_USER
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $.Values.database.credentials.usernameSecretKey }}
- name: ATL_JDBC_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $.Values.database.credentials.passwordSecretKey }}
{{- end }}
{{- if $j.forceConfigUpdate }}
- name: ATL_FORCE_CFG_UPDATE
  value: "true"
{{- end }}
{{- if $j.clustering.enabled }}
- name: CLUSTERED
  value: "true"
# Node id = pod name: stable across restarts of the same StatefulSet ordinal.
- name: JIRA_NODE_ID
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
# Peers call back on the pod IP (refreshed by the downward API on every start).
- name: EHCACHE_LISTENER_HOSTNAME
  valueFrom:
    fieldRef:
      fieldPath: status.podIP
- name: EHCACHE_LISTENER_PORT
  value: {{ $j.ports.ehcache | quote }}
- name: EHCACHE_OBJECT_PORT
  value: {{ $j.ports.ehcacheobject | quote }}
{{- end }}
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
- name: JVM_RESERVED_CODE_CACHE_SIZE
  valueFrom:
    configMapKeyRef:
      name: {{ $jvmCm }}
      key: reserved_code_cache
{{- with $j.additionalEnvironmentVariables }}
{{ toYaml . }}
{{- end }}
{{- end -}}
