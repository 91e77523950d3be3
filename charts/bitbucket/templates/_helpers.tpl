{{- define "bitbucket.fullname" -}}{{ include "common.names.fullname" (dict "ctx" .) }}{{- end -}}
{{- define "bitbucket.hazelcastServiceName" -}}{{ include "bitbucket.fullname" . }}-hazelcast{{- end -}}
{{- define "bitbucket.sshServiceName" -}}{{ include "bitbucket.fullname" . }}-ssh{{- end -}}

{{- define "bitbucket.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{- define "bitbucket.ingressPath" -}}
{{- .Values.ingress.path | default .Values.bitbucket.service.contextPath | default "/" -}}
{{- end -}}

{{/* A shared-home volume is mounted only when one is configured; otherwise Bitbucket keeps it in local home. */}}
{{- define "bitbucket.hasSharedHome" -}}
{{- $sh := .Values.volumes.sharedHome -}}
{{- if or $sh.customVolume $sh.persistentVolumeClaim.create -}}true{{- end -}}
{{- end -}}

{{/* Hazelcast rides on the HTTP Service only when clustering without the dedicated Service (the official layout). */}}
{{- define "bitbucket.hazelcastOnMainService" -}}
{{- if and .Values.bitbucket.clustering.enabled (not .Values.bitbucket.hazelcastService.enabled) -}}true{{- end -}}
{{- end -}}

{{/* Host clients use for SSH: sshService.host, else ingress.host. */}}
{{- define "bitbucket.sshHost" -}}
{{- .Values.bitbucket.sshService.host | default .Values.ingress.host | default "" -}}
{{- end -}}

{{/* ssh://host[:port]/ from the EXPOSED port of the SSH Service (22 is implied). */}}
{{- define "bitbucket.sshBaseUrl" -}}
{{- $port := int .Values.bitbucket.sshService.port -}}
{{- printf "ssh://%s%s/" (include "bitbucket.sshHost" .) (ternary "" (printf ":%d" $port) (eq $port 22)) -}}
{{- end -}}

{{/* Search: opensearch.* wins over the legacy bitbucket.elasticSearch.* keys. */}}
{{- define "bitbucket.search" -}}
{{- $os := .Values.opensearch -}}
{{- $es := .Values.bitbucket.elasticSearch -}}
{{- if $os.baseUrl -}}
{{- toYaml (dict "baseUrl" $os.baseUrl "credentials" $os.credentials) -}}
{{- else if $es.baseUrl -}}
{{- toYaml (dict "baseUrl" $es.baseUrl "credentials" $es.credentials) -}}
{{- end -}}
{{- end -}}

{{/* Port of the external search endpoint: explicit in the URL, else 443 for https, 9200 for http. */}}
{{- define "bitbucket.searchPort" -}}
{{- $url := (include "bitbucket.search" . | fromYaml).baseUrl | default "" -}}
{{- $hostPort := regexReplaceAll "^[a-zA-Z]+://([^/]+).*$" $url "${1}" -}}
{{- if regexMatch ":[0-9]+$" $hostPort -}}
{{- regexFind "[0-9]+$" $hostPort -}}
{{- else if hasPrefix "https" $url -}}
443
{{- else -}}
9200
{{- end -}}
{{- end -}}

{{- define "bitbucket.databasePort" -}}
{{- $np := .Values.networkPolicy | default dict -}}
{{- $url := .Values.database.url | default "" | toString -}}
{{- if dig "database" "port" nil $np -}}
{{- dig "database" "port" nil $np -}}
{{- else if regexMatch "//[^/:]+:[0-9]+" $url -}}
{{- regexFind "//[^/:]+:[0-9]+" $url | regexFind "[0-9]+$" -}}
{{- else if contains "mysql" $url -}}
3306
{{- else if contains "oracle" $url -}}
1521
{{- else if contains "sqlserver" $url -}}
1433
{{- else -}}
5432
{{- end -}}
{{- end -}}

{{/* -XX:ActiveProcessorCount from the CPU request, so the JVM sizes its pools to the pod. */}}
{{- define "bitbucket.activeProcessors" -}}
{{- $cpu := dig "requests" "cpu" "" (.Values.bitbucket.resources.container | default dict) | toString -}}
{{- if $cpu -}}
{{- if hasSuffix "m" $cpu -}}
{{- max 1 (ceil (divf (trimSuffix "m" $cpu | float64) 1000.0)) | int -}}
{{- else -}}
{{- max 1 (ceil ($cpu | float64)) | int -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* The ONLY place Bitbucket JVM arguments are produced (one JVM_SUPPORT_RECOMMENDED_ARGS via the JVM ConfigMap). */}}
{{- define "bitbucket.jvmArgs" -}}
{{- $args := list -}}
{{- with include "bitbucket.activeProcessors" . -}}
{{- $args = append $args (printf "-XX:ActiveProcessorCount=%s" .) -}}
{{- end -}}
{{- range .Values.bitbucket.additionalJvmArgs -}}
{{- $args = append $args (toString .) -}}
{{- end -}}
{{- join " " $args -}}
{{- end -}}

{{- define "bitbucket.sharedHomeVolume" -}}
{{- $sh := .Values.volumes.sharedHome -}}
{{- if $sh.customVolume -}}
{{- toYaml $sh.customVolume -}}
{{- else -}}
persistentVolumeClaim:
  claimName: {{ include "bitbucket.fullname" . }}-shared-home
{{- end -}}
{{- end -}}

{{- define "bitbucket.validate" -}}
{{- $b := .Values.bitbucket -}}
{{- $replicas := int .Values.replicaCount -}}
{{- if .Values.opensearch.install -}}
{{- fail "opensearch.install is not supported: this chart does not bundle a search cluster. Run OpenSearch separately and set opensearch.baseUrl (and opensearch.credentials.secretName)" -}}
{{- end -}}
{{- if gt $replicas 1 -}}
{{- if not $b.clustering.enabled -}}
{{- fail (printf "replicaCount is %d but bitbucket.clustering.enabled is false: several Bitbucket nodes must run as a Data Center cluster" $replicas) -}}
{{- end -}}
{{- if not (include "bitbucket.hasSharedHome" .) -}}
{{- fail (printf "replicaCount is %d but no shared home is configured: set volumes.sharedHome.customVolume or volumes.sharedHome.persistentVolumeClaim.create (ReadWriteMany)" $replicas) -}}
{{- end -}}
{{- if and .Values.volumes.sharedHome.persistentVolumeClaim.create (not .Values.volumes.sharedHome.customVolume) (ne .Values.volumes.sharedHome.persistentVolumeClaim.accessMode "ReadWriteMany") -}}
{{- fail (printf "replicaCount is %d: volumes.sharedHome.persistentVolumeClaim.accessMode must be ReadWriteMany" $replicas) -}}
{{- end -}}
{{- if not (include "bitbucket.search" .) -}}
{{- fail (printf "replicaCount is %d but no external search is set: a Bitbucket cluster cannot use the search bundled in each node; set opensearch.baseUrl" $replicas) -}}
{{- end -}}
{{- end -}}
{{- if and $b.clustering.enabled (not $b.clustering.group.secretName) -}}
{{- fail "bitbucket.clustering.enabled needs bitbucket.clustering.group.secretName: a Secret with the Hazelcast group name and password (keys bitbucket.clustering.group.nameSecretKey / passwordSecretKey); the chart does not invent a shared password" -}}
{{- end -}}
{{- if and $b.sshService.enabled (not (include "bitbucket.sshHost" .)) (not (include "bitbucket.userSetsEnv" (dict "ctx" . "name" "PLUGIN_SSH_BASEURL"))) -}}
{{- fail "bitbucket.sshService.enabled needs the host clients use for SSH (bitbucket.sshService.host or ingress.host) so that clone URLs (PLUGIN_SSH_BASEURL) match the SSH load balancer" -}}
{{- end -}}
{{- if and (eq $b.applicationMode "mirror") (not $b.mirror.upstreamUrl) -}}
{{- fail "bitbucket.applicationMode mirror needs bitbucket.mirror.upstreamUrl" -}}
{{- end -}}
{{- $jvm := $b.resources.jvm -}}
{{- include "common.memory.check" (dict "what" "bitbucket container" "resources" $b.resources.container "parts" (list (list "max heap" $jvm.maxHeap) (list "non-heap overhead" $jvm.nonHeapOverhead))) -}}
{{- end -}}

{{/* "true" when bitbucket.additionalEnvironmentVariables sets the variable (dict "ctx" $ "name" "X"). */}}
{{- define "bitbucket.userSetsEnv" -}}
{{- range .ctx.Values.bitbucket.additionalEnvironmentVariables -}}
{{- if eq .name $.name -}}true{{- end -}}
{{- end -}}
{{- end -}}

{{- define "bitbucket.chartEnv" -}}
{{- $b := .Values.bitbucket -}}
{{- $jvmCm := printf "%s-jvm-config" (include "bitbucket.fullname" .) -}}
{{- $https := eq (toString .Values.ingress.https) "true" -}}
# Node name = pod name (stable per StatefulSet ordinal); $(KUBE_POD_NAME) is expanded by the kubelet.
- name: KUBE_POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: JAVA_OPTS
  value: "-Dcluster.node.name=$(KUBE_POD_NAME)"
- name: SERVER_PORT
  value: {{ $b.ports.http | quote }}
- name: SERVER_CONTEXT_PATH
  value: {{ include "bitbucket.ingressPath" . | quote }}
{{- if $https }}
- name: SERVER_SCHEME
  value: "https"
- name: SERVER_SECURE
  value: "true"
{{- end }}
{{- with .Values.ingress.host }}
- name: SERVER_PROXY_NAME
  value: {{ . | quote }}
- name: SERVER_PROXY_PORT
  value: {{ ternary "443" "80" $https | quote }}
- name: SETUP_BASEURL
  value: {{ printf "%s://%s%s" (ternary "https" "http" $https) . (trimSuffix "/" (include "bitbucket.ingressPath" $)) | quote }}
{{- end }}
{{- with $b.displayName }}
- name: SETUP_DISPLAYNAME
  value: {{ . | quote }}
{{- end }}
# The port Bitbucket's SSH server listens on (the container port); the SSH Service maps its exposed port to it.
- name: PLUGIN_SSH_PORT
  value: {{ $b.ports.ssh | quote }}
{{- if and $b.sshService.enabled (include "bitbucket.sshHost" .) }}
# Clone URLs advertise the SSH load balancer's host and exposed port.
- name: PLUGIN_SSH_BASEURL
  value: {{ include "bitbucket.sshBaseUrl" . | quote }}
{{- end }}
- name: SET_PERMISSIONS
  value: {{ $b.setPermissions | quote }}
- name: APPLICATION_MODE
  value: {{ $b.applicationMode | default "default" | quote }}
{{- with $b.mirror.upstreamUrl }}
- name: PLUGIN_MIRRORING_UPSTREAM_URL
  value: {{ . | quote }}
- name: PLUGIN_MIRRORING_UPSTREAM_TYPE
  value: "server"
{{- end }}
{{- if include "bitbucket.hasSharedHome" . }}
- name: BITBUCKET_SHARED_HOME
  value: {{ .Values.volumes.sharedHome.mountPath | quote }}
{{- end }}
{{- with .Values.database.driver }}
- name: JDBC_DRIVER
  value: {{ . | quote }}
{{- end }}
{{- with .Values.database.url }}
- name: JDBC_URL
  value: {{ . | quote }}
{{- end }}
{{- with .Values.database.credentials.secretName }}
- name: JDBC_USER
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $.Values.database.credentials.usernameSecretKey }}
- name: JDBC_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $.Values.database.credentials.passwordSecretKey }}
{{- end }}
{{- with $b.license.secretName }}
- name: SETUP_LICENSE
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $b.license.secretKey }}
{{- end }}
{{- with $b.sysadminCredentials }}
{{- if .secretName }}
- name: SETUP_SYSADMIN_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ .secretName }}
      key: {{ .usernameSecretKey }}
- name: SETUP_SYSADMIN_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .secretName }}
      key: {{ .passwordSecretKey }}
- name: SETUP_SYSADMIN_DISPLAYNAME
  valueFrom:
    secretKeyRef:
      name: {{ .secretName }}
      key: {{ .displayNameSecretKey }}
- name: SETUP_SYSADMIN_EMAILADDRESS
  valueFrom:
    secretKeyRef:
      name: {{ .secretName }}
      key: {{ .emailAddressSecretKey }}
{{- end }}
{{- end }}
{{- with include "bitbucket.search" . | fromYaml }}
# External OpenSearch: the search bundled in the image stays off.
- name: SEARCH_ENABLED
  value: "false"
- name: PLUGIN_SEARCH_CONFIG_BASEURL
  value: {{ .baseUrl | quote }}
{{- if .credentials.secretName }}
- name: PLUGIN_SEARCH_CONFIG_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ .credentials.secretName }}
      key: {{ .credentials.usernameSecretKey }}
- name: PLUGIN_SEARCH_CONFIG_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .credentials.secretName }}
      key: {{ .credentials.passwordSecretKey }}
{{- end }}
{{- end }}
{{- if $b.clustering.enabled }}
- name: KUBERNETES_NAMESPACE
  valueFrom:
    fieldRef:
      fieldPath: metadata.namespace
- name: HAZELCAST_NETWORK_KUBERNETES
  value: "true"
- name: HAZELCAST_KUBERNETES_SERVICE_NAME
  value: {{ ternary (include "bitbucket.hazelcastServiceName" .) (include "bitbucket.fullname" .) $b.hazelcastService.enabled | quote }}
- name: HAZELCAST_PORT
  value: {{ $b.ports.hazelcast | quote }}
- name: HAZELCAST_GROUP_NAME
  valueFrom:
    secretKeyRef:
      name: {{ $b.clustering.group.secretName }}
      key: {{ $b.clustering.group.nameSecretKey }}
- name: HAZELCAST_GROUP_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $b.clustering.group.secretName }}
      key: {{ $b.clustering.group.passwordSecretKey }}
{{- end }}
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
- name: JVM_SUPPORT_RECOMMENDED_ARGS
  valueFrom:
    configMapKeyRef:
      name: {{ $jvmCm }}
      key: additional_jvm_args
{{- end -}}

{{/*
Bitbucket container environment: the chart's entries, minus any name the user sets in
bitbucket.additionalEnvironmentVariables, then the user's entries. Every name appears once, and
the user's value wins (e.g. PLUGIN_SSH_BASEURL set by hand as the official docs suggest).
*/}}
{{- define "bitbucket.env" -}}
{{- $user := .Values.bitbucket.additionalEnvironmentVariables | default list -}}
{{- $userNames := list -}}
{{- range $user }}{{ $userNames = append $userNames .name }}{{ end -}}
{{- $out := list -}}
{{- range (include "bitbucket.chartEnv" . | fromYamlArray) -}}
{{- if not (has .name $userNames) -}}
{{- $out = append $out . -}}
{{- end -}}
{{- end -}}
{{- toYaml (concat $out $user) -}}
{{- end -}}
