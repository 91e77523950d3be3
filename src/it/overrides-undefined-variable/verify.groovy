def log = new File(basedir, 'build.log').text
def template = new File(basedir, 'overrides/profiles/ha.yaml.j2').canonicalPath
assert log.contains(template + ":2: template error: undefined variable 'replcas'. What to do: define it in the stack file's facts, or write '| default(...)' or '| required(\"why\")'") : log
assert !new File(basedir, 'target/dcforge/values/dev/demo.yaml').exists() : 'no values file may be left behind'
assert !log.contains('at dev.dcforge') && !log.contains('at com.hubspot') : 'no stack trace'
return true
