package dev.castle.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.Command;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import java.lang.reflect.RecordComponent;
import org.junit.jupiter.api.Test;

class WriteFailuresTest {

    @Test
    void shouldNameEveryCommandInItsFailureMessages() throws Exception {
        for (Class<?> type : Command.class.getPermittedSubclasses()) {
            // given one command of each type
            Command command = anyInstance(type);

            // when
            RegistryException store = WriteFailures.of(command, false);
            RegistryException timeout = WriteFailures.of(command, true);

            // then
            assertThat(store.errorCode()).isEqualTo(ErrorCode.STORE_ERROR);
            assertThat(store.getMessage()).endsWith(" operation failed while writing to the Kafka store");
            assertThat(timeout.errorCode()).isEqualTo(ErrorCode.OPERATION_TIMEOUT);
            assertThat(timeout.getMessage()).endsWith(" operation timed out");
        }
    }

    @Test
    void shouldNameEveryCommandWhenForwardingFailsOrNoLeaderIsKnown() throws Exception {
        for (Class<?> type : Command.class.getPermittedSubclasses()) {
            Command command = anyInstance(type);

            assertThat(WriteFailures.forwardingFailed(command).getMessage())
                    .matches("Error while forwarding [a-z ]+ request to the leader");
            assertThat(WriteFailures.noLeader(command).errorCode()).isEqualTo(ErrorCode.UNKNOWN_LEADER);
        }
    }

    @Test
    void shouldAnswerConfluentsTextsWithoutLeader() {
        RegistryException register = WriteFailures.noLeader(new Command.RegisterSchema("s", null, false));
        RegistryException config = WriteFailures.noLeader(new Command.DeleteConfig("s"));

        assertThat(register.errorCode()).isEqualTo(ErrorCode.UNKNOWN_LEADER);
        assertThat(register.getMessage()).isEqualTo("Leader not known.");
        assertThat(config.getMessage()).isEqualTo("Failed to update compatibility level");
        assertThat(WriteFailures.noLeader(new Command.DeleteMode(null, false)).getMessage())
                .isEqualTo("Failed to update mode");
    }

    @Test
    void shouldAnswerConfluentsTextsWhenForwardingFailsOrTimesOut() {
        Command delete = new Command.DeleteVersion("s", 1, false);
        RegistryException error = WriteFailures.forwardingFailed(delete);

        assertThat(error.errorCode()).isEqualTo(ErrorCode.FORWARDING_ERROR);
        assertThat(error.getMessage()).isEqualTo("Error while forwarding delete schema version request to the leader");
        assertThat(WriteFailures.of(delete, true).getMessage()).isEqualTo("Delete Schema Version operation timed out");
        assertThat(WriteFailures.of(new Command.RegisterSchema("s", null, false), true)
                        .getMessage())
                .isEqualTo("Register operation timed out");
    }

    private static Command anyInstance(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = types[i] == boolean.class ? false : types[i] == int.class ? 1 : null;
        }
        return (Command) type.getDeclaredConstructor(types).newInstance(values);
    }
}
