import groovy.json.JsonSlurper

def checks = evaluate(new File(itSupport, 'checks.groovy'))
File mirror = new File(basedir, 'target/mirror')
File images = new File(basedir, 'images')
String a = 'puavo-os-test-bookworm-2024-01-01-120000-amd64.img'
String b = 'puavo-os-test-bookworm-2024-01-08-120000-amd64.img'
String c = 'puavo-os-test-bookworm-2024-01-15-120000-amd64.img'

def meta = new JsonSlurper().parse(new File(mirror, 'meta/puavo-os-test-bookworm-amd64.json'))
def listed = meta['puavo-os-test-bookworm-amd64'].images
assert listed*.filename == [b, c]
// The listed source first, then the extra one.
assert listed[1].diffs*.filename == ['puavo-os-test-bookworm-2024-01-08-120000--2024-01-15-120000-amd64.rdiff',
                                     'puavo-os-test-bookworm-2024-01-01-120000--2024-01-15-120000-amd64.rdiff']
assert listed[0].diffs*.filename == ['puavo-os-test-bookworm-2024-01-15-120000--2024-01-08-120000-amd64.rdiff']
assert !new File(mirror, a).exists(): 'an extra source is not a listed image and must not be published'
assert new File(mirror, 'CKSUMS').readLines().size() == 5
checks.patchesTo(mirror, 'puavo-os-test-bookworm-2024-01-01-120000--2024-01-15-120000-amd64.rdiff',
        new File(images, a), new File(images, c))
return true
