/**
 * Kafka serializers, deserializers and serdes that write and read Confluent's wire format for Avro, JSON Schema and
 * Protobuf, configured with Confluent's keys; they need kafka-clients only, never Kafka Streams.
 */
package dev.castle.serdes.kafka;
