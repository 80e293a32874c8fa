/** Leader election over Kafka group membership with Schema Registry's {@code sr} protocol, and the leader-aware gateway. */
package dev.castle.command.election;
