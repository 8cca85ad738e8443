package io.github.puavomirror.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The project version, filtered into version.properties by Maven. */
final class Version {
    private Version() {
    }

    static String project() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    /** {@code puavo-mirror -V}. */
    static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"puavo-mirror " + project()};
        }
    }

    /** {@code puavo-mirror rdiff -V}: says which rdiff it stands in for. */
    static final class RdiffProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "rdiff (librsync 2.3.2 compatible) from puavo-mirror " + project(),
                "Engines: java (pure Java), native (the system librsync through JNA); pick one with --engine.",
            };
        }
    }
}
