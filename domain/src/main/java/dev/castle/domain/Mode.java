package dev.castle.domain;

import java.util.Locale;

/** Registry modes (spec §2.6). */
public enum Mode {
    READWRITE,
    READONLY,
    READONLY_OVERRIDE,
    IMPORT,
    FORWARD;

    /** Parses a mode; unknown names are 42204. */
    public static Mode fromName(String name) {
        if (name != null) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // fall through to the Confluent error
            }
        }
        throw new RegistryException(ErrorCode.INVALID_MODE);
    }
}
