package dev.castle.topology;

import dev.castle.domain.Association;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.Event;
import dev.castle.domain.Mode;
import dev.castle.domain.RegistryView;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.state.RegistryModel;
import dev.castle.topology.internals.Progress;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.internals.RecordBatchingStateRestoreCallback;

/**
 * The global store holding the folded registry (DESIGN §4): a non-persistent {@link StateStore} that is itself the
 * {@link RegistryView} reads use. Each record is applied atomically (see {@link RegistryModel}); callers can wait until
 * an offset is applied. Initialising the store starts a fresh fold, since Kafka Streams replays the topic into a
 * non-persistent global store from the beginning.
 */
public final class RegistryStore implements StateStore, RegistryView {
    private final String name;
    private final SchemasCodec codec = new SchemasCodec();
    private final Progress progress = new Progress();
    private volatile RegistryModel model = new RegistryModel();
    private volatile boolean open;

    public RegistryStore(String name) {
        this.name = name;
    }

    /**
     * Decodes and applies one record read at {@code offset}, with the record's timestamp (associations keep it), -1 if
     * unknown; undecodable or contradictory records are skipped.
     */
    public void apply(byte[] key, byte[] value, long offset, long timestamp) {
        Event event = codec.decode(key, value, offset, timestamp);
        if (event == null) {
            model.skip(offset);
        } else {
            model.apply(event, offset);
        }
        progress.signal();
    }

    /** Waits until the record at {@code offset} (or a later one) is applied; false on timeout or interruption. */
    public boolean awaitApplied(long offset, Duration timeout) {
        return progress.await(() -> model.appliedOffset() >= offset, timeout);
    }

    /** How many records were skipped as undecodable or contradictory. */
    public long skippedCount() {
        return model.skippedCount();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        model = new RegistryModel();
        context.register(root, (RecordBatchingStateRestoreCallback) this::restore);
        open = true;
    }

    /** Used only if Kafka Streams restores by callback instead of re-running the processor: same fold, same offsets. */
    private void restore(Collection<ConsumerRecord<byte[], byte[]>> records) {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            apply(record.key(), record.value(), record.offset(), record.timestamp());
        }
    }

    @Override
    public void close() {
        open = false;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public long appliedOffset() {
        return model.appliedOffset();
    }

    @Override
    public List<SchemaVersion> versions(String subject) {
        return model.versions(subject);
    }

    @Override
    public Optional<SchemaVersion> version(String subject, int version) {
        return model.version(subject, version);
    }

    @Override
    public SortedSet<String> subjects() {
        return model.subjects();
    }

    @Override
    public List<SchemaVersion> versionsById(String context, int id) {
        return model.versionsById(context, id);
    }

    @Override
    public int maxId(String context) {
        return model.maxId(context);
    }

    @Override
    public OptionalInt idByFingerprint(String context, String fingerprint) {
        return model.idByFingerprint(context, fingerprint);
    }

    @Override
    public SortedSet<Integer> referencedBy(String subject, int version) {
        return model.referencedBy(subject, version);
    }

    @Override
    public Optional<ConfigValue> config(String subject) {
        return model.config(subject);
    }

    @Override
    public Optional<Mode> mode(String subject) {
        return model.mode(subject);
    }

    @Override
    public SortedSet<String> contexts() {
        return model.contexts();
    }

    @Override
    public List<Association> associationsBySubject(String subject) {
        return model.associationsBySubject(subject);
    }

    @Override
    public List<Association> associationsByResourceId(String resourceId) {
        return model.associationsByResourceId(resourceId);
    }

    @Override
    public List<Association> associations() {
        return model.associations();
    }
}
