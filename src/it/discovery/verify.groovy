import groovy.json.JsonSlurper

def checks = evaluate(new File(itSupport, 'checks.groovy'))
File mirror = new File(basedir, 'target/mirror')
String log = new File(basedir, 'build.log').text

checks.logHas(log, 'Plan: 2 series, 5 images, 8 rdiffs to build, 0 up to date')
checks.logMatches(log, /WARNING\].*broken\.img: skipped/)
checks.logHas(log, 'Mirror ' + mirror + ': 2 series, 5 images')
def metas = new File(mirror, 'meta').list().sort()
assert metas == ['puavo-os-test-bookworm-amd64.json', 'puavo-os-test-bullseye-amd64.json']

def bookworm = new JsonSlurper().parse(new File(mirror, 'meta/puavo-os-test-bookworm-amd64.json'))
def listed = bookworm['puavo-os-test-bookworm-amd64'].images
assert listed*.filename == ['puavo-os-test-bookworm-2024-01-01-120000-amd64.img',
                            'puavo-os-test-bookworm-2024-01-08-120000-amd64.img',
                            'puavo-os-test-bookworm-2024-01-15-120000-amd64.img']
// Three images, all three are targets, each from the two others.
assert listed*.diffs*.size() == [2, 2, 2]
assert listed[0].urls == ['https://cdn.example.org/puavo-os-test-bookworm-2024-01-01-120000-amd64.img']

assert new File(mirror, 'rdiffs').list().size() == 8
assert new File(mirror, 'CKSUMS').readLines().size() == 13
assert !new File(mirror, 'notes.txt').exists()
assert new File(mirror, 'puavo-os-test-bullseye-2023-06-01-080000-amd64.img').length() > 100_000
return true
