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
