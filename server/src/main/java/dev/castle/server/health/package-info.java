/** Liveness and readiness of a node: the rules, and the probes that answer them over HTTP. */
package dev.castle.server.health;
