/** JSON Schema: parsing and meta-schema validation, canonical text, references and Confluent's compatibility diff. */
package dev.castle.domain.format.json;
