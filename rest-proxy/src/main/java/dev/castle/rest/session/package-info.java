/**
 * The Kafka clients a request works with: one shared set, or with authorization pass-through one set per caller's
 * credentials (spec kafka-rest-api §9).
 */
package dev.castle.rest.session;
