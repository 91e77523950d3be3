def log = new File(basedir, 'build.log').text
def stack = new File(basedir, 'overrides/stack.yaml').path
assert log.contains(stack + ":3: unknown key 'domian' in facts. What to do: use one of the allowed keys: custom, database, domain, imageRegistry, ingress, kubernetesVersion, licenseSecrets, namespace, replicas, storage") : log
assert !new File(basedir, 'target/dcforge/values').exists() : 'nothing rendered from a broken stack file'
assert !log.contains('at dev.dcforge') : 'no stack trace'
return true
