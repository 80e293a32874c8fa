/** Kafka Streams: the {@code _schemas} codec, the global-only topology folding it, its store and lifecycle. */
package dev.castle.topology;
