/** The node's metrics in Prometheus' formats: HTTP requests by route, the fold, the leader's writes, the JVM. */
package dev.castle.server.metrics;
