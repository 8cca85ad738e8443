def checks = evaluate(new File(itSupport, 'checks.groovy'))
String log = new File(basedir, 'build.log').text
File mirror = new File(basedir, 'target/mirror')

// Both runs append to one log: the first builds, the second finds nothing to do.
checks.logHas(log, 'Plan: 1 series, 2 images, 2 rdiffs to build, 0 up to date')
checks.logHas(log, 'Plan: 1 series, 2 images, 0 rdiffs to build, 2 up to date')
checks.logHas(log, 'Mirror ' + mirror + ' is up to date: 1 series, 2 images')
// Both closing lines give the job's own time, as the CLI's summary and the Ant task's last line do.
checks.logMatches(log, /(?m)\] Mirror \S+: 1 series, 2 images .*, wrote \d+ files in [0-9.]+ s; rdiffs save clients /)
checks.logMatches(log, /(?m)\] Mirror \S+ is up to date: 1 series, 2 images .*; checked in [0-9.]+ s$/)
String second = log.substring(log.lastIndexOf('Plan: '), log.indexOf(':verify (default-cli)'))
assert !(second =~ /\] (rdiff|link|meta|CKSUMS) /): 'the second run wrote files:\n' + second
checks.logHas(log, mirror.toString() + ': mirror OK: ')
checks.logHas(log, '2 rdiffs applied')
return true
