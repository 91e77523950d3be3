// A build whose inputs carry known secrets: none may appear in the log, the reports or the summary.
def secrets = ['S3cr3t-Db-Passw0rd', 'AAABLicenceKey0123456789', 'tok-9f8e7d6c5b4a',
               'S3cr3t-Db-Passw0rd'.bytes.encodeBase64().toString()]
def out = new File(basedir, 'target/dcforge')
def scanned = [new File(basedir, 'build.log'), new File(out, 'summary.json')]
new File(out, 'reports').eachFileRecurse { if (it.isFile()) scanned << it }
assert scanned.size() >= 5 : "expected the log, the summary and the reports, got ${scanned}"
scanned.each { f ->
    def text = f.text
    secrets.each { s -> assert !text.contains(s) : "secret leaked into ${f}" }
}
// the duplicated env var is reported, with the password masked inside the value
def log = new File(basedir, 'build.log').text
assert log.contains("sets env DB_CONNECTION twice; Kubernetes keeps the last value 'postgres://jira:******@db-replica:5432/jira' and loses 'postgres://jira:******@db:5432/jira'")
// the rendered values are the product itself and do carry the secret (helm install needs it)
assert new File(out, 'values/dev/demo.yaml').text.contains('S3cr3t-Db-Passw0rd')
return true
