package dev.castle.command;

import dev.castle.domain.Command;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;

/**
 * Confluent's texts for a write that failed before it was applied (spec §3, §6.3): 50001 the store refused it, 50002
 * it timed out, 50003 the leader could not be reached, 50004 no leader is known. Each command's names for the four
 * are in one row of {@link #names}.
 */
public final class WriteFailures {
    private static final String LEADER_NOT_KNOWN = "Leader not known.";

    /** How each text names a command. */
    private record Names(String store, String timeout, String request, String noLeader) {}

    private WriteFailures() {}

    /** 50001 or 50002: the batch carrying the command could not be written or applied in time. */
    public static RegistryException of(Command command, boolean timedOut) {
        Names names = names(command);
        if (timedOut) {
            return RegistryException.withMessage(ErrorCode.OPERATION_TIMEOUT, names.timeout() + " operation timed out");
        }
        return RegistryException.withMessage(
                ErrorCode.STORE_ERROR, names.store() + " operation failed while writing to the Kafka store");
    }

    /** 50004: no member may lead, or the election did not finish in time. */
    public static RegistryException noLeader(Command command) {
        return RegistryException.withMessage(
                ErrorCode.UNKNOWN_LEADER, names(command).noLeader());
    }

    /** 50003: the leader could not be reached or gave no answer. */
    public static RegistryException forwardingFailed(Command command) {
        return RegistryException.withMessage(
                ErrorCode.FORWARDING_ERROR,
                "Error while forwarding " + names(command).request() + " request to the leader");
    }

    private static Names names(Command command) {
        if (command instanceof Command.RegisterSchema
                || command instanceof Command.TagSchema
                // Confluent's association routes answer with the register texts, whatever the association write
                || command instanceof Command.PutAssociations
                || command instanceof Command.DeleteAssociations
                || command instanceof Command.MutateAssociations) {
            return new Names("Register schema", "Register", "register schema", LEADER_NOT_KNOWN);
        } else if (command instanceof Command.DeleteContext) {
            return new Names("Delete context", "Delete context", "delete context", LEADER_NOT_KNOWN);
        } else if (command instanceof Command.DeleteVersion) {
            return new Names(
                    "Delete schema version", "Delete Schema Version", "delete schema version", LEADER_NOT_KNOWN);
        } else if (command instanceof Command.DeleteSubject) {
            return new Names("Delete subject", "Delete subject", "delete subject", LEADER_NOT_KNOWN);
        } else if (command instanceof Command.SetConfig) {
            return new Names("Update config", "Update config", "update config", "Failed to update compatibility level");
        } else if (command instanceof Command.DeleteConfig) {
            return new Names("Delete config", "Delete config", "delete config", "Failed to update compatibility level");
        } else if (command instanceof Command.SetMode) {
            return new Names("Update mode", "Update mode", "update mode", "Failed to update mode");
        } else if (command instanceof Command.DeleteMode) {
            return new Names("Delete mode", "Delete mode", "delete mode", "Failed to update mode");
        }
        throw new IllegalArgumentException("Unknown command " + command);
    }
}
