def checks = evaluate(new File(itSupport, 'checks.groovy'))
String log = new File(basedir, 'build.log').text
File mirror = new File(basedir, 'target/mirror')

// Both runs append to one log: the first builds, the second finds nothing to do.
checks.logHas(log, 'Plan: 1 series, 2 images, 2 rdiffs to build, 0 up to date')
checks.logHas(log, 'Plan: 1 series, 2 images, 0 rdiffs to build, 2 up to date')
checks.logHas(log, 'Mirror ' + mirror + ' is up to date: 1 series, 2 images')
String second = log.substring(log.lastIndexOf('Plan: '), log.indexOf(':verify (default-cli)'))
assert !(second =~ /\] (rdiff|link|meta|CKSUMS) /): 'the second run wrote files:\n' + second
checks.logHas(log, mirror.toString() + ': mirror OK: ')
checks.logHas(log, '2 rdiffs applied')
return true
