package dev.castle.domain.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.castle.domain.AssociationRequest;
import dev.castle.domain.Command;
import dev.castle.domain.CompatibilityLevel;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.Mode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.TagRequest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeciderDispatchTest {

    @Test
    void shouldHandleEveryKindOfCommand() {
        // given one sample of each command
        List<Command> samples = List.of(
                RegistryFixture.registration("s", "\"string\""),
                new Command.TagSchema("s", 1, new TagRequest(null, null, null, null, null, null, null)),
                new Command.DeleteVersion("s", 1, false),
                new Command.DeleteSubject("s", false),
                new Command.SetConfig(null, ConfigValue.of(CompatibilityLevel.FULL)),
                new Command.DeleteConfig(null),
                new Command.SetMode(null, Mode.READWRITE, false),
                new Command.DeleteMode(null, false),
                new Command.PutAssociations(
                        null, true, false, new AssociationRequest("t", "ns", "id", null, List.of())),
                new Command.DeleteAssociations("id", null, List.of(), false, false),
                new Command.MutateAssociations(null, false, List.of()),
                new Command.DeleteContext(".ctx"));

        // then the samples cover the sealed hierarchy and each is decided (a registry answer, not "unknown")
        assertThat(samples.stream().map(Object::getClass))
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(Command.class.getPermittedSubclasses()));
        RegistryFixture registry = new RegistryFixture();
        for (Command command : samples) {
            assertThatCode(() -> {
                        try {
                            registry.decide(command);
                        } catch (RegistryException expected) {
                            // a rule said no: the command was dispatched
                        }
                    })
                    .as(command.getClass().getSimpleName())
                    .doesNotThrowAnyException();
        }
    }
}
