def log = new File(basedir, 'build.log').text
assert log.contains("ERROR [duplicate-env-var] manifests/app.yaml:1: Pod/web: container 'web' sets env JVM_SUPPORT_RECOMMENDED_ARGS twice; Kubernetes keeps the last value '-Dsynchrony.proxy.enabled=true' and loses '-Xmx1g'")
assert new File(basedir, 'target/dcforge/reports/findings.json').isFile()
assert log.contains('environment/chart')
return true
