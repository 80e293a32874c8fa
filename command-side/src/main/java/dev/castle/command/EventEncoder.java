package dev.castle.command;

import dev.castle.domain.Event;

/** Turns an event into the key and value bytes of its {@code _schemas} record (the value is null for tombstones). */
@FunctionalInterface
public interface EventEncoder {

    /** The record bytes of one event. */
    Encoded encode(Event event);

    /** One record's key and value; {@code value} is null for a tombstone. */
    record Encoded(byte[] key, byte[] value) {}
}
