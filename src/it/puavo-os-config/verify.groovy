import groovy.json.JsonSlurper

def checks = evaluate(new File(itSupport, 'checks.groovy'))
String a = 'puavo-os-test-bookworm-2024-01-01-120000-amd64.img'
String b = 'puavo-os-test-bookworm-2024-01-08-120000-amd64.img'
String c = 'puavo-os-test-bookworm-2024-01-15-120000-amd64.img'

File fromConfig = new File(basedir, 'target/mirror')
assert checks.files(new File(fromConfig, 'meta')) == ['hand-written-series.json']
assert checks.files(fromConfig).findAll { it.endsWith('.img') } == [a, c]

File written = new File(basedir, 'written-os/config/images/bookworm.json')
assert written.isFile()
def config = new JsonSlurper().parse(written)
assert config.keySet() == ['puavo-os-test-bookworm-amd64'] as Set
assert config.toString().contains(b)

File kept = new File(basedir, 'target/kept')
assert checks.files(new File(kept, 'meta')) == ['puavo-os-test-bookworm-amd64.json']
assert checks.files(kept).findAll { it.endsWith('.img') } == [b, c]
return true
