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
package io.github.puavomirror.mirror.http;

import io.github.puavomirror.mirror.ChecksumSink;
import io.github.puavomirror.mirror.Checksums;
import io.github.puavomirror.mirror.FileChecksums;
import io.github.puavomirror.mirror.job.MirrorEvent;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorListener;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client of a served mirror, on the JDK's HTTP client: small files read whole (optionally
 * conditional), HEAD, ranged probes, and large files downloaded into a partial file that later
 * runs resume. Transient failures (connection errors, 408, 429, 5xx) are retried with doubling
 * pauses; redirects are followed up to {@value #MAX_REDIRECTS} hops. Every failure is a
 * {@link MirrorException} whose one-line message starts with the URL.
 */
public final class MirrorHttp {
    public static final int MAX_REDIRECTS = 5;
    /** Metas and CKSUMS are kilobytes; anything this large is not one, and is not read into memory. */
    static final int SMALL_FILE_LIMIT = 64 << 20;
    private static final int BUFFER = 1 << 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    /**
     * How the client connects and retries.
     *
     * @param caCertificate a PEM file of CAs trusted besides the JDK's, or null
     * @param environment   where {@code https_proxy}, {@code http_proxy} and {@code no_proxy} are read
     * @param attempts      tries of one request before a transient failure is final
     * @param firstPause    pause before the first retry; each later one doubles it
     */
    public record Settings(Path caCertificate, Map<String, String> environment, int attempts, Duration firstPause) {
        /** The process environment, 5 attempts, pauses from one second. */
        public static Settings of(Path caCertificate) {
            return new Settings(caCertificate, System.getenv(), 5, Duration.ofSeconds(1));
        }
    }

    /** A small file's body and validators; {@code notModified} when the server answered 304 (no body). */
    public record Fetched(byte[] body, String etag, String lastModified, boolean notModified) {
    }

    /** A request that failed in a way worth retrying. */
    private static final class Transient extends IOException {
        private static final long serialVersionUID = 1L;

        Transient(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpClient client;
    private final Settings settings;
    private final MirrorListener events;
    private final AtomicLong bytesDownloaded = new AtomicLong();

    public MirrorHttp(Settings settings, MirrorListener events) throws MirrorException {
        this.settings = settings;
        this.events = events;
        EnvironmentProxy proxy;
        try {
            proxy = new EnvironmentProxy(settings.environment());
        } catch (IllegalArgumentException e) {
            throw MirrorException.usage("https_proxy/http_proxy: " + e.getMessage());
        }
        client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30))
                .proxy(proxy)
                .sslContext(TrustedCertificates.context(settings.caCertificate()))
                .build();
    }

    /** Body bytes received so far by this client, over all requests. */
    public long bytesDownloaded() {
        return bytesDownloaded.get();
    }

    /** GETs a small file (a meta, CKSUMS); see {@link #get(URI, String, String)}. */
    public byte[] get(URI url) throws MirrorException {
        return get(url, null, null).body();
    }

    /**
     * GETs a small file, conditionally when {@code etag} or {@code lastModified} from an earlier
     * answer is given: the server then answers 304 without a body when it has not changed.
     */
    public Fetched get(URI url, String etag, String lastModified) throws MirrorException {
        return retrying(url, () -> {
            HttpRequest.Builder b = request(url);
            if (etag != null) {
                b.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                b.header("If-Modified-Since", lastModified);
            }
            HttpResponse<InputStream> r = send(url, b);
            try (InputStream body = r.body()) {
                if (r.statusCode() == 304 && (etag != null || lastModified != null)) {
                    return new Fetched(null, etag, lastModified, true);
                }
                requireStatus(url, r, 200);
                byte[] bytes = read(body, url);
                bytesDownloaded.addAndGet(bytes.length);
                return new Fetched(bytes, r.headers().firstValue("ETag").orElse(null),
                        r.headers().firstValue("Last-Modified").orElse(null), false);
            }
        });
    }

    private static byte[] read(InputStream body, URI url) throws IOException {
        try {
            byte[] bytes = body.readNBytes(SMALL_FILE_LIMIT + 1);
            if (bytes.length > SMALL_FILE_LIMIT) {
                throw new MirrorException(url + ": larger than " + (SMALL_FILE_LIMIT >> 20) + " MiB, so not a meta or CKSUMS");
            }
            return bytes;
        } catch (MirrorException e) {
            throw e;
        } catch (IOException e) {
            throw new Transient("connection lost while reading (" + describe(e) + ")", e);
        }
    }

    /** The size a HEAD request gives. */
    public long head(URI url) throws MirrorException {
        return retrying(url, () -> {
            HttpResponse<InputStream> r = send(url, request(url).method("HEAD", HttpRequest.BodyPublishers.noBody()));
            r.body().close();
            requireStatus(url, r, 200);
            return r.headers().firstValueAsLong("Content-Length").orElseThrow(() ->
                    new MirrorException(url + ": the server gives no Content-Length"));
        });
    }

    /** Whether the server answers a request for the first byte with that byte alone (206), as resuming needs. */
    public boolean servesRanges(URI url) throws MirrorException {
        return retrying(url, () -> {
            HttpResponse<InputStream> r = send(url, request(url).header("Range", "bytes=0-0"));
            try (InputStream body = r.body()) {
                if (r.statusCode() == 200) {
                    return false;
                }
                requireStatus(url, r, 206);
                return true;
            }
        });
    }

    /**
     * Downloads {@code url} into {@code partial}, continuing from what it already holds, and
     * checks the whole file against {@code size} and {@code sha256}. A file that fails the check
     * is deleted, so the next run does not resume a wrong file.
     *
     * @param progress told the bytes the partial file holds as they arrive
     * @return the checksums of the complete, checked file
     */
    public Checksums download(URI url, Path partial, long size, String sha256, LongConsumer progress)
            throws MirrorException {
        try {
            Files.createDirectories(partial.getParent());
            if (Files.exists(partial) && Files.size(partial) > size) {
                Files.delete(partial);
            }
        } catch (IOException e) {
            throw new MirrorException(partial + ": " + describe(e), e);
        }
        int failures = 0;
        while (true) {
            long have = sizeOf(partial);
            if (have >= size) {
                break;
            }
            try {
                fetchRest(url, partial, have, size, progress);
                break;
            } catch (Transient e) {
                // A try that got further counts as the first failure of a fresh series.
                failures = sizeOf(partial) > have ? 1 : failures + 1;
                retryOrGiveUp(url, failures, e);
            } catch (MirrorException e) {
                throw e;
            } catch (IOException e) {
                throw new MirrorException(partial + ": " + describe(e), e);
            }
        }
        Checksums sums;
        try {
            sums = FileChecksums.compute(partial);
        } catch (IOException e) {
            throw new MirrorException(partial + ": " + describe(e), e);
        }
        if (sums.size() != size || !sums.sha256().equals(sha256)) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // The mismatch is the error to report; a stale partial only costs a fresh download.
            }
            throw new MirrorException(url + ": " + (sums.size() != size ? "size is " + sums.size() + ", but the meta says "
                    + size : "sha256 is " + sums.sha256() + ", but the meta says " + sha256));
        }
        return sums;
    }

    private void fetchRest(URI url, Path partial, long have, long size, LongConsumer progress) throws IOException {
        HttpRequest.Builder b = request(url);
        if (have > 0) {
            b.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> r = send(url, b);
        try (InputStream body = r.body()) {
            long start = 0;
            if (have > 0 && r.statusCode() == 206) {
                start = rangeStart(url, r);
                if (start != have) {
                    throw new MirrorException(url + ": asked for bytes from " + have + ", the server sent from " + start);
                }
            } else {
                requireStatus(url, r, 200);
                if (have > 0) {
                    events.on(new MirrorEvent.Warning(url + ": the server does not support range requests;"
                            + " downloading the whole file again instead of resuming"));
                }
            }
            try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                out.truncate(start);
                out.position(start);
                copy(url, body, out, start, size, progress);
            }
        }
    }

    private static long rangeStart(URI url, HttpResponse<?> r) throws MirrorException {
        Matcher m = CONTENT_RANGE.matcher(r.headers().firstValue("Content-Range").orElse(""));
        if (!m.matches()) {
            throw new MirrorException(url + ": answer 206 without a valid Content-Range");
        }
        return Long.parseLong(m.group(1));
    }

    private void copy(URI url, InputStream body, FileChannel out, long start, long size, LongConsumer progress)
            throws IOException {
        byte[] buf = new byte[BUFFER];
        long at = start;
        while (true) {
            int n;
            try {
                n = body.read(buf);
            } catch (IOException e) {
                throw new Transient("connection lost after " + at + " of " + size + " bytes (" + describe(e) + ")", e);
            }
            if (n < 0) {
                break;
            }
            ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
            while (bb.hasRemaining()) {
                out.write(bb);
            }
            at += n;
            bytesDownloaded.addAndGet(n);
            progress.accept(at);
            if (at > size) {
                throw new MirrorException(url + ": more bytes than the " + size + " the meta says");
            }
        }
        if (at < size) {
            throw new Transient("connection closed after " + at + " of " + size + " bytes", null);
        }
    }

    /** Reads a file through without storing it and returns its checksums (a deep check of a served file). */
    public Checksums checksums(URI url) throws MirrorException {
        return retrying(url, () -> {
            HttpResponse<InputStream> r = send(url, request(url));
            try (InputStream body = r.body()) {
                requireStatus(url, r, 200);
                ChecksumSink sink = new ChecksumSink();
                byte[] buf = new byte[BUFFER];
                int n;
                while (true) {
                    try {
                        n = body.read(buf);
                    } catch (IOException e) {
                        throw new Transient("connection lost after " + sink.size() + " bytes (" + describe(e) + ")", e);
                    }
                    if (n < 0) {
                        break;
                    }
                    sink.update(buf, 0, n);
                    bytesDownloaded.addAndGet(n);
                }
                return sink.finish();
            }
        });
    }

    private interface Attempt<T> {
        T run() throws IOException;
    }

    private <T> T retrying(URI url, Attempt<T> attempt) throws MirrorException {
        for (int failures = 1; ; failures++) {
            try {
                return attempt.run();
            } catch (Transient e) {
                retryOrGiveUp(url, failures, e);
            } catch (MirrorException e) {
                throw e;
            } catch (IOException e) {
                throw new MirrorException(url + ": " + describe(e), e);
            }
        }
    }

    /** Gives up after the last attempt; otherwise pauses, twice as long as after the previous failure. */
    private void retryOrGiveUp(URI url, int failures, Transient e) throws MirrorException {
        if (failures >= settings.attempts()) {
            throw new MirrorException(url + ": " + e.getMessage() + " (gave up after " + failures + " attempts)", e);
        }
        Duration wait = settings.firstPause().multipliedBy(1L << Math.min(failures - 1, 10));
        events.on(new MirrorEvent.Info(url + ": " + e.getMessage() + "; trying again in " + wait.toMillis() + " ms"));
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new MirrorException(url + ": interrupted", ie);
        }
    }

    private static HttpRequest.Builder request(URI url) {
        return HttpRequest.newBuilder(url).timeout(TIMEOUT).header("User-Agent", "puavo-mirror");
    }

    /** Sends the request, following redirects; the caller closes the body. */
    private HttpResponse<InputStream> send(URI url, HttpRequest.Builder builder) throws IOException {
        URI at = url;
        for (int hop = 0; ; hop++) {
            HttpResponse<InputStream> r;
            try {
                r = client.send(builder.uri(at).build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (SSLHandshakeException e) {
                throw new MirrorException(url + ": " + tlsProblem(e), e);
            } catch (SSLException e) {
                throw new MirrorException(url + ": TLS failed (" + describe(e) + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException(url + ": interrupted");
            } catch (ConnectException e) {
                throw new Transient("cannot connect (" + describe(e) + ")", e);
            } catch (IOException e) {
                if (e.getCause() instanceof SSLHandshakeException h) {
                    throw new MirrorException(url + ": " + tlsProblem(h), e);
                }
                throw new Transient(describe(e), e);
            }
            int status = r.statusCode();
            if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
                return r;
            }
            r.body().close();
            String location = r.headers().firstValue("Location").orElseThrow(() ->
                    new MirrorException(url + ": redirect " + status + " without a Location"));
            if (hop >= MAX_REDIRECTS) {
                throw new MirrorException(url + ": more than " + MAX_REDIRECTS + " redirects (a redirect loop?), last to "
                        + location);
            }
            at = at.resolve(location);
        }
    }

    private static String tlsProblem(SSLHandshakeException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("PKIX") || m.contains("certification path")) {
            return "TLS: the server's certificate is not signed by a trusted CA (trust its CA with caCertificate)";
        }
        if (m.contains("No subject alternative") || m.contains("No name matching")) {
            return "TLS: the server's certificate is not for this host (" + m + ")";
        }
        return "TLS handshake failed (" + m + ")";
    }

    private static void requireStatus(URI url, HttpResponse<?> r, int expected) throws IOException {
        int status = r.statusCode();
        if (status == expected) {
            return;
        }
        if (status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504) {
            throw new Transient("HTTP status " + status, null);
        }
        throw new MirrorException(url + ": " + (status == 404 ? "not found (HTTP 404)" : "HTTP status " + status
                + (expected == 206 ? " to a range request" : "")));
    }

    private static long sizeOf(Path file) throws MirrorException {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new MirrorException(file + ": " + describe(e), e);
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
