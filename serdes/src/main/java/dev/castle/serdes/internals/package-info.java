/** The codecs behind {@code JsonCodec}, one per schema type, and the lookup of a schema's references. */
package dev.castle.serdes.internals;
