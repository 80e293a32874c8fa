package dev.castle.topology.internals;

import dev.castle.topology.RegistryStore;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Applies every {@code _schemas} record, in offset order, to the registry store; restore and live share this path. */
public final class FoldProcessor implements Processor<byte[], byte[], Void, Void> {
    private final String storeName;
    private ProcessorContext<Void, Void> context;
    private RegistryStore store;

    public FoldProcessor(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        long offset = context.recordMetadata().map(RecordMetadata::offset).orElse(-1L);
        store.apply(record.key(), record.value(), offset, record.timestamp());
    }
}
