package dev.castle.domain.state;

import dev.castle.domain.SchemaVersion;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One subject's versions in ascending version order, held in an array sized to fit. Most subjects have one or a few
 * versions: a {@code TreeMap} spent about 90 bytes on a subject of one version, this about 36. Changes copy the array,
 * which is cheap at the sizes subjects have.
 */
final class SubjectVersions {
    private SchemaVersion[] versions = new SchemaVersion[0];

    boolean isEmpty() {
        return versions.length == 0;
    }

    /** Adds or replaces the version of the same number; returns the one replaced, or null. */
    SchemaVersion put(SchemaVersion version) {
        int at = indexOf(version.version());
        if (at >= 0) {
            SchemaVersion previous = versions[at];
            versions[at] = version;
            return previous;
        }
        int insert = -at - 1;
        SchemaVersion[] grown = new SchemaVersion[versions.length + 1];
        System.arraycopy(versions, 0, grown, 0, insert);
        grown[insert] = version;
        System.arraycopy(versions, insert, grown, insert + 1, versions.length - insert);
        versions = grown;
        return null;
    }

    /** Removes the version of this number; returns it, or null when there is none. */
    SchemaVersion remove(int version) {
        int at = indexOf(version);
        if (at < 0) {
            return null;
        }
        SchemaVersion removed = versions[at];
        SchemaVersion[] shrunk = new SchemaVersion[versions.length - 1];
        System.arraycopy(versions, 0, shrunk, 0, at);
        System.arraycopy(versions, at + 1, shrunk, at, versions.length - at - 1);
        versions = shrunk;
        return removed;
    }

    SchemaVersion get(int version) {
        int at = indexOf(version);
        return at < 0 ? null : versions[at];
    }

    /** The highest version, the highest live one unless {@code includeDeleted}. */
    Optional<SchemaVersion> latest(boolean includeDeleted) {
        for (int i = versions.length - 1; i >= 0; i--) {
            if (includeDeleted || !versions[i].deleted()) {
                return Optional.of(versions[i]);
            }
        }
        return Optional.empty();
    }

    List<SchemaVersion> list() {
        return List.of(versions);
    }

    /** Marks every live version up to {@code upTo} deleted, handing each one it marks (as it was) to {@code marked}. */
    void softDelete(int upTo, Consumer<SchemaVersion> marked) {
        for (int i = 0; i < versions.length && versions[i].version() <= upTo; i++) {
            SchemaVersion live = versions[i];
            if (!live.deleted()) {
                versions[i] = live.withDeleted(true);
                marked.accept(live);
            }
        }
    }

    /** Removes every soft-deleted version, handing each to {@code removed}. */
    void removeDeleted(Consumer<SchemaVersion> removed) {
        SchemaVersion[] kept = Arrays.stream(versions).filter(v -> !v.deleted()).toArray(SchemaVersion[]::new);
        if (kept.length != versions.length) {
            SchemaVersion[] before = versions;
            versions = kept;
            Arrays.stream(before).filter(SchemaVersion::deleted).forEach(removed);
        }
    }

    private int indexOf(int version) {
        int low = 0;
        int high = versions.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int at = versions[mid].version();
            if (at < version) {
                low = mid + 1;
            } else if (at > version) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }
}
