/** The running node: configuration, lifecycle (starting the embedded broker when no Kafka is set) and the HTTP conventions. */
package dev.castle.server;
