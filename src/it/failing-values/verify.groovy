def log = new File(basedir, 'build.log').text
def template = new File(basedir, 'overrides/demo.yaml.j2').canonicalPath
assert log.contains(template + ":1: values of demo in environment 'dev' do not match ") : 'expected the values error naming the override file and line'
assert log.contains('  ' + template + ':1: replicaCount: string found, integer expected') : log
assert log.contains('  ' + template + ":3: image.tga: unknown key 'tga' in image; allowed: repository, tag") : log
assert log.contains('What to do: fix the override values')
assert !new File(basedir, 'target/dcforge/values/dev/demo.yaml').exists() : 'no values file may be left behind'
assert !log.contains('at dev.dcforge')
return true
