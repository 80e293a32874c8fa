package dev.castle.command.election;

import dev.castle.domain.Command;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;

/** Confluent's 50003/50004 texts for a write that found no leader or could not reach it (spec §3, §6.3). */
public final class ClusterFailures {
    private ClusterFailures() {}

    /** 50004: no member may lead, or the election did not finish in time. */
    public static RegistryException noLeader(Command command) {
        String message;
        if (command instanceof Command.SetConfig || command instanceof Command.DeleteConfig) {
            message = "Failed to update compatibility level";
        } else if (command instanceof Command.SetMode || command instanceof Command.DeleteMode) {
            message = "Failed to update mode";
        } else {
            message = "Leader not known.";
        }
        return RegistryException.withMessage(ErrorCode.UNKNOWN_LEADER, message);
    }

    /** 50003: the leader could not be reached or gave no answer. */
    public static RegistryException forwardingFailed(Command command) {
        return RegistryException.withMessage(
                ErrorCode.FORWARDING_ERROR,
                "Error while forwarding " + requestName(command) + " request to the leader");
    }

    static String requestName(Command command) {
        if (command instanceof Command.RegisterSchema
                || command instanceof Command.PutAssociations
                || command instanceof Command.DeleteAssociations) {
            return "register schema";
        } else if (command instanceof Command.DeleteVersion) {
            return "delete schema version";
        } else if (command instanceof Command.DeleteSubject) {
            return "delete subject";
        } else if (command instanceof Command.SetConfig) {
            return "update config";
        } else if (command instanceof Command.DeleteConfig) {
            return "delete config";
        } else if (command instanceof Command.SetMode) {
            return "update mode";
        } else if (command instanceof Command.DeleteMode) {
            return "delete mode";
        } else if (command instanceof Command.DeleteContext) {
            return "delete context";
        }
        throw new IllegalArgumentException("Unknown command " + command);
    }
}
