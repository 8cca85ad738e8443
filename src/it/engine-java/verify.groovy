def checks = evaluate(new File(itSupport, 'checks.groovy'))
File mirror = new File(basedir, 'target/mirror')
File images = new File(basedir, 'images')
String log = new File(basedir, 'build.log').text

checks.logHas(log, 'engine java: ')
// rdiffTargets 1: only the newest image gets rdiffs.
assert checks.files(new File(mirror, 'rdiffs')) == [
        'puavo-os-test-bookworm-2024-01-01-120000--2024-01-15-120000-amd64.rdiff',
        'puavo-os-test-bookworm-2024-01-08-120000--2024-01-15-120000-amd64.rdiff']
// The job records each rdiff's signature settings: MD4 + classic rollsum, 256-byte blocks.
assert new File(mirror, '.puavo-mirror/state.json').text.contains('magic=72730136 block=256')
checks.patchesTo(mirror, 'puavo-os-test-bookworm-2024-01-01-120000--2024-01-15-120000-amd64.rdiff',
        new File(images, 'puavo-os-test-bookworm-2024-01-01-120000-amd64.img'),
        new File(images, 'puavo-os-test-bookworm-2024-01-15-120000-amd64.img'))
return true
