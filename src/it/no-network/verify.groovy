// The plugin makes no network call: build again, offline, inside a network namespace that has no
// network at all (only a down loopback). Any DNS lookup or connection would fail the build.
def unshare = ['sh', '-c', 'command -v unshare && unshare -n true'].execute()
unshare.waitFor()
if (unshare.exitValue() != 0) {
    println 'SKIPPED no-network check: this machine cannot create a network namespace (unshare -n)'
    return true
}
new File(basedir, 'target/dcforge').deleteDir()  // a full build, not an incremental no-op
def log = new File(basedir, 'no-network.log')
def cmd = ['unshare', '-n', 'mvn', '-o', '-llr', '-B', "-Dmaven.repo.local=${localRepositoryPath}", 'package']
def proc = cmd.execute(null, basedir)
log.withWriter { w -> proc.consumeProcessOutput(w, w); proc.waitFor() }
def text = log.text
assert proc.exitValue() == 0 : "offline build without network failed:\n${text.readLines().findAll { it.contains('ERROR') }.take(20).join('\n')}"
assert text.contains('dcforge build summary:')
assert new File(basedir, 'target/dcforge/packages/prod/demo-0.1.0.tgz').isFile()
return true
