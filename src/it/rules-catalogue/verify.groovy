def log = new File(basedir, 'build.log').text
// text listing: grouped by pack, severity, id, title, equivalents
assert log =~ /error\s+pss-host-network\s+Pod shares the host network namespace \(baseline, restricted\)\s+\[checkov: CKV_K8S_19; kubeLinter: host-network; polaris: hostNetworkSet\]/
assert log.contains('atlassian:')
assert log =~ /info\s+team-label\s+Workload has no team label/ : 'custom rules are listed'
// JSON listing
def start = log.indexOf('[ {')
assert start >= 0 : 'JSON array printed'
def json = new groovy.json.JsonSlurper().parseText(log.substring(start, log.indexOf('} ]', start) + 3))
assert json.size() >= 76
assert json.find { it.id == 'duplicate-env-var' }.pack == 'atlassian'
assert json.find { it.id == 'team-label' }.origin == 'custom:team-label.yaml'
return true
