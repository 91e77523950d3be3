def log = new File(basedir, 'build.log').text
assert log.contains('overrides/demo.yaml.j2: values do not match') : 'expected the values error naming the override file'
assert log.contains('$.image: property \'tga\' is not defined in the schema and the schema does not allow additional properties')
assert log.contains('$.replicaCount: string found, integer expected')
assert log.contains('What to do: fix the override values')
assert !new File(basedir, 'target/dcforge/values/dev/demo.yaml').exists() : 'no values file may be left behind'
assert !log.contains('at dev.dcforge')
return true
