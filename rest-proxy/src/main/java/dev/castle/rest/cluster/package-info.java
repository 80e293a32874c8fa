/** The Kafka cluster as the proxy sees it: brokers, topics, partitions and offsets, with metadata cached briefly. */
package dev.castle.rest.cluster;
