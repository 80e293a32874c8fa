/** Spec §1 in one place: content negotiation, error bodies, response headers, path encoding and context prefixes. */
package dev.castle.server.http;
