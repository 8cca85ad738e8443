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
package io.github.puavomirror.dist;

import io.github.puavomirror.cli.CliIo;
import io.github.puavomirror.cli.PuavoMirrorCommand;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes what the packages carry besides the jar, from the picocli model of the jar being packaged,
 * so none of it can drift from {@code --help}: a man page for puavo-mirror and one for each of its
 * commands, the bash completion, the man page and the bash completion of bin/puavo-update-repository
 * (from its own usage text) and the Debian changelog entry of this version. Arguments: output folder, project version, build
 * timestamp (ISO-8601), maintainer ("Name &lt;email&gt;"), path of bin/puavo-update-repository.
 *
 * <p>picocli-codegen's ManPageGenerator writes AsciiDoc, which needs Asciidoctor (JRuby) to become a
 * man page; troff written here directly keeps the build small.
 */
public final class PackageDocs {
    private static final String TOOL = "puavo-mirror";
    private static final String UPDATE_REPOSITORY = "puavo-update-repository";

    private final Path out;
    private final String version;
    private final Instant built;
    private final String maintainer;

    private PackageDocs(Path out, String version, Instant built, String maintainer) {
        this.out = out;
        this.version = version;
        this.built = built;
        this.maintainer = maintainer;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: PackageDocs OUT_DIR VERSION TIMESTAMP MAINTAINER UPDATE_REPOSITORY_SCRIPT");
        }
        PackageDocs docs = new PackageDocs(Path.of(args[0]), args[1], Instant.parse(args[2]), args[3]);
        CommandLine top = PuavoMirrorCommand.commandLine(new CliIo(InputStream.nullInputStream(),
                OutputStream.nullOutputStream(), new PrintStream(OutputStream.nullOutputStream()), () -> -1));
        docs.manPages(top);
        // The completion is sourced, never run: no #! line (lintian: bash-completion-with-hashbang).
        docs.write(Path.of("completion", TOOL), AutoComplete.bash(TOOL, top).replaceFirst("^#![^\n]*\n", ""));
        String usage = usage(Path.of(args[4]));
        docs.updateRepositoryPage(usage);
        docs.write(Path.of("completion", UPDATE_REPOSITORY), updateRepositoryCompletion(usage));
        docs.changelog();
    }

    /** The Debian form of a Maven version: 0.1.0-SNAPSHOT becomes 0.1.0~SNAPSHOT, which sorts before 0.1.0. */
    static String debianVersion(String mavenVersion) {
        return mavenVersion.replace('-', '~');
    }

    private void manPages(CommandLine top) throws IOException {
        List<String> subPages = new ArrayList<>();
        top.getSubcommands().forEach((name, sub) -> subPages.add(pageName(sub.getCommandSpec())));
        StringBuilder page = header(top.getCommandSpec());
        usage(page, top);
        page.append(".SH COMMANDS\n");
        top.getSubcommands().forEach((name, sub) -> page.append(".TP\n.B ").append(escape(name)).append('\n')
                .append(escape(PuavoMirrorCommand.summary(sub.getCommandSpec()))).append(" See \\fB")
                .append(escape(pageName(sub.getCommandSpec()))).append("\\fR(1).\n"));
        notes(page, top.getCommandSpec());
        subPages.add(UPDATE_REPOSITORY);
        seeAlso(page, subPages);
        manPage(TOOL, page);
        for (CommandLine sub : top.getSubcommands().values()) {
            StringBuilder subPage = header(sub.getCommandSpec());
            usage(subPage, sub);
            notes(subPage, sub.getCommandSpec());
            seeAlso(subPage, List.of(TOOL, UPDATE_REPOSITORY));
            manPage(pageName(sub.getCommandSpec()), subPage);
        }
    }

    /** puavo-mirror for the top command, puavo-mirror-verify for its verify command. */
    private static String pageName(CommandSpec command) {
        return command.qualifiedName("-");
    }

    private StringBuilder header(CommandSpec command) {
        return header(pageName(command), stripFinalStop(PuavoMirrorCommand.summary(command)));
    }

    private StringBuilder header(String name, String summary) {
        StringBuilder page = new StringBuilder();
        page.append(".TH ").append(escape(name.toUpperCase(Locale.ROOT))).append(" 1 \"")
                .append(DateTimeFormatter.ISO_LOCAL_DATE.format(built.atOffset(ZoneOffset.UTC))).append("\" \"")
                .append(TOOL).append(' ').append(escape(version)).append("\" \"User Commands\"\n");
        page.append(".SH NAME\n").append(escape(name)).append(" \\- ").append(escape(summary)).append('\n');
        return page;
    }

    /** Synopsis, description, options and parameters as --help gives them, in man page sections. */
    private static void usage(StringBuilder page, CommandLine commandLine) {
        CommandSpec command = commandLine.getCommandSpec();
        CommandLine.Help help = commandLine.getHelp();
        page.append(".SH SYNOPSIS\n.nf\n").append(escapeLines(help.synopsis(0).stripTrailing())).append("\n.fi\n");
        page.append(".SH DESCRIPTION\n").append(escape(PuavoMirrorCommand.plainText(command.usageMessage().description())))
                .append('\n');
        if (!command.positionalParameters().isEmpty()) {
            page.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec parameter : command.positionalParameters()) {
                if (!parameter.hidden()) {
                    item(page, "\\fI" + escape(parameter.paramLabel()) + "\\fR", parameter);
                }
            }
        }
        page.append(".SH OPTIONS\n");
        for (OptionSpec option : command.options()) {
            if (option.hidden()) {
                continue;
            }
            StringBuilder names = new StringBuilder();
            for (String name : option.names()) {
                names.append(names.length() == 0 ? "" : ", ").append("\\fB").append(escape(name)).append("\\fR");
            }
            if (option.arity().max() > 0) {
                names.append(" \\fI").append(escape(option.paramLabel())).append("\\fR");
            }
            item(page, names.toString(), option);
        }
    }

    /** The footer of --help (the exit status), after the rest. */
    private static void notes(StringBuilder page, CommandSpec command) {
        String footer = PuavoMirrorCommand.plainText(command.usageMessage().footer());
        if (!footer.isEmpty()) {
            page.append(".SH NOTES\n").append(escape(footer)).append('\n');
        }
    }

    private static void item(StringBuilder page, String term, ArgSpec arg) {
        page.append(".TP\n").append(term).append('\n').append(escape(PuavoMirrorCommand.plainText(arg.description())
                .replace("${DEFAULT-VALUE}", String.valueOf(arg.defaultValueString()))
                .replace("${COMPLETION-CANDIDATES}", candidates(arg)))).append('\n');
    }

    private static String candidates(ArgSpec arg) {
        List<String> values = new ArrayList<>();
        if (arg.completionCandidates() != null) {
            arg.completionCandidates().forEach(values::add);
        }
        return String.join(", ", values);
    }

    private static void seeAlso(StringBuilder page, List<String> pages) {
        List<String> refs = new ArrayList<>();
        for (String name : pages) {
            refs.add("\\fB" + escape(name) + "\\fR(1)");
        }
        page.append(".SH SEE ALSO\n").append(String.join(",\n", refs)).append('\n');
    }

    /** What bin/puavo-update-repository --help prints: its man page and completion are made from it, so all agree. */
    private static String usage(Path script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", script.toString(), "--help").redirectErrorStream(true).start();
        String usage = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(script + " --help failed: " + usage);
        }
        return usage;
    }

    private void updateRepositoryPage(String usage) throws IOException {
        String[] paragraphs = usage.strip().split("\n\n");
        StringBuilder page = header(UPDATE_REPOSITORY, "publish a folder of Puavo OS images as an image mirror");
        page.append(".SH SYNOPSIS\n.nf\n").append(escapeLines(paragraphs[0].replaceFirst("^Usage: ", "")))
                .append("\n.fi\n.SH DESCRIPTION\n");
        for (int i = 1; i < paragraphs.length; i++) {
            page.append(i == 1 ? "" : ".PP\n").append(".nf\n").append(escapeLines(paragraphs[i])).append("\n.fi\n");
        }
        seeAlso(page, List.of(TOOL, TOOL + "-update-repository"));
        manPage(UPDATE_REPOSITORY, page);
    }

    /**
     * Bash completion of bin/puavo-update-repository: the options of its usage text ("  -r, --repository URL ..."),
     * folders after an option taking a DIR and for IMAGE_DIR and MIRROR_DIR, nothing after one taking another value.
     */
    static String updateRepositoryCompletion(String usage) {
        Matcher option = Pattern.compile("(?m)^  (-\\w), (--[\\w-]+)(?: ([A-Z_]+))?  ").matcher(usage);
        List<String> names = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        List<String> values = new ArrayList<>();
        while (option.find()) {
            names.add(option.group(1));
            names.add(option.group(2));
            if (option.group(3) != null) {
                (option.group(3).endsWith("DIR") ? folders : values).add(option.group(1) + "|" + option.group(2));
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException(UPDATE_REPOSITORY + " --help lists no option: " + usage);
        }
        String function = "_" + UPDATE_REPOSITORY.replace('-', '_');
        StringBuilder script = new StringBuilder()
                .append("# bash completion for ").append(UPDATE_REPOSITORY).append(", made from its --help\n")
                .append(function).append("() {\n")
                .append("    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n")
                .append("    COMPREPLY=()\n")
                .append("    case $prev in\n");
        if (!folders.isEmpty()) {
            script.append("        ").append(String.join("|", folders))
                    .append(")\n            mapfile -t COMPREPLY < <(compgen -d -- \"$cur\")\n            return ;;\n");
        }
        if (!values.isEmpty()) {
            script.append("        ").append(String.join("|", values)).append(")\n            return ;;\n");
        }
        return script.append("    esac\n")
                .append("    if [[ $cur == -* ]]; then\n")
                .append("        mapfile -t COMPREPLY < <(compgen -W '").append(String.join(" ", names))
                .append("' -- \"$cur\")\n")
                .append("    else\n")
                .append("        mapfile -t COMPREPLY < <(compgen -d -- \"$cur\")\n")
                .append("    fi\n")
                .append("}\n")
                .append("complete -o filenames -F ").append(function).append(' ').append(UPDATE_REPOSITORY).append('\n')
                .toString();
    }

    private void changelog() throws IOException {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(built.atOffset(ZoneOffset.UTC))
                .replace("GMT", "+0000");
        String entry = TOOL + " (" + debianVersion(version) + ") unstable; urgency=medium\n\n"
                + "  * Packaged from puavo-mirror " + version + ".\n\n"
                + " -- " + maintainer + "  " + date + "\n";
        gzip(Path.of("deb", "changelog.gz"), entry);
    }

    private void manPage(String name, StringBuilder page) throws IOException {
        write(Path.of("man", name + ".1"), page.toString());
        gzip(Path.of("deb", "man1", name + ".1.gz"), page.toString());
    }

    private void write(Path relative, String text) throws IOException {
        Path file = out.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** gzip -9n: the best compression, and no name or time in the header, for the same bytes each build. */
    private void gzip(Path relative, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        byte[] data = bytes.toByteArray();
        // Header byte 8 (XFL) 2 says "maximum compression", as gzip -9 writes it.
        data[8] = 2;
        Path file = out.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, data);
    }

    private static String stripFinalStop(String sentence) {
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }

    /** Text that may wrap, in troff: backslashes and hyphens escaped, no line starting a request. */
    private static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
    }

    private static String escapeLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(escape(line));
        }
        return String.join("\n", lines);
    }
}
