/** The Kafka REST Proxy v2: Karapace's conventions, the routes, the produce path and consumer instances. */
package dev.castle.rest;
