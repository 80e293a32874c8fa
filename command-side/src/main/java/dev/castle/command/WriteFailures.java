package dev.castle.command;

import dev.castle.domain.Command;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;

/** Confluent's 50001/50002 texts for a write whose append or apply failed (spec §3). */
final class WriteFailures {
    private WriteFailures() {}

    /** The error a command's caller gets when the batch carrying it could not be written or applied in time. */
    static RegistryException of(Command command, boolean timedOut) {
        if (timedOut) {
            return RegistryException.withMessage(
                    ErrorCode.OPERATION_TIMEOUT, timeoutName(command) + " operation timed out");
        }
        return RegistryException.withMessage(
                ErrorCode.STORE_ERROR, storeName(command) + " operation failed while writing to the Kafka store");
    }

    /** Confluent's association routes answer with the register texts, whatever the association write. */
    private static String storeName(Command command) {
        if (command instanceof Command.RegisterSchema
                || command instanceof Command.PutAssociations
                || command instanceof Command.DeleteAssociations) {
            return "Register schema";
        } else if (command instanceof Command.DeleteVersion) {
            return "Delete schema version";
        } else if (command instanceof Command.DeleteSubject) {
            return "Delete subject";
        } else if (command instanceof Command.SetConfig) {
            return "Update config";
        } else if (command instanceof Command.DeleteConfig) {
            return "Delete config";
        } else if (command instanceof Command.SetMode) {
            return "Update mode";
        } else if (command instanceof Command.DeleteMode) {
            return "Delete mode";
        } else if (command instanceof Command.DeleteContext) {
            return "Delete context";
        }
        throw new IllegalArgumentException("Unknown command " + command);
    }

    private static String timeoutName(Command command) {
        if (command instanceof Command.RegisterSchema
                || command instanceof Command.PutAssociations
                || command instanceof Command.DeleteAssociations) {
            return "Register";
        } else if (command instanceof Command.DeleteVersion) {
            return "Delete Schema Version";
        }
        return storeName(command);
    }
}
