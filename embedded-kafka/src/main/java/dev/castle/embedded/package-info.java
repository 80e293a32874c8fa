/** A single-node KRaft Kafka broker in this JVM, for a node started with no Kafka configured and for the tests. */
package dev.castle.embedded;
