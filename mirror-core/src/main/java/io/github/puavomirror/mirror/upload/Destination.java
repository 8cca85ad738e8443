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
package io.github.puavomirror.mirror.upload;

import io.github.puavomirror.mirror.job.InvalidParameterException;
import io.github.puavomirror.mirror.job.MirrorException;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.puavomirror.mirror.job.JobParameter.BWLIMIT;
import static io.github.puavomirror.mirror.job.JobParameter.DESTINATION;
import static io.github.puavomirror.mirror.job.JobParameter.RSH;

/**
 * Where a mirror is uploaded to. {@link Upload} decides what goes where and in which order; a
 * destination only lists what is there and carries out each step so that no file is ever
 * visible under its published name before it is whole. Paths are relative to the destination's
 * root with {@code /} separators: {@code x.img}, {@code rdiffs/y.rdiff}, {@code meta/s.json},
 * {@code CKSUMS}.
 */
interface Destination extends AutoCloseable {
    /** A {@code [user@]host:path} destination: no slash before the first colon, as rsync reads it. */
    Pattern RSYNC_REMOTE = Pattern.compile("((?:[^/:@]+@)?[^/:@]+):(.*)");

    /** A published file on the destination; {@code sha256} is null when the store does not keep it. */
    record RemoteFile(long size, String sha256) {
    }

    /**
     * What the destination holds now: its regular files at the top, in {@code rdiffs/} and in
     * {@code meta/} by path, the paths there that are something else (folders, links), and the
     * bytes of its metas and its CKSUMS (null when it has none).
     */
    record Listing(Map<String, RemoteFile> files, Set<String> others, Map<String, byte[]> metas, byte[] cksums) {
    }

    /**
     * An image or rdiff to send. With {@code compareFirst} the destination has a file of that
     * size under that name whose bytes nobody vouches for: it is compared and left alone when equal.
     */
    record Transfer(String path, Path source, long size, String sha256, boolean compareFirst) {
    }

    /** A meta or CKSUMS, whole in memory. */
    record SmallFile(String path, byte[] content) {
    }

    /** How users name it, for messages. */
    String name();

    /** The root's path, for the warning about prefixes; null when the destination cannot tell. */
    String rootPath();

    Listing list() throws IOException;

    /** Hears how each file of {@link #send} is getting on; called from any thread. */
    interface SendListener {
        /** {@code bytes} of the file have gone so far (where the store can tell). */
        void progress(Transfer t, long bytes);

        /** The file is whole under its published name. */
        void done(Transfer t);
    }

    /** Sends each file under a temporary name and only then makes it visible; reports each when it is. */
    void send(List<Transfer> files, SendListener listener) throws IOException;

    /** Replaces each small file atomically, in the order given. */
    void write(List<SmallFile> files) throws IOException;

    void delete(List<String> paths) throws IOException;

    /** Releases connections; folders and rsync hold none between steps. */
    @Override
    default void close() {
    }

    /** The destination a request names; {@code stateDir} holds its scratch files. */
    static Destination of(UploadRequest request, Path mirrorDir, Path stateDir) throws MirrorException {
        String d = request.destination();
        boolean rsync = !d.startsWith(S3Destination.SCHEME)
                && (d.startsWith("ssh://") || RSYNC_REMOTE.matcher(d).matches());
        if (!rsync && (request.rsh() != null || request.bwlimit() != null)) {
            throw MirrorException.usage(InvalidParameterException.of(request.rsh() != null ? RSH : BWLIMIT,
                    "applies to [user@]host:path and ssh:// destinations only, not to " + d));
        }
        if (d.startsWith(S3Destination.SCHEME)) {
            return S3Destination.open(request);
        }
        if (d.startsWith("ssh://")) {
            URI uri;
            try {
                uri = new URI(d);
            } catch (URISyntaxException e) {
                throw MirrorException.usage(InvalidParameterException.of(DESTINATION, d + ": " + e.getReason()));
            }
            if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2 || uri.getQuery() != null
                    || uri.getFragment() != null) {
                throw MirrorException.usage(InvalidParameterException.of(DESTINATION,
                        d + ": expected ssh://[user@]host[:port]/path"));
            }
            String host = (uri.getUserInfo() == null ? "" : uri.getUserInfo() + "@") + uri.getHost();
            if (host.startsWith("-")) {
                throw MirrorException.usage(InvalidParameterException.of(DESTINATION, d + ": a host cannot start with '-'"));
            }
            return new RsyncDestination(d, host, uri.getPath(), uri.getPort(), request, mirrorDir, stateDir);
        }
        if (d.contains("://")) {
            throw MirrorException.usage(InvalidParameterException.of(DESTINATION,
                    d + ": expected [user@]host:path, ssh://[user@]host[:port]/path or a folder"));
        }
        Matcher m = RSYNC_REMOTE.matcher(d);
        if (m.matches()) {
            if (m.group(1).startsWith("-")) {
                // rsync would read it as an option.
                throw MirrorException.usage(InvalidParameterException.of(DESTINATION, d + ": a host cannot start with '-'"));
            }
            if (m.group(2).isEmpty()) {
                throw MirrorException.usage(InvalidParameterException.of(DESTINATION,
                        d + ": no path after the colon (give . for the home folder)"));
            }
            return new RsyncDestination(d, m.group(1), m.group(2), -1, request, mirrorDir, stateDir);
        }
        return new FolderDestination(Path.of(d), request.jobs());
    }
}
