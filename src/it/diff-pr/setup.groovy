def git = { String... args ->
    def cmd = ['git', '-c', 'user.name=dcforge-it', '-c', 'user.email=it@example.com', '-c', 'commit.gpgsign=false'] + args.toList()
    def p = cmd.execute(null, basedir)
    def out = new StringBuilder()
    p.consumeProcessOutput(out, out)
    assert p.waitFor() == 0 : "${cmd.join(' ')}: $out"
}
git('init', '-q')
git('add', '-A')
git('commit', '-q', '-m', 'base')
// the pull request: one line of the prod override changes
def override = new File(basedir, 'overrides/demo.yaml.j2')
override.text = override.text.replace('replicaCount: {{ replicas }}', 'replicaCount: {{ replicas + 1 }}')
// ... and the rendered database password of every environment (a Secret's value: masked in the diff)
override.text = override.text.replace('old-secret-', 'new-secret-')
return true
