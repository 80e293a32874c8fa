/** Forwarding a follower's write request to the leader's URL over HTTP, as Confluent's followers do. */
package dev.castle.command.forward;
