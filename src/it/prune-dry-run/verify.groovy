def checks = evaluate(new File(itSupport, 'checks.groovy'))
String log = new File(basedir, 'build.log').text
File mirror = new File(basedir, 'target/mirror')
String old = 'puavo-os-test-bookworm-2024-01-01-120000-amd64.img'

// Three images with three targets: 6 rdiffs, 4 of which involve the oldest image.
checks.logHas(log, 'would remove ' + old + ' (')
checks.logMatches(log, /would remove rdiffs\/puavo-os-test-bookworm-2024-01-01-120000--2024-01-08-120000-amd64\.rdiff/)
checks.logHas(log, 'Would remove 5 files (')
checks.logHas(log, '(dry run: nothing removed)')
// The real prune finds the same five files, so the dry run removed none of them.
checks.logHas(log, 'Removed 5 files (')
assert !new File(mirror, old).exists()
assert checks.files(new File(mirror, 'rdiffs')) == [
        'puavo-os-test-bookworm-2024-01-08-120000--2024-01-15-120000-amd64.rdiff',
        'puavo-os-test-bookworm-2024-01-15-120000--2024-01-08-120000-amd64.rdiff']
assert new File(basedir, 'images/' + old).isFile(): 'prune must never touch the image folder'
return true
