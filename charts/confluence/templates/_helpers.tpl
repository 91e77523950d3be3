{{/* Context dicts for the common helpers. */}}
{{- define "confluence.ctx" -}}{{- /* unused: kept as doc anchor */ -}}{{- end -}}

{{/* Synchrony mode: synchrony.mode wins; else the official synchrony.enabled means standalone. */}}
{{- define "confluence.synchronyMode" -}}
{{- $mode := .Values.synchrony.mode | default (ternary "standalone" "disabled" (eq (toString .Values.synchrony.enabled) "true")) -}}
{{- if not (has $mode (list "disabled" "standalone" "managed")) -}}
{{- fail (printf "synchrony.mode %q is not one of disabled, standalone, managed" $mode) -}}
{{- end -}}
{{- $mode -}}
{{- end -}}

{{/* Confluence's own Hazelcast port: explicit value, else 5801 with managed Synchrony (Synchrony takes 5701), else 5701. */}}
{{- define "confluence.hazelcastPort" -}}
{{- $mode := include "confluence.synchronyMode" . -}}
{{- $port := .Values.confluence.ports.hazelcast | default (ternary 5801 5701 (eq $mode "managed")) | int -}}
{{- if and (eq $mode "managed") (eq $port (int .Values.synchrony.ports.hazelcast)) -}}
{{- fail (printf "confluence.ports.hazelcast (%d) equals synchrony.ports.hazelcast: with managed Synchrony both Hazelcast instances run in the same pod and need different ports (default 5801 for Confluence, 5701 for Synchrony)" $port) -}}
{{- end -}}
{{- $port -}}
{{- end -}}

{{- define "confluence.fullname" -}}{{ include "common.names.fullname" (dict "ctx" .) }}{{- end -}}
{{- define "confluence.synchronyFullname" -}}{{ include "common.names.fullname" (dict "ctx" . "component" "synchrony") }}{{- end -}}
{{/* Headless Service: StatefulSet pod DNS and Hazelcast discovery (publishes not-ready pods so peers find each other while starting). */}}
{{- define "confluence.clusterServiceName" -}}{{ include "confluence.fullname" . }}-cluster{{- end -}}

{{- define "confluence.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{/* Base path of Confluence behind the ingress. */}}
{{- define "confluence.ingressPath" -}}
{{- .Values.ingress.path | default .Values.confluence.service.contextPath | default "/" -}}
{{- end -}}

{{/* Public base URL: scheme://host[/path]. */}}
{{- define "confluence.baseUrl" -}}
{{- $path := include "confluence.ingressPath" . | trimSuffix "/" -}}
{{- printf "%s://%s%s" (ternary "https" "http" (eq (toString .Values.ingress.https) "true")) (.Values.ingress.host | default "") $path -}}
{{- end -}}

{{/* Standalone Synchrony public URL (without /v1). */}}
{{- define "confluence.synchronyUrl" -}}
{{- if .Values.synchrony.service.url -}}
{{- .Values.synchrony.service.url | trimSuffix "/" -}}
{{- else -}}
{{- printf "%s://%s%s" (ternary "https" "http" (eq (toString .Values.ingress.https) "true")) (.Values.ingress.host | default "") (.Values.synchrony.ingress.path | default "/synchrony") -}}
{{- end -}}
{{- end -}}

{{/* -XX:ActiveProcessorCount from the CPU request ("2" -> 2, "500m" -> 1), so the JVM sizes its pools to the pod, not the node. */}}
{{- define "confluence.activeProcessors" -}}
{{- $cpu := dig "requests" "cpu" "" (.Values.confluence.resources.container | default dict) | toString -}}
{{- if $cpu -}}
{{- if hasSuffix "m" $cpu -}}
{{- max 1 (ceil (divf (trimSuffix "m" $cpu | float64) 1000.0)) | int -}}
{{- else -}}
{{- max 1 (ceil ($cpu | float64)) | int -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
The ONLY place Confluence JVM arguments are produced. They reach the JVM through one
JVM_SUPPORT_RECOMMENDED_ARGS (from the JVM ConfigMap); nothing else sets that variable.
*/}}
{{- define "confluence.jvmArgs" -}}
{{- $mode := include "confluence.synchronyMode" . -}}
{{- $args := list (printf "-Dconfluence.cluster.hazelcast.listenPort=%s" (include "confluence.hazelcastPort" .)) -}}
{{- if and .Values.confluence.clustering.enabled .Values.confluence.clustering.usePodNameAsClusterNodeName -}}
{{- $args = append $args "-Dconfluence.clusterNodeName.useHostname=true" -}}
{{- end -}}
{{- if eq $mode "standalone" -}}
{{- $args = append $args (printf "-Dsynchrony.service.url=%s/v1" (include "confluence.synchronyUrl" .)) -}}
{{- $args = append $args "-Dsynchrony.by.default.enable.collab.editing.if.manually.managed=true" -}}
{{- else if eq $mode "managed" -}}
{{- /* Confluence starts Synchrony itself and proxies it at /synchrony-proxy; synchrony.btf.disabled must be absent. */ -}}
{{- $args = append $args "-Dsynchrony.proxy.enabled=true" -}}
{{- $args = append $args (printf "-Dhazelcast.kubernetes.service-port=%s" (include "confluence.hazelcastPort" .)) -}}
{{- $args = append $args (printf "-Dsynchrony.memory.max=%s" .Values.synchrony.resources.jvm.maxHeap) -}}
{{- else -}}
{{- $args = append $args "-Dsynchrony.btf.disabled=true" -}}
{{- end -}}
{{- with include "confluence.activeProcessors" . -}}
{{- $args = append $args (printf "-XX:ActiveProcessorCount=%s" .) -}}
{{- end -}}
{{- range .Values.confluence.additionalJvmArgs -}}
{{- $args = append $args (toString .) -}}
{{- end -}}
{{- join " " $args -}}
{{- end -}}

{{/* Database port for the NetworkPolicy: explicit, else the default of database.type. */}}
{{- define "confluence.databasePort" -}}
{{- $np := .Values.networkPolicy | default dict -}}
{{- if dig "database" "port" nil $np -}}
{{- dig "database" "port" nil $np -}}
{{- else if .Values.database.type -}}
{{- $ports := dict "postgresql" 5432 "postgres72" 5432 "mysql" 3306 "mysql8" 3306 "oracle" 1521 "oracle10g" 1521 "mssql" 1433 "sqlserver" 1433 "aurora_postgresql" 5432 -}}
{{- get $ports (toString .Values.database.type) | default 5432 -}}
{{- else -}}
5432
{{- end -}}
{{- end -}}

{{/* Shared-home volume source: customVolume, else the chart's PVC, else emptyDir (single node only). */}}
{{- define "confluence.sharedHomeVolume" -}}
{{- $sh := .Values.volumes.sharedHome -}}
{{- if $sh.customVolume -}}
{{- toYaml $sh.customVolume -}}
{{- else if $sh.persistentVolumeClaim.create -}}
persistentVolumeClaim:
  claimName: {{ include "confluence.fullname" . }}-shared-home
{{- else -}}
emptyDir: {}
{{- end -}}
{{- end -}}

{{/* Refuse configurations that cannot form a working cluster. */}}
{{- define "confluence.validate" -}}
{{- $replicas := int .Values.replicaCount -}}
{{- if gt $replicas 1 -}}
{{- if not .Values.confluence.clustering.enabled -}}
{{- fail (printf "replicaCount is %d but confluence.clustering.enabled is false: several Confluence nodes must form a Data Center cluster" $replicas) -}}
{{- end -}}
{{- $sh := .Values.volumes.sharedHome -}}
{{- if and (not $sh.customVolume) (not $sh.persistentVolumeClaim.create) -}}
{{- fail (printf "replicaCount is %d but the shared home is an emptyDir: set volumes.sharedHome.customVolume or volumes.sharedHome.persistentVolumeClaim.create (ReadWriteMany)" $replicas) -}}
{{- end -}}
{{- if and $sh.persistentVolumeClaim.create (not $sh.customVolume) (not (has "ReadWriteMany" $sh.persistentVolumeClaim.accessModes)) -}}
{{- fail (printf "replicaCount is %d: volumes.sharedHome.persistentVolumeClaim.accessModes must include ReadWriteMany" $replicas) -}}
{{- end -}}
{{- end -}}
{{- if and (eq (include "confluence.synchronyMode" .) "managed") (not .Values.confluence.clustering.enabled) -}}
{{- fail "synchrony.mode managed needs confluence.clustering.enabled: a non-clustered Confluence manages Synchrony on its own without these settings" -}}
{{- end -}}
{{- $jvm := .Values.confluence.resources.jvm -}}
{{- $parts := list (list "max heap" $jvm.maxHeap) (list "code cache" $jvm.reservedCodeCache) (list "non-heap overhead" $jvm.nonHeapOverhead) -}}
{{- if eq (include "confluence.synchronyMode" .) "managed" -}}
{{- $parts = append $parts (list "managed Synchrony heap" .Values.synchrony.resources.jvm.maxHeap) -}}
{{- $parts = append $parts (list "managed Synchrony overhead" .Values.synchrony.resources.jvm.nonHeapOverhead) -}}
{{- end -}}
{{- include "common.memory.check" (dict "what" "confluence container" "resources" .Values.confluence.resources.container "parts" $parts) -}}
{{- if eq (include "confluence.synchronyMode" .) "standalone" -}}
{{- $sj := .Values.synchrony.resources.jvm -}}
{{- include "common.memory.check" (dict "what" "synchrony container" "resources" .Values.synchrony.resources.container "parts" (list (list "max heap" $sj.maxHeap) (list "non-heap overhead" $sj.nonHeapOverhead))) -}}
{{- end -}}
{{- end -}}

{{/*
Confluence container environment. Every name is set once here; JVM flags only travel in
JVM_SUPPORT_RECOMMENDED_ARGS (from the JVM ConfigMap). additionalEnvironmentVariables are appended
as given: reusing a name set here duplicates it (the later entry silently wins), which
`dcforge validate` reports; put JVM flags in confluence.additionalJvmArgs instead.
*/}}
{{- define "confluence.env" -}}
{{- $c := .Values.confluence -}}
{{- $jvmCm := printf "%s-jvm-config" (include "confluence.fullname" .) -}}
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
  value: {{ $c.ports.http | quote }}
{{- with $c.service.contextPath }}
- name: ATL_TOMCAT_CONTEXTPATH
  value: {{ . | quote }}
{{- end }}
{{- if $c.accessLog.enabled }}
- name: ATL_TOMCAT_ACCESS_LOG
  value: "true"
{{- end }}
- name: UMASK
  value: {{ $c.umask | quote }}
- name: SET_PERMISSIONS
  value: {{ $c.setPermissions | quote }}
- name: ATL_PRODUCT_HOME_SHARED
  value: {{ .Values.volumes.sharedHome.mountPath | quote }}
{{- with .Values.database.type }}
- name: ATL_DB_TYPE
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
{{- with $c.license.secretName }}
- name: ATL_LICENSE_KEY
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $c.license.secretKey }}
{{- end }}
{{- if $c.forceConfigUpdate }}
- name: ATL_FORCE_CFG_UPDATE
  value: "true"
{{- end }}
{{- if $c.clustering.enabled }}
- name: KUBERNETES_NAMESPACE
  valueFrom:
    fieldRef:
      fieldPath: metadata.namespace
- name: HAZELCAST_KUBERNETES_SERVICE_NAME
  value: {{ include "confluence.clusterServiceName" . | quote }}
- name: HAZELCAST_KUBERNETES_SERVICE_PORT
  value: {{ include "confluence.hazelcastPort" . | quote }}
- name: ATL_CLUSTER_TYPE
  value: "kubernetes"
- name: ATL_CLUSTER_NAME
  value: {{ $c.clustering.name | default (include "confluence.fullname" .) | quote }}
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
{{- with $c.additionalEnvironmentVariables }}
{{ toYaml . }}
{{- end }}
{{- end -}}
