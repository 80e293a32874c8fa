package dev.castle.domain.state;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Each context's content fingerprints and the id last recorded for each, whether or not the id still has
 * subject-versions (spec §5.4: content registered again gets its old id back). Not thread-safe.
 */
final class FingerprintIndex {
    private final Map<String, FingerprintTable> byContext = new HashMap<>();

    void record(String context, String fingerprint, int id) {
        byContext
                .computeIfAbsent(context, c -> new FingerprintTable())
                .put(Keys.high(fingerprint), Keys.low(fingerprint), id);
    }

    /** The id last recorded for the content. */
    OptionalInt id(String context, String fingerprint) {
        FingerprintTable table = byContext.get(context);
        return table == null ? OptionalInt.empty() : table.get(Keys.high(fingerprint), Keys.low(fingerprint));
    }
}
