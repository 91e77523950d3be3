def log = new File(basedir, 'build.log').text
def envFile = new File(basedir, 'overrides/prod/demo.yaml.j2').canonicalPath
def schema = new File(basedir, 'charts/demo/values.schema.json').path
assert log.contains(envFile + ":3: values of demo in environment 'prod' do not match " + schema + " (1 error):") : log
assert log.contains('  ' + envFile + ":3: image.tga: unknown key 'tga' in image; allowed: repository, tag") : log
assert log.contains('What to do: fix the override values at the lines shown')
assert new File(basedir, 'target/dcforge/values/dev/demo.yaml').isFile() : 'dev rendered before prod failed'
assert !new File(basedir, 'target/dcforge/values/prod/demo.yaml').exists() : 'no values file may be left behind'
assert !log.contains('at dev.dcforge') : 'no stack trace'
return true
