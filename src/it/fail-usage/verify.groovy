def checks = evaluate(new File(itSupport, 'checks.groovy'))
String log = new File(basedir, 'build.log').text
File missing = new File(basedir, 'no-such-images')

checks.logHas(log, 'imageDirectory ' + missing + ' does not exist: set <imageDirectory> (or -Dpuavo.imageDirectory)')
checks.logHas(log, 'imagesUrlBase: invalid repository URL "ftp://cdn.example.org"')
checks.logHas(log, "unknown signatureType 'sha1-rollsum': use blake2-rabinkarp,")
// User mistakes, not plugin bugs: Maven's failure (not error) page, once per invocation.
assert log.count('MAVEN/MojoFailureException') == 3: 'every failure must be a MojoFailureException'
assert !new File(basedir, 'target/mirror').exists(): 'nothing may be published'
return true
