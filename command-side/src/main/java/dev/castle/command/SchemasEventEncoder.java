package dev.castle.command;

import dev.castle.domain.Event;
import dev.castle.topology.SchemasCodec;

/** Events as Confluent's {@code _schemas} records, in the codec the fold reads them back with. */
public final class SchemasEventEncoder implements EventEncoder {
    private final SchemasCodec codec = new SchemasCodec();

    @Override
    public Encoded encode(Event event) {
        return new Encoded(codec.encodeKey(event), codec.encodeValue(event));
    }
}
