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
package io.github.puavomirror.mirror.ant;

import io.github.puavomirror.mirror.job.JobParameter;
import io.github.puavomirror.mirror.job.Operation;
import org.apache.tools.ant.IntrospectionHelper;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each task offers its operation's contract parameters ({@link JobParameter#of}) as attributes
 * (or nested elements), no more and no less; the CLI and the Maven goals have the same test
 * against the same contract. Deprecated setters are old spellings and do not count.
 */
class AntContractTest {
    /** Contract parameters a task leaves out, with the reason: none so far. */
    private static final Map<String, String> NOT_IN_ANT = Map.of();

    /** Attributes only Ant has, with the reason. */
    private static final Map<String, String> ANT_ONLY = Map.of(
            "failonerror", "Ant's convention for tasks whose failure may be logged instead; Maven has"
                    + " -fae and the CLI its exit code");

    private static final Map<Operation, Class<?>> TASKS = new LinkedHashMap<>();

    static {
        TASKS.put(Operation.MIRROR, UpdateRepositoryTask.class);
        TASKS.put(Operation.VERIFY, VerifyTask.class);
        TASKS.put(Operation.PRUNE, PruneTask.class);
        TASKS.put(Operation.SYNC, SyncTask.class);
        TASKS.put(Operation.UPLOAD, UploadTask.class);
    }

    @Test
    void eachTaskOffersExactlyItsContractParameters() {
        assertThat(TASKS.keySet()).containsExactlyInAnyOrder(Operation.values());
        for (Map.Entry<Operation, Class<?>> task : TASKS.entrySet()) {
            IntrospectionHelper helper = IntrospectionHelper.getHelper(task.getValue());
            Set<JobParameter> offered = EnumSet.noneOf(JobParameter.class);
            Set<String> unknown = new TreeSet<>();
            Set<String> names = new TreeSet<>(helper.getAttributeMap().keySet());
            names.addAll(helper.getNestedElementMap().keySet());
            for (String name : names) {
                if (ANT_ONLY.containsKey(name) || deprecated(task.getValue(), name)
                        || Set.of("description", "taskname", "location", "owningtarget").contains(name)) {
                    continue;
                }
                JobParameter p = parameter(name);
                if (p == null) {
                    unknown.add(name);
                } else {
                    offered.add(p);
                }
            }
            assertThat(unknown).as(task.getValue().getSimpleName() + ": attributes that are no contract parameter")
                    .isEmpty();
            Set<JobParameter> expected = EnumSet.noneOf(JobParameter.class);
            for (JobParameter p : JobParameter.of(task.getKey())) {
                if (!NOT_IN_ANT.containsKey(task.getKey() + " " + p)) {
                    expected.add(p);
                }
            }
            assertThat(offered).as(task.getValue().getSimpleName() + " offers").isEqualTo(expected);
        }
    }

    private static boolean deprecated(Class<?> task, String attribute) {
        for (Method m : task.getMethods()) {
            if (m.getName().equalsIgnoreCase("set" + attribute)) {
                return m.isAnnotationPresent(Deprecated.class);
            }
        }
        return false;
    }

    private static JobParameter parameter(String name) {
        for (JobParameter p : JobParameter.values()) {
            if (p.canonicalName().toLowerCase(Locale.ROOT).equals(name)) {
                return p;
            }
        }
        return null;
    }
}
