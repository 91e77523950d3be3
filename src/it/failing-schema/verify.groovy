// A misspelled field in a chart template fails the build at the gate, naming the template and the field.
def log = new File(basedir, 'build.log').text
assert log.contains("ERROR [kubernetes-schema] charts/demo/templates/deployment.yaml (target/dcforge/manifests/dev/demo.yaml:") : 'expected the schema finding on the template'
assert log.contains('spec.template.spec.containers[0].imagePullPolcy: unknown field; did you mean imagePullPolicy?')
assert !new File(basedir, 'target/dcforge/packages').exists() : 'nothing is packaged after a failed gate'
return true
