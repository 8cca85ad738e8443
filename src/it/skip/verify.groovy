def checks = evaluate(new File(itSupport, 'checks.groovy'))
String log = new File(basedir, 'build.log').text
checks.logHas(log, 'Skipping puavo:mirror (skip is set)')
checks.logHas(log, 'Skipping puavo:mirror (puavo.mirror.skip is set)')
assert !new File(basedir, 'target/mirror').exists()
return true
