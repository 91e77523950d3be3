import com.marcnuri.helm.Helm
import java.security.MessageDigest

def sha256 = { File f -> MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString() }
def first = new File(basedir, 'first-build/dcforge/packages')
def second = new File(basedir, 'target/dcforge/packages')

// per environment and plain archives, named <name>-<version> with the project version as SemVer
def names = ['charts/demo-1.2.0-SNAPSHOT.tgz', 'dev/demo-1.2.0-SNAPSHOT.tgz', 'prod/demo-1.2.0-SNAPSHOT.tgz',
             'charts/index.yaml', 'dev/index.yaml', 'prod/index.yaml']
names.each { n ->
    assert new File(first, n).isFile() : "first build has no $n"
    assert new File(second, n).isFile() : "second build has no $n"
    // two clean builds give byte-identical archives and indexes
    assert sha256(new File(first, n)) == sha256(new File(second, n)) : "$n differs between two clean builds"
}

// index.yaml as helm repo index writes it, merged with the published index
def prodArchive = new File(second, 'prod/demo-1.2.0-SNAPSHOT.tgz')
def index = new File(second, 'prod/index.yaml').text
assert index.startsWith('apiVersion: v1\nentries:\n  demo:\n  - apiVersion: v2\n') : index
assert index.contains("digest: ${sha256(prodArchive)}") : index
assert index.contains('- https://charts.example.com/atlassian/prod/demo-1.2.0-SNAPSHOT.tgz') : index
assert index.contains('created: "2026-01-01T00:00:00Z"') : index
assert index.indexOf('version: 1.2.0-SNAPSHOT') < index.indexOf('version: 1.1.0') : 'newest first: ' + index
assert index.endsWith('generated: "2026-01-01T00:00:00Z"\n') : index
assert !new File(second, 'dev/index.yaml').text.contains('1.1.0') : 'only prod merges the published prod index'

// Helm reads the archives: lint and template them with the Helm engine (helm-java)
['dev', 'prod', 'charts'].each { folder ->
    def archive = new File(second, "$folder/demo-1.2.0-SNAPSHOT.tgz").toPath()
    def lint = new Helm(archive).lint().strict().call()
    assert !lint.failed : "helm lint $archive: ${lint.messages}"
}
def manifest = new Helm(prodArchive.toPath()).template().withName('demo').withNamespace('prod').call()
assert manifest.contains('replicas: 3') : manifest        // prod's values are inside the archive
assert manifest.contains('image: "nginx:1.27-prod"') : manifest
def plain = new Helm(new File(second, 'charts/demo-1.2.0-SNAPSHOT.tgz').toPath()).template().withName('demo').call()
assert plain.contains('replicas: 1') && plain.contains('image: "nginx:1.27"') : 'the plain archive keeps the defaults: ' + plain

def log = new File(basedir, 'build.log').text
['charts', 'dev', 'prod'].each { folder ->
    assert log.contains("install check (helm install --dry-run, client only, Kubernetes 1.32.0) passed: packages/$folder/demo-1.2.0-SNAPSHOT.tgz") : log
}

// attached: mvn install put every archive into the local repository with its classifier
def repoDir = new File(localRepositoryPath, 'dev/dcforge/it/package-repository/1.2-SNAPSHOT')
['dev-demo', 'prod-demo', 'charts-demo'].each { c ->
    def installed = new File(repoDir, "package-repository-1.2-SNAPSHOT-${c}.tgz")
    assert installed.isFile() : "not installed: $installed (" + repoDir.list() + ")"
}
assert sha256(new File(repoDir, 'package-repository-1.2-SNAPSHOT-prod-demo.tgz')) == sha256(prodArchive)
assert !new File(basedir, 'build.log').text.contains('pushing') : 'no registry configured: no push'
return true
