def checks = evaluate(new File(itSupport, 'checks.groovy'))
File mirror = new File(basedir, 'target/published')
String log = new File(basedir, 'build.log').text

checks.logHas(log, 'Plan: 1 series, 3 images, 4 rdiffs to build, 0 up to date')
assert checks.files(new File(mirror, 'meta')) == ['puavo-os-test-bookworm-amd64.json']
// The unlisted first bookworm image and the whole bullseye series stay out.
assert checks.files(mirror) == ['CKSUMS',
                                'puavo-os-test-bookworm-2024-01-08-120000-amd64.img',
                                'puavo-os-test-bookworm-2024-01-15-120000-amd64.img',
                                'puavo-os-test-bookworm-2024-01-22-120000-amd64.img']
// rdiffTargets 2: the last two images, each from the two other listed images.
assert checks.files(new File(mirror, 'rdiffs')) == [
        'puavo-os-test-bookworm-2024-01-08-120000--2024-01-15-120000-amd64.rdiff',
        'puavo-os-test-bookworm-2024-01-08-120000--2024-01-22-120000-amd64.rdiff',
        'puavo-os-test-bookworm-2024-01-15-120000--2024-01-22-120000-amd64.rdiff',
        'puavo-os-test-bookworm-2024-01-22-120000--2024-01-15-120000-amd64.rdiff']
assert new File(mirror, 'CKSUMS').readLines().size() == 7
assert !new File(basedir, 'target/mirror').exists()
return true
