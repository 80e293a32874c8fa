package dev.castle.domain.decide;

import dev.castle.domain.Command;
import dev.castle.domain.RegistrySettings;
import dev.castle.domain.RegistryView;
import dev.castle.domain.SchemaRequest;
import dev.castle.domain.SchemaVersion;
import java.util.List;
import java.util.Optional;

/** The read-side rules that need schema parsing: lookup, compatibility checks, the register fast path, rendering. */
public final class Reads {
    private final RegistrySettings settings;

    public Reads(RegistrySettings settings) {
        this.settings = settings;
    }

    /** The compatibility verdict, with Confluent's messages when verbose. */
    public record CompatibilityResult(boolean compatible, List<String> messages) {}

    /**
     * {@code POST /subjects/{s}}: the version of the subject holding this schema (live only unless
     * {@code includeDeleted}). Throws 40401 when the subject has no such versions, 40403 when none matches, 42201 for
     * an invalid schema.
     */
    public SchemaVersion lookup(
            RegistryView view, String subject, SchemaRequest request, boolean normalize, boolean includeDeleted) {
        throw new UnsupportedOperationException("TODO(H2)" + settings);
    }

    /**
     * {@code POST /compatibility/subjects/{s}/versions[/{v}]}: {@code version} null compares against the subject's
     * level and live versions, {@link dev.castle.domain.VersionSpec#LATEST} or a number against that one version.
     */
    public CompatibilityResult checkCompatibility(
            RegistryView view,
            String subject,
            Integer version,
            SchemaRequest request,
            boolean normalize,
            boolean verbose) {
        throw new UnsupportedOperationException("TODO(H2)");
    }

    /**
     * The register fast path (spec §4.1 step 2): the response to send without the leader when this schema is already
     * a live version of the subject and the request's id/version agree, else empty.
     */
    public Optional<Object> registeredAlready(RegistryView view, Command.RegisterSchema command) {
        throw new UnsupportedOperationException("TODO(H2)");
    }

    /** The schema text for a {@code format=} query parameter (spec §8.3); unknown or null formats give the stored text. */
    public String render(RegistryView view, SchemaVersion schema, String format) {
        throw new UnsupportedOperationException("TODO(H2)");
    }
}
