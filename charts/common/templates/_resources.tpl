{{/*
common.memory.bytes: a JVM size ("1g", "768m", "512k") or a Kubernetes quantity
("2G", "2Gi", "2.5G", "1500Mi", "2147483648") -> number of bytes as a float string.
JVM suffixes k/m/g are binary (1024); Kubernetes K/M/G are decimal, Ki/Mi/Gi binary.
*/}}
{{- define "common.memory.bytes" -}}
{{- $s := toString . | trim -}}
{{- $m := regexFind "^[0-9.]+" $s -}}
{{- if not $m -}}
{{- fail (printf "cannot read memory size %q: expected a number with an optional unit such as 1g, 768m, 2Gi or 2G" $s) -}}
{{- end -}}
{{- $unit := trimPrefix $m $s -}}
{{- $mult := dict "" 1.0 "k" 1024.0 "m" 1048576.0 "g" 1073741824.0 "t" 1099511627776.0 "K" 1000.0 "M" 1000000.0 "G" 1000000000.0 "T" 1000000000000.0 "Ki" 1024.0 "Mi" 1048576.0 "Gi" 1073741824.0 "Ti" 1099511627776.0 -}}
{{- if not (hasKey $mult $unit) -}}
{{- fail (printf "cannot read memory size %q: unknown unit %q" $s $unit) -}}
{{- end -}}
{{- mulf (float64 $m) (get $mult $unit) -}}
{{- end -}}

{{/*
common.memory.check: fails the render when a container memory request or limit cannot hold
the JVM. (dict "what" "confluence container" "resources" <container resources>
               "parts" (list (list "max heap" "1g") (list "code cache" "256m") ...))
Every part is a JVM/Kubernetes size; their sum is the minimum memory the container needs.
*/}}
{{- define "common.memory.check" -}}
{{- $need := 0.0 -}}
{{- $desc := list -}}
{{- range .parts -}}
{{- if index . 1 -}}
{{- $need = addf $need (include "common.memory.bytes" (index . 1) | float64) -}}
{{- $desc = append $desc (printf "%s %s" (index . 0) (index . 1)) -}}
{{- end -}}
{{- end -}}
{{- $res := .resources | default dict -}}
{{- range $kind := list "limits" "requests" -}}
{{- $mem := dig $kind "memory" "" $res -}}
{{- if $mem -}}
{{- $have := include "common.memory.bytes" $mem | float64 -}}
{{- if lt $have $need -}}
{{- fail (printf "%s: memory %s %s (%.0f MiB) is below what the JVM needs: %s = %.0f MiB. Raise resources.container.%s.memory or lower the JVM sizes." $.what $kind $mem (divf $have 1048576.0) (join " + " $desc) (divf $need 1048576.0) $kind) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
