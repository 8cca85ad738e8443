def checks = evaluate(new File(itSupport, 'checks.groovy'))
String log = new File(basedir, 'build.log').text
File missing = new File(basedir, 'images/puavo-os-test-bookworm-2024-01-22-120000-amd64.img')

checks.logHas(log, missing.toString() + ': image of series puavo-os-test-bookworm-amd64 not found')
checks.logHas(log, 'MAVEN/MojoFailureException')
// Everything is checked before anything is written.
assert !new File(basedir, 'target/mirror/meta').exists()
return true
