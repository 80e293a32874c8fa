/** Kafka Streams plumbing behind the topology: the store builder and the processor that folds each record. */
package dev.castle.topology.internals;
