package dev.castle.command.election;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.Command;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import org.junit.jupiter.api.Test;

class ClusterFailuresTest {

    @Test
    void shouldNameEveryCommand() {
        for (Class<?> type : Command.class.getPermittedSubclasses()) {
            assertThat(ClusterFailures.requestName(sample(type))).isNotBlank();
        }
    }

    @Test
    void shouldAnswerConfluentsTextsWithoutLeader() {
        RegistryException register = ClusterFailures.noLeader(new Command.RegisterSchema("s", null, false));
        RegistryException config = ClusterFailures.noLeader(new Command.DeleteConfig("s"));

        assertThat(register.errorCode()).isEqualTo(ErrorCode.UNKNOWN_LEADER);
        assertThat(register.getMessage()).isEqualTo("Leader not known.");
        assertThat(config.getMessage()).isEqualTo("Failed to update compatibility level");
        assertThat(ClusterFailures.noLeader(new Command.DeleteMode(null, false)).getMessage())
                .isEqualTo("Failed to update mode");
    }

    @Test
    void shouldNameTheRequestWhenForwardingFails() {
        RegistryException error = ClusterFailures.forwardingFailed(new Command.DeleteVersion("s", 1, false));

        assertThat(error.errorCode()).isEqualTo(ErrorCode.FORWARDING_ERROR);
        assertThat(error.getMessage()).isEqualTo("Error while forwarding delete schema version request to the leader");
    }

    private static Command sample(Class<?> type) {
        if (type == Command.RegisterSchema.class) {
            return new Command.RegisterSchema("s", null, false);
        } else if (type == Command.DeleteVersion.class) {
            return new Command.DeleteVersion("s", 1, false);
        } else if (type == Command.DeleteSubject.class) {
            return new Command.DeleteSubject("s", false);
        } else if (type == Command.SetConfig.class) {
            return new Command.SetConfig("s", null);
        } else if (type == Command.DeleteConfig.class) {
            return new Command.DeleteConfig("s");
        } else if (type == Command.SetMode.class) {
            return new Command.SetMode("s", null, false);
        } else if (type == Command.DeleteMode.class) {
            return new Command.DeleteMode("s", false);
        } else if (type == Command.PutAssociations.class) {
            return new Command.PutAssociations(null, true, false, null);
        } else if (type == Command.DeleteAssociations.class) {
            return new Command.DeleteAssociations("id", null, null, false, false);
        } else if (type == Command.DeleteContext.class) {
            return new Command.DeleteContext(".ctx");
        }
        throw new AssertionError("No sample for " + type);
    }
}
