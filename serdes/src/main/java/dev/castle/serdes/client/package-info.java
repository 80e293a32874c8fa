/** A caching client of any Confluent-compatible schema registry over HTTP, filling the serdes' registry port. */
package dev.castle.serdes.client;
