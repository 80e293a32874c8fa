package dev.castle.domain.state;

import dev.castle.domain.Association;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.Event;
import dev.castle.domain.Mode;
import dev.castle.domain.RegistryView;
import dev.castle.domain.SchemaFingerprint;
import dev.castle.domain.SchemaVersion;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory registry folded from {@code _schemas} in offset order (spec §5.4, DESIGN §4).
 *
 * <p>Thread-safety: one thread applies events while any number of threads read. Each {@link #apply} holds the write
 * lock of a {@link ReentrantReadWriteLock} only for the few map updates of one event (the content hash is computed
 * before the lock is taken), so readers never see half an event and never wait longer than one event's update. Reads
 * hold the read lock for a lookup and return immutable copies, so callers can keep what they got.
 */
public final class RegistryModel implements RegistryView {
    private static final Logger log = LoggerFactory.getLogger(RegistryModel.class);

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final RegistryIndexes indexes = new RegistryIndexes();
    private volatile long appliedOffset = -1;
    private volatile long skipped;

    /**
     * Applies the event read at {@code offset}. Returns false when it was skipped because it contradicts the state (an
     * id already bound to other content); the offset counts as applied either way. Never throws.
     */
    public boolean apply(Event event, long offset) {
        try {
            String fingerprint =
                    event instanceof Event.SchemaUpserted upserted ? SchemaFingerprint.of(upserted.schema()) : null;
            if (write(() -> indexes.apply(event, fingerprint), offset)) {
                return true;
            }
            logConflict(event, offset);
        } catch (RuntimeException e) {
            write(() -> false, offset);
            log.warn("Skipped record at offset {}: cannot apply {}", offset, event, e);
        }
        skipped++;
        return false;
    }

    private static void logConflict(Event event, long offset) {
        if (event instanceof Event.SchemaUpserted upserted) {
            SchemaVersion schema = upserted.schema();
            log.warn(
                    "Skipped SCHEMA record at offset {}: id {} in context {} is already bound to other content"
                            + " (subject {}, version {})",
                    offset,
                    schema.id(),
                    schema.context(),
                    schema.subject(),
                    schema.version());
        }
    }

    /** Records that the record at {@code offset} could not be decoded: the offset counts as applied. */
    public void skip(long offset) {
        write(() -> true, offset);
        skipped++;
    }

    /** How many records were skipped (undecodable or contradictory) since this model was created. */
    public long skippedCount() {
        return skipped;
    }

    private boolean write(Supplier<Boolean> change, long offset) {
        Lock writeLock = lock.writeLock();
        writeLock.lock();
        try {
            return change.get();
        } finally {
            appliedOffset = Math.max(appliedOffset, offset);
            writeLock.unlock();
        }
    }

    private <T> T read(Supplier<T> query) {
        Lock readLock = lock.readLock();
        readLock.lock();
        try {
            return query.get();
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public long appliedOffset() {
        return appliedOffset;
    }

    @Override
    public List<SchemaVersion> versions(String subject) {
        return read(() -> indexes.versions(subject));
    }

    @Override
    public Optional<SchemaVersion> latest(String subject, boolean includeDeleted) {
        return read(() -> indexes.latest(subject, includeDeleted));
    }

    @Override
    public Optional<SchemaVersion> version(String subject, int version) {
        return read(() -> indexes.version(subject, version));
    }

    @Override
    public SortedSet<String> subjects() {
        return read(indexes::subjects);
    }

    @Override
    public List<SchemaVersion> versionsById(String context, int id) {
        return read(() -> indexes.versionsById(context, id));
    }

    @Override
    public int maxId(String context) {
        return read(() -> indexes.maxId(context));
    }

    @Override
    public OptionalInt idByFingerprint(String context, String fingerprint) {
        return read(() -> indexes.idByFingerprint(context, fingerprint));
    }

    @Override
    public SortedSet<Integer> referencedBy(String subject, int version) {
        return read(() -> indexes.referencedBy(subject, version));
    }

    @Override
    public Optional<ConfigValue> config(String subject) {
        return read(() -> indexes.config(subject));
    }

    @Override
    public Optional<Mode> mode(String subject) {
        return read(() -> indexes.mode(subject));
    }

    @Override
    public SortedSet<String> contexts() {
        return read(indexes::contexts);
    }

    @Override
    public List<Association> associationsBySubject(String subject) {
        return read(() -> indexes.associations.bySubject(subject));
    }

    @Override
    public List<Association> associationsByResourceId(String resourceId) {
        return read(() -> indexes.associations.byResourceId(resourceId));
    }

    @Override
    public List<Association> associations() {
        return read(indexes.associations::all);
    }
}
