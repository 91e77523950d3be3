{{/*
Security defaults (restricted Pod Security Standard).

common.security.pod: (dict "uid" 2002 "enabled" true "override" .Values.<product>.securityContext)
  Pod securityContext: non-root UID/GID/fsGroup of the product image, seccomp RuntimeDefault.
  Keys in "override" win (official charts put fsGroup/fsGroupChangePolicy there).
  With "enabled" false nothing is rendered (official securityContextEnabled: false).

common.security.container: (dict "override" .Values.<product>.containerSecurityContext)
  Container securityContext: no privilege escalation, all capabilities dropped, seccomp
  RuntimeDefault; "override" keys win. Non-root is enforced on the pod (common.security.pod).
*/}}
{{- define "common.security.pod" -}}
{{- if (eq (toString .enabled) "false") | not -}}
{{- $uid := int .uid -}}
{{- $defaults := dict "runAsNonRoot" true "runAsUser" $uid "runAsGroup" $uid "fsGroup" $uid "fsGroupChangePolicy" "OnRootMismatch" "seccompProfile" (dict "type" "RuntimeDefault") -}}
{{- toYaml (mergeOverwrite $defaults (deepCopy (.override | default dict))) -}}
{{- end -}}
{{- end -}}

{{- define "common.security.container" -}}
{{- /* runAsNonRoot/runAsUser live on the pod: a container-level runAsNonRoot without a numeric
       runAsUser fails on images whose USER is a name. */ -}}
{{- $defaults := dict "allowPrivilegeEscalation" false "capabilities" (dict "drop" (list "ALL")) "seccompProfile" (dict "type" "RuntimeDefault") -}}
{{- toYaml (mergeOverwrite $defaults (deepCopy (.override | default dict))) -}}
{{- end -}}
