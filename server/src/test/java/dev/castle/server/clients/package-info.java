/** Real Schema Registry clients (the npm packages under {@code clients/node}) run against a live Castle. */
package dev.castle.server.clients;
