// Makes small, deterministic stand-ins for Puavo OS images, shared by the ITs' prebuild scripts:
//   def images = evaluate(new File(itSupport, 'images.groovy'))
//   images.make(new File(basedir, 'images'), ['a-2024-01-01-120000-amd64.img', ...])
// Each name in a list is the previous image with a few regions rewritten and a little appended,
// like successive builds of one series, so rdiffs between them are small. Bytes depend only on
// the list, so reruns give identical files.

class Images {
    static final int BASE_SIZE = 160 * 1024
    static final int REGION = 4 * 1024

    static List<File> make(File dir, List<String> names) {
        dir.mkdirs()
        byte[] content = new byte[BASE_SIZE]
        new Random(names[0].replaceAll(/\d{4}-\d{2}-\d{2}-\d{6}/, '').hashCode()).nextBytes(content)
        List<File> files = []
        names.eachWithIndex { String name, int i ->
            if (i > 0) {
                content = evolve(content, i)
            }
            File f = new File(dir, name)
            f.bytes = content
            files << f
        }
        return files
    }

    /** The next build: two regions rewritten and 2 KiB appended. */
    static byte[] evolve(byte[] previous, int generation) {
        Random r = new Random(1000L + generation)
        byte[] next = Arrays.copyOf(previous, previous.length + 2048)
        byte[] fresh = new byte[REGION]
        2.times {
            r.nextBytes(fresh)
            int at = r.nextInt(previous.length - REGION)
            System.arraycopy(fresh, 0, next, at, REGION)
        }
        byte[] tail = new byte[2048]
        r.nextBytes(tail)
        System.arraycopy(tail, 0, next, previous.length, tail.length)
        return next
    }
}

return new Images()
