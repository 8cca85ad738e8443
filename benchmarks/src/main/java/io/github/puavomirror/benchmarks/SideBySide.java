/*
 * Copyright 2026 the puavo-mirror authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.puavomirror.benchmarks;

import io.github.puavomirror.rdiff.RdiffEngine;
import io.github.puavomirror.rdiff.SignatureOptions;
import io.github.puavomirror.rdiff.nativelib.Engines;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Times rdiff and the engines side by side on one generated {@link SimilarPair}: for each block
 * setting and round, every operation runs once per participant, the participant going first
 * rotating between rounds, and every output is compared with {@code cmp} (signatures and deltas
 * against rdiff's, patched files against the new file). Prints medians, ratios to rdiff and peak
 * RSS, the CPU-seconds and load average of every step. With {@code --old=A --new=B} it times a
 * given pair instead (such as {@link SquashfsPair}'s images). On a shared machine absolute times are
 * noise; the ratios of alternating runs are what to quote.
 *
 * <p>The Java engines run through {@code bin/puavo-mirror} when the CLI jar is built (a fresh JVM
 * per step, like rdiff's fresh process, with the launcher's JVM options and start-up archive;
 * {@code --java-opts} go to it as {@code PUAVO_MIRROR_JAVA_OPTS}), else in this JVM after a
 * warm-up on a small pair; {@code --java-mode} forces {@code cli}, {@code jvm} (a fresh JVM
 * running {@link EngineStep}) or {@code inprocess}.
 */
public final class SideBySide {
    private static final String[] OPS = {"signature", "delta", "patch", "diff"};
    private static final Path TIME = Path.of("/usr/bin/time");

    private final long size;
    private final Path work;
    private final int rounds;
    private final long seed;
    private final List<String> blocks;
    private final List<String> engines;
    private final String javaMode;
    private final List<String> ops;
    private final List<String> javaOptions;
    /** A given pair (e.g. {@link SquashfsPair}'s images) instead of a generated one, or null. */
    private final Path givenOld;
    private final Path givenNew;
    /** bin/puavo-mirror as users run it, with its JVM options and start-up archive. */
    private final Path launcher;
    private final Path cliJar;
    /** The CLI jar's size and time at start: a build that replaces it mid-run spoils the comparison. */
    private String cliIdentity;
    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final Map<String, RdiffEngine> inProcess = new LinkedHashMap<>();
    private final Set<String> notes = new LinkedHashSet<>();

    private SideBySide(Map<String, String> o) {
        size = parseSize(o.getOrDefault("size", "1G"));
        work = Path.of(o.getOrDefault("work", "/tmp/puavo-bench")).toAbsolutePath();
        rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
        seed = Long.parseLong(o.getOrDefault("seed", "1"));
        blocks = List.of(o.getOrDefault("blocks", "128,default").split(","));
        engines = List.of(o.getOrDefault("engine", "java").split(","));
        launcher = Path.of(o.getOrDefault("launcher", "bin/puavo-mirror")).toAbsolutePath();
        cliJar = launcher.getParent().resolveSibling("cli").resolve("target").resolve("puavo-mirror.jar");
        ops = List.of(o.getOrDefault("ops", String.join(",", OPS)).split(","));
        if (!List.of(OPS).containsAll(ops)) {
            throw new IllegalArgumentException("--ops takes signature, delta, patch and diff");
        }
        javaOptions = new ArrayList<>();
        String extra = o.getOrDefault("java-opts", "").trim();
        if (!extra.isEmpty()) {
            javaOptions.addAll(List.of(extra.split("\\s+")));
        }
        givenOld = o.containsKey("old") ? Path.of(o.get("old")).toAbsolutePath() : null;
        givenNew = o.containsKey("new") ? Path.of(o.get("new")).toAbsolutePath() : null;
        if ((givenOld == null) != (givenNew == null)) {
            throw new IllegalArgumentException("--old and --new go together");
        }
        String mode = o.getOrDefault("java-mode", "auto");
        javaMode = mode.equals("auto") ? (Files.isRegularFile(cliJar) ? "cli" : "inprocess") : mode;
        if (!List.of("cli", "jvm", "inprocess").contains(javaMode)) {
            throw new IllegalArgumentException("--java-mode must be auto, cli, jvm or inprocess");
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help") || !a.startsWith("--") || !a.contains("=")) {
                System.err.println("usage: SideBySide [--size=1G] [--work=/tmp/puavo-bench] [--rounds=3] [--seed=1]"
                        + " [--blocks=128,default] [--engine=java[,native]] [--java-mode=auto|cli|jvm|inprocess]"
                        + " [--ops=signature,delta,patch,diff] [--java-opts='-Xmx2g ...']"
                        + " [--launcher=bin/puavo-mirror] [--old=FILE --new=FILE]");
                System.exit(a.startsWith("-h") || a.equals("--help") ? 0 : 2);
            }
            o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        System.exit(new SideBySide(o).run());
    }

    private int run() throws Exception {
        Files.createDirectories(work);
        Path oldFile = givenOld != null ? givenOld : work.resolve("old");
        Path newFile = givenNew != null ? givenNew : work.resolve("new");
        if (givenOld == null) {
            generate(new SimilarPair(size, seed), oldFile, newFile);
        }
        if (javaMode.equals("cli")) {
            cliIdentity = identity(cliJar);
        }
        List<String> active = new ArrayList<>(List.of("rdiff"));
        for (String e : engines) {
            if (available(e)) {
                active.add(e);
            }
        }
        System.out.printf(Locale.ROOT, "pair: %s (%d B) -> %s (%d B)%s, %d rounds%n", oldFile, Files.size(oldFile),
                newFile, Files.size(newFile), givenOld == null ? ", seed " + seed : "", rounds);
        System.out.println("java engines via: " + describeMode());
        boolean ok = true;
        for (String block : blocks) {
            ok &= runBlock(block, active, oldFile, newFile);
        }
        if (javaMode.equals("cli") && !identity(cliJar).equals(cliIdentity)) {
            notes.add(cliJar + " changed during the run: its timings compare two builds");
            ok = false;
        }
        System.out.println();
        notes.forEach(n -> System.out.println("note: " + n));
        boolean partial = notes.stream().anyMatch(n -> n.contains(" not compared: "));
        System.out.println(!ok ? "OUTPUT MISMATCH: see above"
                : partial ? "outputs byte-identical (cmp) where rdiff made one" : "all outputs byte-identical (cmp)");
        return ok ? 0 : 1;
    }

    private String describeMode() {
        switch (javaMode) {
            case "cli":
                return launcher + " (" + cliJar.getFileName() + "), a fresh JVM per step (startup included)";
            case "jvm":
                return "a fresh JVM per step running EngineStep from " + ownClassPath() + " (startup included)";
            default:
                return "in-process after a warm-up (warm JIT, no startup; per-step RSS not measurable)";
        }
    }

    /** Whether an engine can run here; an unavailable one is dropped with a note rather than failing the run. */
    private boolean available(String engine) throws IOException, InterruptedException {
        if (javaMode.equals("inprocess")) {
            try {
                inProcess.put(engine, Engines.select(engine, report -> { }));
                return true;
            } catch (IllegalArgumentException | LinkageError e) {
                notes.add("engine " + engine + " skipped: " + e.getMessage());
                return false;
            }
        }
        Path probe = work.resolve("probe");
        Files.write(probe, "probe".getBytes(StandardCharsets.US_ASCII));
        Path out = work.resolve("probe.sig");
        Files.deleteIfExists(out);
        Result r = external(engineCommand(engine, "signature", "0", probe, out, null), work.resolve("probe.log"));
        if (r.exit != 0) {
            notes.add("engine " + engine + " skipped: its probe exited " + r.exit + ": " + r.logTail);
            return false;
        }
        return true;
    }

    private boolean runBlock(String block, List<String> active, Path oldFile, Path newFile)
            throws IOException, InterruptedException {
        String blockArg = block.equals("default") ? "0" : block;
        Path dir = work.resolve("b" + block);
        Files.createDirectories(dir);
        if (javaMode.equals("inprocess")) {
            warmUp(blockArg);
        }
        Map<String, List<Result>> results = new LinkedHashMap<>();
        boolean ok = true;
        for (int round = 0; round < rounds; round++) {
            for (String op : OPS) {
                if (!ops.contains(op)) {
                    continue;
                }
                List<String> order = new ArrayList<>(active);
                if (op.equals("diff")) {
                    order.remove("rdiff");
                }
                Collections.rotate(order, -(round % order.size()));
                for (String who : order) {
                    Path[] files = files(op, who, dir, oldFile, newFile);
                    Files.deleteIfExists(files[2]);
                    Result r = step(who, op, blockArg, files, dir.resolve(who + "." + op + ".log"));
                    if (r.exit != 0) {
                        throw new IOException(who + " " + op + " exited " + r.exit + ": " + r.logTail);
                    }
                    results.computeIfAbsent(op + "/" + who, k -> new ArrayList<>()).add(r);
                    System.out.printf(Locale.ROOT, "-b %-7s round %d  %-9s %-6s %7.3f s  %s  %s  load %s%n", block,
                            round + 1, op, who, r.seconds, r.rssKiB < 0 ? "" : r.rssKiB / 1024 + " MiB",
                            r.cpuSeconds < 0 ? "" : String.format(Locale.ROOT, "%.2f CPU-s", r.cpuSeconds), r.load);
                }
                for (String who : order) {
                    ok &= check(op, who, dir, newFile);
                    if (op.equals("patch")) {
                        // A patched copy is as large as the new file; once compared it only fills the disk.
                        Files.delete(files(op, who, dir, oldFile, newFile)[2]);
                    }
                }
            }
        }
        // Printed as soon as the block is done, so a later failure does not lose it.
        System.out.print(table(block, active, results, dir));
        return ok;
    }

    /** The input, input and output of one step: signature(old), delta(sig, new), patch(old, delta), diff(old, new). */
    private static Path[] files(String op, String who, Path dir, Path oldFile, Path newFile) {
        switch (op) {
            case "signature":
                return new Path[] {oldFile, null, dir.resolve(who + ".sig")};
            case "delta":
                return new Path[] {dir.resolve(who + ".sig"), newFile, dir.resolve(who + ".delta")};
            case "patch":
                return new Path[] {oldFile, dir.resolve(who + ".delta"), dir.resolve(who + ".patched")};
            default:
                return new Path[] {oldFile, newFile, dir.resolve(who + ".diff")};
        }
    }

    private boolean check(String op, String who, Path dir, Path newFile) throws IOException, InterruptedException {
        Path mine = files(op, who, dir, null, null)[2];
        Path reference;
        switch (op) {
            case "signature":
                reference = dir.resolve("rdiff.sig");
                break;
            case "delta":
            case "diff":
                reference = dir.resolve("rdiff.delta");
                break;
            default:
                reference = newFile;
        }
        if (!Files.exists(reference)) {
            notes.add(mine + " not compared: " + reference + " was not made (--ops)");
            return true;
        }
        int exit = new ProcessBuilder("cmp", "-s", reference.toString(), mine.toString()).inheritIO().start().waitFor();
        if (exit != 0) {
            System.out.println("MISMATCH: " + mine + " differs from " + reference);
        }
        return exit == 0;
    }

    private Result step(String who, String op, String blockArg, Path[] f, Path log)
            throws IOException, InterruptedException {
        if (!who.equals("rdiff") && javaMode.equals("inprocess")) {
            return inProcessStep(inProcess.get(who), op, blockArg, f);
        }
        return external(who.equals("rdiff") ? rdiffCommand(op, blockArg, f) : engineCommand(who, op, blockArg, f[0],
                f[2], f[1]), log);
    }

    private static List<String> rdiffCommand(String op, String blockArg, Path[] f) {
        List<String> c = new ArrayList<>(List.of("rdiff"));
        if (op.equals("signature") && !blockArg.equals("0")) {
            c.addAll(List.of("-b", blockArg));
        }
        c.add(op);
        c.add(f[0].toString());
        if (f[1] != null) {
            c.add(f[1].toString());
        }
        c.add(f[2].toString());
        return c;
    }

    /** The engine's command line for {@code op} with inputs {@code a} (and {@code b}) writing {@code out}. */
    private List<String> engineCommand(String engine, String op, String blockArg, Path a, Path out, Path b) {
        List<String> c = new ArrayList<>();
        if (javaMode.equals("cli")) {
            c.addAll(List.of(launcher.toString(), op.equals("diff") ? "diff" : "rdiff", "--engine=" + engine));
            if ((op.equals("signature") || op.equals("diff")) && !blockArg.equals("0")) {
                c.addAll(List.of("-b", blockArg));
            }
            if (!op.equals("diff")) {
                c.add(op);
            }
        } else {
            c.add(java.toString());
            c.addAll(javaOptions);
            c.addAll(List.of("-cp", ownClassPath(), EngineStep.class.getName(), engine, blockArg, op));
        }
        c.add(a.toString());
        if (b != null) {
            c.add(b.toString());
        } else if (!javaMode.equals("cli")) {
            c.add("-");
        }
        c.add(out.toString());
        return c;
    }

    private static String identity(Path file) throws IOException {
        return Files.size(file) + " B, " + Files.getLastModifiedTime(file);
    }

    private static String ownClassPath() {
        try {
            Path p = Path.of(SideBySide.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? p.toString() : System.getProperty("java.class.path");
        } catch (URISyntaxException e) {
            return System.getProperty("java.class.path");
        }
    }

    /** Runs a command under {@code /usr/bin/time -f %M} when it exists, for the peak RSS. */
    private Result external(List<String> command, Path log) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>();
        Path rss = Path.of(log + ".rss");
        boolean timed = Files.isExecutable(TIME);
        if (timed) {
            c.addAll(List.of(TIME.toString(), "-f", "%M %U %S", "-o", rss.toString()));
        }
        c.addAll(command);
        Files.write(log.resolveSibling(log.getFileName() + ".cmd"), String.join(" ", command).getBytes(StandardCharsets.UTF_8));
        ProcessBuilder pb = new ProcessBuilder(c).redirectErrorStream(true).redirectOutput(log.toFile());
        if (javaMode.equals("cli")) {
            pb.environment().put("PUAVO_MIRROR_JAVA_OPTS", String.join(" ", javaOptions));
        }
        String load = loadAverage();
        long t0 = System.nanoTime();
        int exit = pb.start().waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long rssKiB = -1;
        double cpu = -1;
        if (timed && Files.exists(rss)) {
            List<String> lines = Files.readAllLines(rss);
            String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).trim();
            if (last.matches("\\d+ [0-9.]+ [0-9.]+")) {
                String[] f = last.split(" ");
                rssKiB = Long.parseLong(f[0]);
                cpu = Double.parseDouble(f[1]) + Double.parseDouble(f[2]);
            }
        }
        String tail = "";
        if (exit != 0) {
            List<String> lines = Files.readAllLines(log);
            tail = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        }
        return new Result(seconds, rssKiB, cpu, load, exit, tail);
    }

    /** The 1-minute load average before a step, as /proc/loadavg gives it ("-" where there is none). */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "-";
        }
    }

    private static Result inProcessStep(RdiffEngine engine, String op, String blockArg, Path[] f) throws IOException {
        SignatureOptions options = SignatureOptions.DEFAULTS.withBlockLength(Integer.parseInt(blockArg));
        String load = loadAverage();
        long t0 = System.nanoTime();
        EngineStep.run(engine, options, op, f[0], f[1], f[2]);
        return new Result((System.nanoTime() - t0) / 1e9, -1, -1, load, 0, "");
    }

    /** Brings the in-process engines to a compiled steady state on a 32 MiB pair before anything is timed. */
    private void warmUp(String blockArg) throws IOException {
        Path dir = work.resolve("warmup");
        Files.createDirectories(dir);
        Path oldFile = dir.resolve("old");
        Path newFile = dir.resolve("new");
        generate(new SimilarPair(32L << 20, seed), oldFile, newFile);
        for (RdiffEngine engine : inProcess.values()) {
            for (int i = 0; i < 3; i++) {
                for (String op : OPS) {
                    Path[] f = files(op, engine.name(), dir, oldFile, newFile);
                    inProcessStep(engine, op, blockArg, f);
                }
            }
        }
    }

    /** Writes the pair unless the work dir already holds this size and seed. */
    private static void generate(SimilarPair pair, Path oldFile, Path newFile) throws IOException {
        Path stamp = oldFile.resolveSibling("pair.txt");
        String id = pair.size() + " " + pair.seed() + " v1";
        if (Files.exists(stamp) && Files.readString(stamp).equals(id) && Files.exists(oldFile) && Files.exists(newFile)) {
            return;
        }
        Files.deleteIfExists(stamp);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(oldFile), 1 << 20)) {
            pair.writeOld(out);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(oldFile), 1 << 20);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(newFile), 1 << 20)) {
            pair.writeNew(in, out);
        }
        Files.writeString(stamp, id);
    }

    private String table(String block, List<String> active, Map<String, List<Result>> results, Path dir) {
        List<String> engineNames = active.subList(1, active.size());
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%n== %s (signature %s B, delta %s B); medians of %d rounds ==%n",
                block.equals("default") ? "default block length" : "-b " + block, sizeOf(dir.resolve("rdiff.sig")),
                sizeOf(dir.resolve("rdiff.delta")), rounds));
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-10s %9s %9s", "step", "rdiff s", "RSS MiB"));
        for (String e : engineNames) {
            head.append(String.format(Locale.ROOT, " %9s %9s %9s", e + " s", e + "/rdiff", "RSS MiB"));
        }
        s.append(head).append('\n');
        for (String op : OPS) {
            if (!ops.contains(op)) {
                continue;
            }
            double rdiff = op.equals("diff")
                    ? median(results.get("signature/rdiff")) + median(results.get("delta/rdiff"))
                    : median(results.get(op + "/rdiff"));
            String rdiffRss = op.equals("diff") ? "-" : rss(results.get(op + "/rdiff"));
            s.append(String.format(Locale.ROOT, "%-10s %9.3f %9s", op.equals("diff") ? "diff (*)" : op, rdiff, rdiffRss));
            for (String e : engineNames) {
                double t = median(results.get(op + "/" + e));
                s.append(String.format(Locale.ROOT, " %9.3f %8.2fx %9s", t, t / rdiff, rss(results.get(op + "/" + e))));
            }
            s.append('\n');
        }
        if (ops.contains("diff")) {
            s.append("(*) one-step diff against rdiff signature + rdiff delta\n");
            for (String e : engineNames) {
                s.append(diffRounds(e, results));
            }
        }
        return s.toString();
    }

    /**
     * The one-step diff's speed-up in each round (rdiff's signature + delta of the same round over
     * the diff), its median and range, and the median CPU-seconds of both sides.
     */
    private static String diffRounds(String engine, Map<String, List<Result>> results) {
        List<Result> sig = results.get("signature/rdiff");
        List<Result> delta = results.get("delta/rdiff");
        List<Result> diff = results.get("diff/" + engine);
        if (sig == null || delta == null || diff == null) {
            return "";
        }
        double[] speedUps = new double[diff.size()];
        double[] rdiffCpu = new double[diff.size()];
        double[] ownCpu = new double[diff.size()];
        for (int i = 0; i < diff.size(); i++) {
            speedUps[i] = (sig.get(i).seconds + delta.get(i).seconds) / diff.get(i).seconds;
            rdiffCpu[i] = sig.get(i).cpuSeconds + delta.get(i).cpuSeconds;
            ownCpu[i] = diff.get(i).cpuSeconds;
        }
        double[] sorted = speedUps.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%s diff speed-up per round: median %.2fx, range %.2f-%.2fx; median CPU-s:"
                        + " rdiff %.2f, %s %.2f%n", engine, median(speedUps), sorted[0], sorted[sorted.length - 1],
                median(rdiffCpu), engine, median(ownCpu));
    }

    private static double median(double[] values) {
        double[] t = values.clone();
        Arrays.sort(t);
        return t.length % 2 == 1 ? t[t.length / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2;
    }

    private static String sizeOf(Path p) {
        try {
            return String.valueOf(Files.size(p));
        } catch (IOException e) {
            return "-";
        }
    }

    /** The median time, or NaN for a step that did not run (--ops). */
    private static double median(List<Result> rs) {
        if (rs == null) {
            return Double.NaN;
        }
        return median(rs.stream().mapToDouble(r -> r.seconds).toArray());
    }

    /** The largest peak RSS over the rounds, or "-" when it was not measured. */
    private static String rss(List<Result> rs) {
        if (rs == null) {
            return "-";
        }
        long max = rs.stream().mapToLong(r -> r.rssKiB).max().orElse(-1);
        return max < 0 ? "-" : String.valueOf(max / 1024);
    }

    static long parseSize(String s) {
        String t = s.trim().toUpperCase(Locale.ROOT);
        int shift = t.endsWith("G") ? 30 : t.endsWith("M") ? 20 : t.endsWith("K") ? 10 : 0;
        String digits = shift == 0 ? t : t.substring(0, t.length() - 1);
        return Long.parseLong(digits) << shift;
    }

    private static final class Result {
        final double seconds;
        final long rssKiB;
        /** User + system CPU time of the step's process, or -1 when not measured. */
        final double cpuSeconds;
        final String load;
        final int exit;
        final String logTail;

        Result(double seconds, long rssKiB, double cpuSeconds, String load, int exit, String logTail) {
            this.seconds = seconds;
            this.rssKiB = rssKiB;
            this.cpuSeconds = cpuSeconds;
            this.load = load;
            this.exit = exit;
            this.logTail = logTail;
        }
    }
}
