def log = new File(basedir, 'build.log').text
assert log.contains('dcforge diff: 4 changed, 0 added, 0 removed resource(s) in 2 of 2 environment/chart(s) against HEAD (') : log
assert log.contains('  ~ Secret/demo-db (changed)') : log
assert log.contains("-  password: '******'") && log.contains("+  password: '****** (changed)'") : log
assert log.contains('  ~ Deployment/demo (changed)') : log
assert log.contains('-  replicas: 3') && log.contains('+  replicas: 4') : log
assert log.contains('-  replicas: 1') && log.contains('+  replicas: 2') : log
def md = new File(basedir, 'target/dcforge/diff.md').text
assert md.startsWith('### dcforge diff against `HEAD (') : md
assert md.contains('| `prod/demo` | 2 | 0 | 0 |') : md
// secret values never reach the console or the report
['old-secret', 'new-secret', 'b2xkLXNlY3JldC'].each { s -> assert !log.contains(s) && !md.contains(s) : "leaked $s" }
assert md.contains('```diff\n--- base/prod/demo/Deployment/demo\n+++ head/prod/demo/Deployment/demo\n') : md
// the second run fails on the change (dcforge.diff.failOnChange=true)
assert log.contains('(dcforge.diff.failOnChange=true)') : log
// the working tree is left as it was: the base was exported, not checked out
assert new File(basedir, 'overrides/demo.yaml.j2').text.contains('replicas + 1')
return true
