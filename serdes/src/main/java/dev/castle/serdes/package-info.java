/** Confluent's wire format (magic byte, schema id, Protobuf message indexes) and the codecs between JSON and it. */
package dev.castle.serdes;
