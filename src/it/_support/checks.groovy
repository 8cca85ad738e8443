// Checks shared by the ITs' verify scripts:
//   def checks = evaluate(new File(itSupport, 'checks.groovy'))

class Checks {
    // Messages name only what is missing: a bare assert would print the whole build log.
    static void logHas(String log, String text) {
        assert log.contains(text): "build.log lacks: $text"
    }

    static void logMatches(String log, String regex) {
        assert log =~ regex: "build.log has no line matching: $regex"
    }

    /** Names of the regular files directly in {@code dir}, sorted. */
    static List<String> files(File dir) {
        return (dir.listFiles()?.findAll { it.isFile() }*.name ?: []).sort()
    }

    /**
     * Applies a published rdiff with librsync's own rdiff tool, when it is installed, and checks
     * that the result is the target image: the strongest proof an engine wrote a valid delta.
     * Returns whether the check ran.
     */
    static boolean patchesTo(File mirror, String rdiff, File source, File target) {
        File tool = ['/usr/bin/rdiff', '/usr/local/bin/rdiff'].collect { new File(it) }.find { it.canExecute() }
        if (tool == null) {
            return false
        }
        // --force: the temporary file exists already, and rdiff will not overwrite a file without it.
        File out = File.createTempFile('patched', '.img', mirror.parentFile)
        try {
            File delta = new File(mirror, 'rdiffs/' + rdiff)
            def p = [tool.path, '--force', 'patch', source.path, delta.path, out.path].execute()
            p.waitForProcessOutput(System.out, System.err)
            assert p.exitValue() == 0: "rdiff patch failed for $rdiff"
            assert Arrays.equals(out.bytes, target.bytes): "$rdiff does not turn $source.name into $target.name"
            return true
        } finally {
            out.delete()
        }
    }
}

return new Checks()
