def out = new File(basedir, 'target/dcforge')
def values = new File(out, 'values/prod/demo.yaml').text
assert values.contains('replicaCount: 3') : values
assert values.contains('tag: "1.27-prod"') || values.contains("tag: 1.27-prod") : values
def manifest = new File(out, 'manifests/dev/demo.yaml').text
assert manifest.contains('# Source: demo/templates/deployment.yaml')
assert manifest.contains('image: "nginx:1.27-dev"')
def findings = new groovy.json.JsonSlurper().parse(new File(out, 'reports/findings.json'))
assert findings instanceof List
assert findings.every { it.severity != 'error' }
assert new File(out, 'reports/dcforge.sarif').isFile()
assert new File(out, 'reports/TEST-dcforge.xml').text.contains('<testsuite name="prod/demo"')
assert new File(out, 'packages/prod/demo-0.1.0.tgz').isFile()
assert new File(out, 'packages/dev/demo-0.1.0.tgz').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('dcforge build summary:')
assert log =~ /prod\/demo\s+2\s+0\s+/
return true
