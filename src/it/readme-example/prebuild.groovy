// Builds the example exactly as shipped, with one allowed difference: the plugin version, so
// that the example may show a released version while this build tests the current one.
File example = new File(repoRoot, 'examples/release-project')
String pom = new File(example, 'pom.xml').text
String tested = pom.replaceFirst(/(<artifactId>puavo-maven-plugin<\/artifactId>\s*<version>)[^<]*/,
        '$1' + pluginVersion)
assert tested != pom || pom.contains('<version>' + pluginVersion + '</version>')
new File(basedir, 'pom.xml').text = tested

def p = ['sh', new File(example, 'make-sample-images.sh').path, new File(basedir, 'images').path].execute()
p.waitForProcessOutput(System.out, System.err)
assert p.exitValue() == 0: 'make-sample-images.sh failed'
return true
