/**
 * Kafka Streams plumbing behind the topology: the store builder, the processor that folds each record, and how far the
 * fold has read its topic compared with the topic's committed end.
 */
package dev.castle.topology.internals;
