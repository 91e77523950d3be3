// mvn -T 2 gives byte for byte what a serial build gives: values, manifests, reports, packages.
import java.security.MessageDigest
def digest(File f) { MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString() }
def compared = 0
['team-a', 'team-b'].each { module ->
    def serial = new File(basedir, "${module}/target/serial")
    def parallel = new File(basedir, "${module}/target/parallel")
    assert serial.isDirectory() && parallel.isDirectory()
    def files = []
    // bookkeeping, not build output: the summary carries stage times, .state the incremental-build fingerprints (run ids)
    serial.eachFileRecurse { if (it.isFile() && !(it.name in ['summary.json', 'summary.txt']) && !it.path.contains('/.state/')) files << serial.toPath().relativize(it.toPath()).toString() }
    assert files.any { it.endsWith('.tgz') } && files.any { it.startsWith('manifests') } && files.any { it.startsWith('reports') }
    files.each { rel ->
        def a = new File(serial, rel)
        def b = new File(parallel, rel)
        assert b.isFile() : "${module}: ${rel} missing from the parallel build"
        if (rel.startsWith('reports')) {
            // reports name the manifest path, which contains the run folder
            assert a.text == b.text.replace('target/parallel', 'target/serial') : "${module}: ${rel} differs"
        } else {
            assert digest(a) == digest(b) : "${module}: ${rel} differs"
        }
        compared++
    }
}
assert new File(basedir, 'team-b/target/parallel/values/prod/demo.yaml').text.contains('replicaCount: 4')
println "compared ${compared} files"
return true
