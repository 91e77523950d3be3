import groovy.json.JsonSlurper

def out = new File(basedir, 'target/dcforge')
def log = new File(basedir, 'build.log').text

// layering: product file, then profiles, then the environment file
assert new File(out, 'values/prod/front.yaml').text == '''replicaCount: 2
image:
  repository: registry.example.test/front
env:
  - name: PUBLIC_URL
    value: https://front.example.test
  - name: BACKEND
    value: http://back
ingress:
  enabled: true
  host: front.example.test
  sticky: true
  websocketTimeout: 3600
'''
assert new File(out, 'values/dev/front.yaml').text.startsWith('image:\n  repository: registry.example.test/front\n') : 'dev replaces the profile list: no ha'
def back = new File(out, 'values/prod/back.yaml').text
assert back == 'replicaCount: 2\nimage:\n  repository: registry.example.test/back\n  tag: 1.27-prod\n' : back

// source map: every path to the template and line that set it
def sources = new JsonSlurper().parse(new File(out, 'values/prod/.front.sources.json')).sources
assert sources['replicaCount'] == [file: 'overrides/profiles/ha.yaml.j2', line: 1]
assert sources['image.repository'] == [file: 'overrides/front.yaml.j2', line: 2] : 'macro output: the line calling the macro'
assert sources['env[0].value'] == [file: 'overrides/front.yaml.j2', line: 5]
assert sources['ingress.host'] == [file: 'overrides/profiles/websocket-ingress.yaml.j2', line: 3]
def backSources = new JsonSlurper().parse(new File(out, 'values/prod/.back.sources.json')).sources
assert backSources['image.tag'] == [file: 'overrides/prod/back.yaml.j2', line: 2]

// templated, validated and packaged per environment
def manifest = new File(out, 'manifests/prod/front.yaml').text
assert manifest.contains('nginx.ingress.kubernetes.io/affinity: cookie')
assert manifest.contains('image: "registry.example.test/front:1.27"')
for (env in ['dev', 'prod']) {
    for (chart in ['front', 'back']) {
        assert new File(out, "packages/${env}/${chart}-0.1.0.tgz").isFile()
    }
}
assert log.contains('dcforge: rendered 4 values file(s)')
assert log =~ /prod\/front\s+3\s+0\s+/
return true
