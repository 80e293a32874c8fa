/** The rules: the Decider that turns commands into events, and the pure read services over a RegistryView. */
package dev.castle.domain.decide;
