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
package io.github.puavomirror.mirror;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.puavomirror.mirror.squashfs.DirectoryEntry;
import io.github.puavomirror.mirror.squashfs.NotSquashfsException;
import io.github.puavomirror.mirror.squashfs.SquashfsException;
import io.github.puavomirror.mirror.squashfs.SquashfsImage;
import io.github.puavomirror.mirror.squashfs.SquashfsInode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code puavo-conf} value of an image's meta entry: the merged content of
 * {@code /usr/share/puavo-conf/definitions/*.json}, straight out of the squashfs image instead
 * of loop-mounting it as upstream does.
 *
 * <p>It follows what upstream's mount plus Ruby {@code Dir.glob}/{@code JSON.parse} does:
 * <ul>
 *   <li>files are taken in byte-wise name order; only names ending in {@code .json} that do
 *       not start with a dot (glob skips dot files); symlinks are followed inside the image;
 *   <li>keys keep their order within each file; a key defined in two files is an error;
 *   <li>a key repeated inside one file keeps its first position and its last value.
 * </ul>
 *
 * <p>An image without the definitions directory gives {@code {}}, as the glob would, but with
 * a warning: a Puavo OS image always ships definitions, so their absence suggests the wrong
 * file was listed.
 */
public final class PuavoConfReader {
    /** The definitions directory, relative to the image root. */
    public static final String DEFINITIONS_DIR = "usr/share/puavo-conf/definitions";
    /**
     * The most puavo-conf one image may carry, its definition files together and the merged value
     * as its meta entry writes it: a limit real images do not come near. It bounds what an image
     * can make a run hold (the value is kept per image and written into its series' meta).
     */
    public static final int MAX_TOTAL_BYTES = 4 << 20;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private PuavoConfReader() {}

    /**
     * Reads and merges the definitions of {@code image}.
     *
     * @return the merged definitions, or an empty object with a warning if the file is not
     *     squashfs or has no definitions directory
     * @throws ImageReadException if the image cannot be opened, is a truncated, corrupt or
     *     unsupported squashfs image, or its definitions are not valid JSON objects or define a
     *     key twice
     */
    public static PuavoConfResult read(Path image) throws ImageReadException {
        try (SquashfsImage squashfs = SquashfsImage.open(image)) {
            return read(image, squashfs);
        } catch (NotSquashfsException e) {
            return empty(PuavoConfResult.Outcome.NOT_SQUASHFS, e.getMessage() + "; puavo-conf left empty");
        } catch (ImageReadException e) {
            throw e;
        } catch (SquashfsException e) {
            throw new ImageReadException(image, e.problem(), e);
        } catch (IOException e) {
            throw new ImageReadException(image, "cannot read image: " + describe(e), e);
        }
    }

    private static PuavoConfResult read(Path image, SquashfsImage squashfs) throws IOException {
        Optional<SquashfsInode> dir = squashfs.resolve(DEFINITIONS_DIR);
        if (dir.isEmpty() || !dir.get().isDirectory()) {
            return empty(PuavoConfResult.Outcome.NO_DEFINITIONS,
                    image + ": no /" + DEFINITIONS_DIR + " directory in the image; puavo-conf left empty");
        }
        List<DirectoryEntry> files = squashfs.list(dir.get()).stream()
                .filter(e -> e.name().endsWith(".json") && !e.name().startsWith("."))
                .sorted(Comparator.comparing(e -> e.name().getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned))
                .toList();
        ObjectNode merged = MAPPER.createObjectNode();
        Map<String, String> definedIn = new HashMap<>();
        long total = 0;
        for (DirectoryEntry entry : files) {
            String path = "/" + DEFINITIONS_DIR + "/" + entry.name();
            SquashfsInode file = definitionFile(image, squashfs, entry, path);
            total += file.size();
            if (total > MAX_TOTAL_BYTES) {
                throw tooLarge(image, "its definition files pass it at " + path);
            }
            ObjectNode definitions = parse(image, path, read(image, squashfs, file, path));
            for (Map.Entry<String, JsonNode> field : definitions.properties()) {
                String previous = definedIn.putIfAbsent(field.getKey(), path);
                if (previous != null) {
                    throw new ImageReadException(image, "puavo-conf key \"" + field.getKey()
                            + "\" is defined in both " + previous + " and " + path, null);
                }
                merged.set(field.getKey(), field.getValue());
            }
        }
        long written = MetaJson.puavoConfLength(merged);
        if (written > MAX_TOTAL_BYTES) {
            throw tooLarge(image, "merged, as a meta writes it, it is " + written + " bytes");
        }
        return new PuavoConfResult(PuavoConfResult.Outcome.READ, merged, Optional.empty());
    }

    private static ImageReadException tooLarge(Path image, String where) {
        return new ImageReadException(image, "puavo-conf is over the " + (MAX_TOTAL_BYTES >> 20)
                + " MiB an image may carry (" + where + ")", null);
    }

    /** The regular file a definition entry names, following a symlink. */
    private static SquashfsInode definitionFile(Path image, SquashfsImage squashfs, DirectoryEntry entry, String path)
            throws IOException {
        SquashfsInode inode = squashfs.inode(entry);
        if (inode.isSymlink()) {
            String target = inode.symlinkTarget().orElseThrow();
            inode = squashfs.resolve(path).orElseThrow(() -> new ImageReadException(image,
                    "puavo-conf definition " + path + " is a dangling symlink to " + target, null));
        }
        if (!inode.isRegularFile()) {
            throw new ImageReadException(image, "puavo-conf definition " + path + " is a "
                    + inode.type().name().toLowerCase(Locale.ROOT) + ", not a regular file", null);
        }
        return inode;
    }

    private static byte[] read(Path image, SquashfsImage squashfs, SquashfsInode file, String path) throws IOException {
        try {
            return squashfs.readFile(file, MAX_TOTAL_BYTES);
        } catch (SquashfsException e) {
            throw new ImageReadException(image, "reading " + path + ": " + e.problem(), e);
        }
    }

    private static ObjectNode parse(Path image, String path, byte[] content) throws ImageReadException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr();
            throw new ImageReadException(image, "invalid JSON in puavo-conf definition " + path + where
                    + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ImageReadException(image, "invalid JSON in puavo-conf definition " + path + ": " + e.getMessage(), e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new ImageReadException(image, "puavo-conf definition " + path + " is empty", null);
        }
        if (!tree.isObject()) {
            throw new ImageReadException(image, "puavo-conf definition " + path + " holds a JSON "
                    + tree.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object", null);
        }
        return (ObjectNode) tree;
    }

    private static PuavoConfResult empty(PuavoConfResult.Outcome outcome, String warning) {
        return new PuavoConfResult(outcome, MAPPER.createObjectNode(), Optional.of(warning));
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
