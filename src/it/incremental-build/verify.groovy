def log = new File(basedir, 'build.log').text
// build.log holds the three invocations one after the other
def runs = log.split(/Scanning for projects/).findAll { it.contains('dcforge') }
assert runs.size() == 3 : "expected 3 builds in build.log, found ${runs.size()}"
def stages = ['render', 'template', 'validate', 'package']
stages.each { s ->
    assert !runs[0].contains("dcforge: $s is up to date") : "first build skipped $s"
    assert runs[1].contains("dcforge: $s is up to date") : "no-op rebuild did not skip $s:\n" + runs[1]
    assert !runs[2].contains("dcforge: $s is up to date") : "a changed kubeVersion did not re-run $s"
}
assert !runs[1].contains('install check') : 'the skipped package stage ran the install check'
assert runs[1].contains('dcforge build summary:') : 'the summary is printed even when nothing ran'
assert runs[1] =~ /prod\/demo\s+2\s+0\s+/ : 'the summary keeps the last results'
assert runs[1] =~ /time per stage: render \d+ ms \(up to date\) template \d+ ms \(up to date\) validate \d+ ms \(up to date\) package \d+ ms \(up to date\)/ : runs[1]
assert !(runs[2] =~ /\(up to date\)/) : runs[2]
['render', 'template', 'validate', 'package'].each { s ->
    assert new File(basedir, "target/dcforge/.state/${s}.properties").isFile()
}
assert new File(basedir, 'target/dcforge/packages/prod/demo-0.1.0.tgz').isFile()
return true
