def log = new File(basedir, 'build.log').text
assert log.contains('This version has a known vulnerability; see docs/security.md')
assert log.contains('com.google.guava:guava:jar:31.1-jre')
return true
