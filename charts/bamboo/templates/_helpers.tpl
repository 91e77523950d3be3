{{- define "bamboo.fullname" -}}{{ include "common.names.fullname" (dict "ctx" .) }}{{- end -}}
{{- define "bamboo.jmsServiceName" -}}{{ include "bamboo.fullname" . }}-jms{{- end -}}

{{- define "bamboo.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{- define "bamboo.ingressPath" -}}
{{- .Values.ingress.path | default .Values.bamboo.service.contextPath | default "/" -}}
{{- end -}}

{{/* ATL_BASE_URL: bamboo.baseUrl, else the ingress host, else the pod-local address. */}}
{{- define "bamboo.baseUrl" -}}
{{- $https := eq (toString .Values.ingress.https) "true" -}}
{{- if .Values.bamboo.baseUrl -}}
{{- .Values.bamboo.baseUrl -}}
{{- else if .Values.ingress.host -}}
{{- printf "%s://%s%s" (ternary "https" "http" $https) .Values.ingress.host (trimSuffix "/" (include "bamboo.ingressPath" .)) -}}
{{- else -}}
{{- printf "http://localhost:%v%s" .Values.bamboo.ports.http (trimSuffix "/" (.Values.bamboo.service.contextPath | default "")) -}}
{{- end -}}
{{- end -}}

{{/* -XX:ActiveProcessorCount from the CPU request, so the JVM sizes its pools to the pod. */}}
{{- define "bamboo.activeProcessors" -}}
{{- $cpu := dig "requests" "cpu" "" (.Values.bamboo.resources.container | default dict) | toString -}}
{{- if $cpu -}}
{{- if hasSuffix "m" $cpu -}}
{{- max 1 (ceil (divf (trimSuffix "m" $cpu | float64) 1000.0)) | int -}}
{{- else -}}
{{- max 1 (ceil ($cpu | float64)) | int -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* The ONLY place Bamboo JVM arguments are produced (one JVM_SUPPORT_RECOMMENDED_ARGS via the JVM ConfigMap). */}}
{{- define "bamboo.jvmArgs" -}}
{{- $args := list -}}
{{- with include "bamboo.activeProcessors" . -}}
{{- $args = append $args (printf "-XX:ActiveProcessorCount=%s" .) -}}
{{- end -}}
{{- range .Values.bamboo.additionalJvmArgs -}}
{{- $args = append $args (toString .) -}}
{{- end -}}
{{- join " " $args -}}
{{- end -}}

{{- define "bamboo.databasePort" -}}
{{- $np := .Values.networkPolicy | default dict -}}
{{- if dig "database" "port" nil $np -}}
{{- dig "database" "port" nil $np -}}
{{- else if .Values.database.type -}}
{{- $t := toString .Values.database.type -}}
{{- if contains "mysql" $t }}3306{{ else if contains "oracle" $t }}1521{{ else if contains "mssql" $t }}1433{{ else }}5432{{ end -}}
{{- else -}}
5432
{{- end -}}
{{- end -}}

{{- define "bamboo.sharedHomeVolume" -}}
{{- $sh := .Values.volumes.sharedHome -}}
{{- if $sh.customVolume -}}
{{- toYaml $sh.customVolume -}}
{{- else if $sh.persistentVolumeClaim.create -}}
persistentVolumeClaim:
  claimName: {{ include "bamboo.fullname" . }}-shared-home
{{- else -}}
emptyDir: {}
{{- end -}}
{{- end -}}

{{- define "bamboo.validate" -}}
{{- $b := .Values.bamboo -}}
{{- if gt (int .Values.replicaCount) 1 -}}
{{- fail (printf "replicaCount is %d, but Bamboo Data Center is active-passive: only ONE server node may run against a home and database (a second node would corrupt them). Use replicaCount 1; scale builds with the bamboo-agent chart instead." (int .Values.replicaCount)) -}}
{{- end -}}
{{- if $b.tomcatConfig.generateByHelm -}}
{{- fail "bamboo.tomcatConfig.generateByHelm is not supported by this chart: set Tomcat through bamboo.additionalEnvironmentVariables (ATL_TOMCAT_*) instead" -}}
{{- end -}}
{{- if $b.seraphConfig.generateByHelm -}}
{{- fail "bamboo.seraphConfig.generateByHelm is not supported by this chart: mount your seraph-config.xml with additionalConfigMaps instead" -}}
{{- end -}}
{{- if and (eq (toString $b.import.type) "import") (not $b.import.path) -}}
{{- fail "bamboo.import.type import needs bamboo.import.path (the export file in the shared home)" -}}
{{- end -}}
{{- $jvm := $b.resources.jvm -}}
{{- include "common.memory.check" (dict "what" "bamboo container" "resources" $b.resources.container "parts" (list (list "max heap" $jvm.maxHeap) (list "non-heap overhead" $jvm.nonHeapOverhead))) -}}
{{- end -}}

{{- define "bamboo.chartEnv" -}}
{{- $b := .Values.bamboo -}}
{{- $jvmCm := printf "%s-jvm-config" (include "bamboo.fullname" .) -}}
{{- $https := eq (toString .Values.ingress.https) "true" -}}
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
- name: ATL_BASE_URL
  value: {{ include "bamboo.baseUrl" . | quote }}
- name: ATL_TOMCAT_PORT
  value: {{ $b.ports.http | quote }}
{{- with $b.service.contextPath }}
- name: ATL_TOMCAT_CONTEXTPATH
  value: {{ . | quote }}
{{- end }}
- name: SET_PERMISSIONS
  value: {{ $b.setPermissions | quote }}
- name: BAMBOO_SHARED_HOME
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
{{- if $b.forceConfigUpdate }}
- name: ATL_FORCE_CFG_UPDATE
  value: "true"
{{- end }}
{{- with $b.brokerUrl }}
- name: ATL_CLIENT_BROKER_URL
  value: {{ . | quote }}
{{- end }}
{{- with $b.securityToken.secretName }}
- name: SECURITY_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $b.securityToken.secretKey }}
{{- end }}
{{- if $b.disableAgentAuth }}
- name: ATL_BAMBOO_DISABLE_AGENT_AUTH
  value: "true"
{{- end }}
{{- with $b.license.secretName }}
- name: ATL_LICENSE
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $b.license.secretKey }}
{{- end }}
{{- with $b.sysadminCredentials }}
{{- if .secretName }}
- name: ATL_ADMIN_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ .secretName }}
      key: {{ .usernameSecretKey }}
- name: ATL_ADMIN_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .secretName }}
      key: {{ .passwordSecretKey }}
- name: ATL_ADMIN_FULLNAME
  valueFrom:
    secretKeyRef:
      name: {{ .secretName }}
      key: {{ .displayNameSecretKey }}
- name: ATL_ADMIN_EMAIL
  valueFrom:
    secretKeyRef:
      name: {{ .secretName }}
      key: {{ .emailAddressSecretKey }}
{{- end }}
{{- end }}
{{- if $b.unattendedSetup }}
- name: ATL_IMPORT_OPTION
  value: {{ $b.import.type | quote }}
- name: ATL_IMPORT_PATH
  value: {{ $b.import.path | default "" | quote }}
- name: ATL_BAMBOO_ENABLE_UNATTENDED_SETUP
  value: "true"
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
{{- end -}}

{{/* Chart env minus names the user sets, then the user's entries: each name once, the user's value wins. */}}
{{- define "bamboo.env" -}}
{{- $user := .Values.bamboo.additionalEnvironmentVariables | default list -}}
{{- $userNames := list -}}
{{- range $user }}{{ $userNames = append $userNames .name }}{{ end -}}
{{- $out := list -}}
{{- range (include "bamboo.chartEnv" . | fromYamlArray) -}}
{{- if not (has .name $userNames) -}}
{{- $out = append $out . -}}
{{- end -}}
{{- end -}}
{{- toYaml (concat $out $user) -}}
{{- end -}}
