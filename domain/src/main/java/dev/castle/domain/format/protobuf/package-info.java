/** Protobuf: the registry's view of proto-tools (canonical text, normalization, formats, Confluent's diff). */
package dev.castle.domain.format.protobuf;
