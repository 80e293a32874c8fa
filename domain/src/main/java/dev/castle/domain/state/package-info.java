/** The fold: the in-memory registry built from {@code _schemas} events, and the overlay the leader decides batches on. */
package dev.castle.domain.state;
