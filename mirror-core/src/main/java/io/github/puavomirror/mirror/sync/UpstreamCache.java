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
package io.github.puavomirror.mirror.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.puavomirror.mirror.AtomicFiles;
import io.github.puavomirror.mirror.http.MirrorHttp;
import io.github.puavomirror.mirror.job.MirrorException;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Upstream's metas and CKSUMS as last downloaded, with their {@code ETag} and
 * {@code Last-Modified}, in the job's state folder: the next run asks conditionally and an
 * unchanged file costs a 304. A lost or damaged entry costs one full download.
 */
final class UpstreamCache {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The validators kept beside a body. */
    record Validators(String url, String etag, String lastModified) {
    }

    private final Path dir;
    private final MirrorHttp http;
    private final boolean store;

    /** @param store false for a dry run, which writes nothing */
    UpstreamCache(Path dir, MirrorHttp http, boolean store) {
        this.dir = dir;
        this.http = http;
        this.store = store;
    }

    byte[] get(URI url) throws MirrorException {
        String key = key(url);
        Path body = dir.resolve(key + ".body");
        Path validatorsFile = dir.resolve(key + ".json");
        Validators v = null;
        byte[] cached = null;
        try {
            if (Files.isRegularFile(body) && Files.isRegularFile(validatorsFile)) {
                Validators read = JSON.readValue(validatorsFile.toFile(), Validators.class);
                cached = Files.readAllBytes(body);
                v = read;
            }
        } catch (IOException e) {
            v = null;
        }
        boolean usable = v != null && url.toString().equals(v.url());
        MirrorHttp.Fetched f = usable ? http.get(url, v.etag(), v.lastModified()) : http.get(url, null, null);
        if (f.notModified()) {
            return cached;
        }
        if (store && (f.etag() != null || f.lastModified() != null)) {
            try {
                Files.createDirectories(dir);
                AtomicFiles.write(body, f.body());
                AtomicFiles.write(validatorsFile, JSON.writeValueAsBytes(new Validators(url.toString(), f.etag(),
                        f.lastModified())));
            } catch (IOException e) {
                throw new MirrorException(dir + ": " + e.getMessage(), e);
            }
        }
        return f.body();
    }

    private static String key(URI url) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(url.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
