def checks = evaluate(new File(itSupport, 'checks.groovy'))
String log = new File(basedir, 'build.log').text
File www = new File(basedir, 'target/www')

checks.logHas(log, www.toString() + ': sent 4 files (')
checks.logHas(log, www.toString() + ': up to date, nothing sent (4 files, ')
checks.logHas(log, 'Skipping puavo:upload (puavo.upload.skip is set)')
assert checks.files(www) == ['CKSUMS', 'puavo-os-test-bookworm-2024-01-01-120000-amd64.img',
        'puavo-os-test-bookworm-2024-01-08-120000-amd64.img']
assert checks.files(new File(www, 'rdiffs')).size() == 2
assert checks.files(new File(www, 'meta')) == ['puavo-os-test-bookworm-amd64.json']
assert !new File(www, '.puavo-mirror').exists()
return true
