def log = new File(basedir, 'build.log').text
def baseline = new File(basedir, 'dcforge-baseline.yaml')
assert baseline.isFile() : 'baseline recorded'
assert baseline.text.contains('privileged-container')
assert !baseline.text.contains('pss-host-network') : 'exempted findings are not recorded'
assert log.contains('dcforge: recorded ')
// second run: the exemption and the baseline suppress everything, and both are listed
assert log.contains('suppressed pss-host-network on Deployment/web')
assert log.contains('by exemption dcforge-exemptions.yaml:2: the metrics agent reads node interfaces')
assert log.contains('suppressed privileged-container on Deployment/web') && log.contains('by baseline dcforge-baseline.yaml')
assert log.contains('WARNING dcforge-exemptions.yaml:6: exemption for pss-privilege-escalation expired on 2020-01-01')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/second/findings.json'))
assert json.every { it.suppressed != null } : 'no active finding in the second run'
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/second/dcforge.sarif'))
assert sarif.runs[0].results.every { it.suppressions && it.suppressions[0].status == 'accepted' }
return true
