def log = new File(basedir, 'build.log').text
assert log.contains('dcforge: pushing 3 archive(s) to oci://127.0.0.1:1/charts') : log
assert log =~ /packages\/charts\/demo-0\.1\.0\.tgz: helm push to oci:\/\/127\.0\.0\.1:1\/charts failed: / : log
assert log.contains("settings.xml: no <server> with id 'no-such-server' for dcforge.push.serverId") : log
// a failed push records no success: the next build packages and pushes again
assert !new File(basedir, 'target/dcforge/.state/package.properties').exists()
return true
