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

import io.github.puavomirror.mirror.job.MirrorException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;

/**
 * The TLS trust of the client: the JDK's CAs plus, when given, the CAs of a PEM file, as Puavo's
 * clients take {@code --ca-certificate} (a site CA that signs the mirror's certificate).
 */
final class TrustedCertificates {
    private TrustedCertificates() {
    }

    static SSLContext context(Path caCertificate) throws MirrorException {
        try {
            if (caCertificate == null) {
                return SSLContext.getDefault();
            }
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int n = 0;
            for (X509Certificate ca : defaultTrust().getAcceptedIssuers()) {
                trust.setCertificateEntry("jdk-" + n++, ca);
            }
            for (Certificate ca : read(caCertificate)) {
                trust.setCertificateEntry("given-" + n++, ca);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new MirrorException("cannot set up TLS trust: " + e.getMessage(), e);
        }
    }

    private static Collection<? extends Certificate> read(Path file) throws MirrorException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw MirrorException.usage("caCertificate: " + file + ": no certificate in it");
            }
            return certs;
        } catch (NoSuchFileException e) {
            throw MirrorException.usage("caCertificate: " + file + ": no such file");
        } catch (IOException | GeneralSecurityException e) {
            throw MirrorException.usage("caCertificate: " + file + ": not a PEM certificate (" + e.getMessage() + ")");
        }
    }

    private static X509TrustManager defaultTrust() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("the JDK has no X.509 trust manager");
    }
}
