def checks = evaluate(new File(itSupport, 'checks.groovy'))
File mirror = new File(basedir, 'target/mirror')
File images = new File(basedir, 'images')
String log = new File(basedir, 'build.log').text

checks.logHas(log, 'engine native: librsync')
assert checks.files(new File(mirror, 'rdiffs')).size() == 6
assert new File(mirror, '.puavo-mirror/state.json').text.contains('magic=72730147 block=128')
checks.patchesTo(mirror, 'puavo-os-test-bookworm-2024-01-15-120000--2024-01-01-120000-amd64.rdiff',
        new File(images, 'puavo-os-test-bookworm-2024-01-15-120000-amd64.img'),
        new File(images, 'puavo-os-test-bookworm-2024-01-01-120000-amd64.img'))
return true
