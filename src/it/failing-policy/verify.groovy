def log = new File(basedir, 'build.log').text
assert log.contains("ERROR [privileged-container] charts/demo/templates/deployment.yaml (target/dcforge/manifests/dev/demo.yaml:16): Deployment/demo: container 'app': runs privileged (securityContext.privileged is true)") : 'expected the failing rule line'
assert log.contains('dcforge validate: 2 finding(s) at or above error (dcforge.failOn=error):')
// reports are written before the build fails; the package step never ran
assert new File(basedir, 'target/dcforge/reports/findings.json').text.contains('"rule" : "privileged-container"')
assert !new File(basedir, 'target/dcforge/packages').exists()
assert !log.contains('at dev.dcforge') : 'no stack trace for a policy failure'
return true
