package io.github.puavomirror.rdiff.nativelib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.puavomirror.rdiff.RdiffEngine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

class EnginesTest {
    private static final Supplier<NativeLibraryLoader.Result> MISSING =
            () -> NativeLibraryLoader.load("librsync-puavo-missing.so.9");

    private final List<String> reports = new ArrayList<>();

    @Test
    void missingLibraryGivesReasonNotError() {
        NativeLibraryLoader.Result r = MISSING.get();
        assertThat(r.available()).isFalse();
        assertThat(r.reason()).startsWith("librsync-puavo-missing.so.9 not found: ")
                .doesNotContain("\n");
        assertThatThrownBy(r::engine).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void javaNeverLoadsNative() {
        RdiffEngine e = Engines.select("java", reports::add, "native", () -> {
            throw new AssertionError("the loader must not run for 'java'");
        });
        assertThat(e.name()).isEqualTo("java");
        assertThat(reports).containsExactly(e.description());
    }

    @Test
    void autoFallsBackToJavaAndSaysWhy() {
        RdiffEngine e = Engines.select("auto", reports::add, null, MISSING);
        assertThat(e.name()).isEqualTo("java");
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0)).startsWith("java: librsync not found (librsync-puavo-missing.so.9 not found: ");
    }

    @Test
    void nativeWhenMissingIsAClearError() {
        assertThatThrownBy(() -> Engines.select("native", reports::add, null, MISSING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("engine 'native' needs librsync")
                .hasMessageContaining("librsync-puavo-missing.so.9 not found");
        assertThat(reports).isEmpty();
    }

    @Test
    void unknownNamesAreRejected() {
        assertThatThrownBy(() -> Engines.select("rust", reports::add, null, MISSING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown engine 'rust'");
        assertThatThrownBy(() -> Engines.select(null, reports::add, "jni", MISSING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Engines.ENV).hasMessageContaining("'jni'");
    }

    @Test
    void environmentIsUsedOnlyWithoutAChoice() {
        assertThat(Engines.select(null, reports::add, "java", MISSING).name()).isEqualTo("java");
        assertThat(Engines.select("", reports::add, " JAVA ", MISSING).name()).isEqualTo("java");
        assertThat(Engines.select("auto", reports::add, "native", MISSING).name()).isEqualTo("java");
        assertThatThrownBy(() -> Engines.select(null, reports::add, "native", MISSING))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Engines.select(null, reports::add, null, MISSING).name()).isEqualTo("java");
    }

    @Test
    void autoAndNativePickLibrsyncWhenItLoads() {
        RdiffEngine expected = NativeAvailability.engine();
        for (String choice : new String[] {"auto", "native", null}) {
            reports.clear();
            RdiffEngine e = Engines.select(choice, reports::add, choice == null ? "native" : null,
                    NativeLibraryLoader::load);
            assertThat(e).isSameAs(expected);
            assertThat(reports).containsExactly(e.description());
        }
        assertThat(expected.name()).isEqualTo("native");
        assertThat(expected.description()).matches("native: librsync 2\\.\\d+\\.\\d+ at /.*librsync\\.so\\.2.*");
    }

    @Test
    void publicSelectUsesTheRealLoader() {
        RdiffEngine e = Engines.select("java", reports::add);
        assertThat(e.name()).isEqualTo("java");
    }
}
