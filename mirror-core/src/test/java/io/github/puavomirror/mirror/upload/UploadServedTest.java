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

import io.github.puavomirror.mirror.http.LaptopFlow;
import io.github.puavomirror.mirror.http.NginxServer;
import io.github.puavomirror.mirror.http.ServedVerify;
import io.github.puavomirror.mirror.http.ServedVerifyRequest;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorListener;
import io.github.puavomirror.mirror.job.PublishedMirrors;
import io.github.puavomirror.mirror.job.SampleSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A mirror uploaded to a folder that nginx serves: laptops update from it, and verify URL passes. */
class UploadServedTest {
    @TempDir
    Path tmp;

    private static void upload(SampleMirror m, Path dest) throws MirrorException {
        Upload.run(UploadRequest.builder(m.mirror, dest.toString()).build(), MirrorListener.NONE);
    }

    private static void assertServedVerifyPasses(NginxServer served) throws MirrorException {
        assertThat(ServedVerify.run(new ServedVerifyRequest(served.url(), true, 0, null, 2), MirrorListener.NONE)
                .problems()).isEmpty();
    }

    @Test
    void aLaptopUpdatesTwiceFromTheUploadedMirrorServedByNginx() throws Exception {
        LaptopFlow laptop = new LaptopFlow(tmp.resolve("laptop"), PublishedMirrors.SERIES);
        SampleMirror m = SampleMirror.publish(tmp, 3);
        Path www = tmp.resolve("www");
        upload(m, www);
        try (NginxServer served = NginxServer.start(www, tmp.resolve("nginx"), null)) {
            assertServedVerifyPasses(served);
            Path third = laptop.update(served, www, www.resolve(SampleSeries.name(2)), SampleSeries.rdiff(2, 3),
                    SampleSeries.name(3));

            m.republish(4, 0, 256);
            upload(m, www);
            assertServedVerifyPasses(served);
            laptop.update(served, www, third, SampleSeries.rdiff(3, 4), SampleSeries.name(4));
        }
    }
}
