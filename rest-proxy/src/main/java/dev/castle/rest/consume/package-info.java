/** Consumer instances of the v2 API: state held by this node, one Kafka consumer each, closed when idle. */
package dev.castle.rest.consume;
