package io.github.puavomirror.mirror.http;

import java.nio.file.Path;

/**
 * What {@link ServedVerify} checks.
 *
 * @param url           the served mirror, {@code http(s)://host/[path/]}
 * @param deep          also download files and check their size and SHA-256
 * @param sample        with {@code deep}: download only this many files, chosen at random; 0 for all
 * @param caCertificate a PEM file of CAs to trust besides the JDK's, or null
 * @param jobs          files checked at once
 */
public record ServedVerifyRequest(String url, boolean deep, int sample, Path caCertificate, int jobs) {
}
