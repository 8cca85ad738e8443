import groovy.json.JsonSlurper

def checks = evaluate(new File(itSupport, 'checks.groovy'))
String log = new File(basedir, 'build.log').text
File mirror = new File(basedir, 'images/mirror')
String series = 'puavo-os-example-bookworm-amd64'

// Every README block showing this project must be the example pom, byte for byte but for the
// plugin version; maven-plugin/README.md must show it.
String example = new File(repoRoot, 'examples/release-project/pom.xml').text
def normalise = { String s ->
    s.replaceFirst(/(<artifactId>puavo-maven-plugin<\/artifactId>\s*<version>)[^<]*/, '$1VERSION').trim()
}
def readmes = [new File(repoRoot, 'maven-plugin/README.md'), new File(repoRoot, 'README.md')]
int shown = 0
readmes.findAll { it.isFile() }.each { File readme ->
    (readme.text =~ /(?s)```xml\n(.*?)```/).each { block ->
        String xml = block[1]
        if (xml.contains('<artifactId>release-project</artifactId>')) {
            assert normalise(xml) == normalise(example):
                    "$readme shows a pom that differs from examples/release-project/pom.xml"
            if (readme.name == 'README.md' && readme.parentFile.name == 'maven-plugin') {
                shown++
            }
        }
    }
}
assert shown == 1: 'maven-plugin/README.md must show examples/release-project/pom.xml once'

// The example's claims (examples/release-project/README.md): both goals ran, 3 images, 7 rdiffs.
checks.logMatches(log, /--- puavo:[^:]+:mirror \(default\)/)
checks.logHas(log, 'Plan: 1 series, 3 images, 7 rdiffs to build, 0 up to date')
assert !log.contains('mvn clean deletes it'): 'the example keeps its mirror out of target/'
checks.logHas(log, mirror.toString() + ': mirror OK: ')
assert checks.files(mirror).findAll { it.endsWith('.img') }.size() == 3
assert checks.files(new File(mirror, 'rdiffs')).size() == 7
def meta = new JsonSlurper().parse(new File(mirror, "meta/${series}.json"))
assert meta[series].images[2].diffs*.filename.contains(
        'puavo-os-example-bookworm-2024-04-25-101500--2024-05-16-101500-amd64.rdiff')
assert meta[series].images[0].urls == ['https://cdn.example.org/puavo-os-example-bookworm-2024-05-02-101500-amd64.img']

// The example's .mvn/jvm.config gives Maven's JVM exactly the JIT options bin/puavo-mirror gives
// its own (README, Maven plugin): a change to the launcher's must reach it too.
String launcher = new File(repoRoot, 'bin/puavo-mirror').text
Set<String> jit = (launcher =~ /-XX:Tier4\w+=\d+|-XX:CompileCommand=quiet/).collect { it } as Set
String methods = (launcher =~ /(?s)for method in (.*?); do/)[0][1]
methods.replace('\\', ' ').split(/\s+/).findAll { it }.each {
    jit << '-XX:CompileCommand=dontinline,io.github.puavomirror.rdiff.' + it.replace("'", '')
}
Set<String> config = new File(repoRoot, 'examples/release-project/.mvn/jvm.config').text.split(/\s+/).findAll { it } as Set
// Huge pages: the launcher asks only where the kernel offers them; here the JVM is told to keep
// quiet where it does not (its warning would go to stdout).
jit << '-XX:+UseTransparentHugePages' << '-Xlog:pagesize=off'
assert jit.size() == 17 && config == jit: "examples/release-project/.mvn/jvm.config differs from bin/puavo-mirror's JIT options"

return true
