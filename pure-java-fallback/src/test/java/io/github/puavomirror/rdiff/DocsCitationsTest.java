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
package io.github.puavomirror.rdiff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the repository's citations of its own documentation true: every {@code docs/<file>.md}
 * that a source, script or README names exists, and so does every numbered section
 * ({@code ## N. Title}) cited as {@code docs/<file>.md §N}; inside {@code docs/}, links and
 * {@code §N} references resolve the same way. It lives in this module because it is built first
 * and has no dependencies; it scans the whole repository.
 */
class DocsCitationsTest {
    /** A doc under {@code docs/}, optionally followed by {@code §N} and {@code to §M}. */
    private static final Pattern SOURCE_CITATION =
            Pattern.compile("docs/([\\w.-]+\\.md)(?:\\s+§(\\d+)(?:\\s+to\\s+§(\\d+))?)?");
    /** A section reference inside a doc: {@code §N}, naming another doc just before it when it does. */
    private static final Pattern DOC_SECTION = Pattern.compile("(?:([\\w-]+\\.md)\\)?\\s+)?§(\\d+)");
    /** A relative Markdown link to another doc. */
    private static final Pattern DOC_LINK = Pattern.compile("\\]\\(([\\w-]+\\.md)\\)");
    private static final Pattern NUMBERED_HEADING = Pattern.compile("(?m)^#{2,}\\s+(\\d+)\\.\\s");
    /** The ways the code cited the specification that lived outside the repository. */
    private static final Pattern EXTERNAL_SPEC =
            Pattern.compile("(?i)shared[/]spec|\\bspec(?:,?\\s+section\\s*\\d|\\s*§\\s*\\d|\\s+\\d+(?:\\.\\d+)?\\b)");
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "node_modules");

    private static Path root;
    private static Path docs;

    @BeforeAll
    static void findRepository() {
        Path dir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("docs/README.md"))
                && Files.isRegularFile(dir.resolve("pom.xml")))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a folder above %s with docs/README.md and pom.xml", Path.of("").toAbsolutePath())
                .isNotNull();
        root = dir;
        docs = dir.resolve("docs");
    }

    @Test
    void everyCitedDocAndSectionExists() throws IOException {
        List<String> broken = new ArrayList<>();
        int citations = 0;
        for (Path file : sourceFiles()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher m = SOURCE_CITATION.matcher(text);
            while (m.find()) {
                citations++;
                check(file, text, m.start(), m.group(1), m.group(2), broken);
                check(file, text, m.start(), m.group(1), m.group(3), broken);
            }
        }
        assertThat(broken).as("citations of docs/ that do not resolve").isEmpty();
        assertThat(citations).as("citations of docs/ found in the sources").isGreaterThan(10);
    }

    @Test
    void referencesInsideTheDocsResolve() throws IOException {
        List<String> broken = new ArrayList<>();
        try (var files = Files.list(docs)) {
            for (Path doc : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                String text = Files.readString(doc, StandardCharsets.UTF_8);
                Matcher link = DOC_LINK.matcher(text);
                while (link.find()) {
                    check(doc, text, link.start(), link.group(1), null, broken);
                }
                Matcher section = DOC_SECTION.matcher(text);
                while (section.find()) {
                    String target = section.group(1) != null ? section.group(1) : doc.getFileName().toString();
                    check(doc, text, section.start(), target, section.group(2), broken);
                }
            }
        }
        assertThat(broken).as("references inside docs/ that do not resolve").isEmpty();
    }

    @Test
    void nothingCitesTheSpecificationOutsideTheRepository() throws IOException {
        List<String> stale = new ArrayList<>();
        for (Path file : sourceFiles()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher m = EXTERNAL_SPEC.matcher(text);
            while (m.find()) {
                stale.add(where(file, text, m.start()) + ": \"" + m.group() + "\" (cite docs/<file>.md §N)");
            }
        }
        assertThat(stale).as("citations of a specification outside the repository").isEmpty();
    }

    private static void check(Path file, String text, int at, String doc, String section, List<String> broken)
            throws IOException {
        Path target = docs.resolve(doc);
        if (!Files.isRegularFile(target)) {
            broken.add(where(file, text, at) + ": docs/" + doc + " does not exist");
        } else if (section != null && !sections(target).contains(section)) {
            broken.add(where(file, text, at) + ": docs/" + doc + " has no section " + section
                    + " (a heading \"## " + section + ". ...\")");
        }
    }

    private static Set<String> sections(Path doc) throws IOException {
        Set<String> numbers = new HashSet<>();
        Matcher m = NUMBERED_HEADING.matcher(Files.readString(doc, StandardCharsets.UTF_8));
        while (m.find()) {
            numbers.add(m.group(1));
        }
        return numbers;
    }

    private static String where(Path file, String text, int at) {
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return root.relativize(file) + ":" + line;
    }

    /** Java sources, scripts, poms and Markdown outside docs/ and build output; the scripts in bin/. */
    private static List<Path> sourceFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                return SKIPPED_FOLDERS.contains(name) || dir.equals(docs) ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                boolean script = file.getParent().equals(root.resolve("bin"));
                if (attrs.isRegularFile() && (script || name.endsWith(".java") || name.endsWith(".sh")
                        || name.endsWith(".md") || name.endsWith(".xml"))) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }
}
