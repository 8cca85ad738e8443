def checks = evaluate(new File(itSupport, 'checks.groovy'))
String log = new File(basedir, 'build.log').text
File mirror = new File(basedir, 'target/mirror')
File bad = new File(mirror, 'rdiffs/puavo-os-test-bookworm-2024-01-01-120000--2024-01-08-120000-amd64.rdiff')

checks.logMatches(log, /--- puavo:[^:]+:verify \(check\)/)
checks.logMatches(log, /(?m)^\[ERROR\] \Q${bad}\E: /)
checks.logHas(log, 'The mirror ' + mirror + ' has ')
checks.logHas(log, 'puavo:mirror republishes files that are missing or damaged.')
checks.logHas(log, 'MAVEN/MojoFailureException')
// The second invocation rebuilt the damaged rdiff and verified clean.
checks.logHas(log, 'Plan: 1 series, 2 images, 1 rdiffs to build, 1 up to date')
checks.logHas(log, mirror.toString() + ': mirror OK: ')
assert bad.length() > 1000
return true
