/** Avro: parsing with Apache Avro, canonical and normalized text, and compatibility in Confluent's words. */
package dev.castle.domain.format.avro;
