/** The registry's vocabulary: value records, commands, events, error codes and the read-only view of state. */
package dev.castle.domain;
