package dev.castle.serdes.kafka;

import dev.castle.serdes.SchemaRegistryPort;
import org.apache.kafka.common.serialization.Serde;

/** {@link CastleAvroSerializer} and {@link CastleAvroDeserializer} as one {@link Serde}, configured together. */
public class CastleAvroSerde extends RegistrySerde<Object, CastleAvroSerializer, CastleAvroDeserializer> {

    /** A serde whose registry is named by {@code schema.registry.url} when it is configured. */
    public CastleAvroSerde() {
        super(null, new CastleAvroSerializer(), new CastleAvroDeserializer());
    }

    /** A value serde with the default configuration, using {@code registry}; {@link #configure} may follow. */
    public CastleAvroSerde(SchemaRegistryPort registry) {
        super(registry, new CastleAvroSerializer(registry), new CastleAvroDeserializer(registry));
    }
}
