package dev.castle.domain;

import java.util.Locale;

/** Compatibility levels (spec §7.1); names are case-insensitive on input and upper-case when stored. */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** New schema must read data written with old ones. */
    public boolean backward() {
        return backward;
    }

    /** Old schemas must read data written with the new one. */
    public boolean forward() {
        return forward;
    }

    /** Compared against every live version, not only the latest. */
    public boolean transitive() {
        return transitive;
    }

    /** Parses a level; unknown or null names are 42203. */
    public static CompatibilityLevel fromName(String name) {
        if (name != null) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // fall through to the Confluent error
            }
        }
        throw new RegistryException(ErrorCode.INVALID_COMPATIBILITY_LEVEL);
    }
}
