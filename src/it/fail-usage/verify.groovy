def checks = evaluate(new File(itSupport, 'checks.groovy'))
String log = new File(basedir, 'build.log').text
File missing = new File(basedir, 'no-such-images')

checks.logHas(log, '<imageDirectory> ' + missing + ': no such folder')
checks.logHas(log, '<repository>: invalid repository URL "ftp://cdn.example.org"')
checks.logHas(log, '<imagesUrlBase> (-Dpuavo.imagesUrlBase) is deprecated: use <repository>')
checks.logHas(log, "<signatureType>: unknown signature type 'sha1-rollsum' (expected blake2-rabinkarp,")
checks.logHas(log, 'mvn clean deletes it')
checks.logHas(log, '<repositoryUrl> (-Dpuavo.repositoryUrl) is deprecated: use <repository> (-Dpuavo.repository)')
checks.logHas(log, '<repository>: not with <keepUrls> (give one of them)')
// User mistakes, not plugin bugs: Maven's failure (not error) page, once per invocation.
assert log.count('MAVEN/MojoFailureException') == 4: 'every failure must be a MojoFailureException'
assert !new File(basedir, 'target/mirror').exists(): 'nothing may be published'
return true
