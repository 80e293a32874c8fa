package dev.castle.command.election;

import dev.castle.command.CommandGateway;

/** What this node does with a write, as the last election decided. */
sealed interface Role permits Role.Leading, Role.Following, Role.Leaderless {

    /** This node leads: its executor decides the write. */
    record Leading(CommandGateway gateway) implements Role {}

    /** Another node leads: the write is forwarded to its URL. */
    record Following(String leaderUrl) implements Role {}

    /** No member may lead: the write fails with 50004. */
    record Leaderless() implements Role {}
}
