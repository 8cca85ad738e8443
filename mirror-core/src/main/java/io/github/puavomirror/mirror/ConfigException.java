package io.github.puavomirror.mirror;

import java.io.IOException;

/**
 * A series config ({@code config/images/<dist>.json}) that cannot be used. The message is one line and names the
 * file and the problem, so it can be shown to the user as is.
 */
public class ConfigException extends IOException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
