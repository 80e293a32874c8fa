package dev.castle.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.Command;
import dev.castle.domain.CompatibilityLevel;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.Mode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.VersionSpec;
import dev.castle.testing.Reply;
import dev.castle.testing.TestHttp;
import io.javalin.Javalin;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The write routes inside a bare Javalin: what each request turns into, and what the gateway's answer becomes. */
class WriteRoutesTest {
    private static final List<Command> submitted = new CopyOnWriteArrayList<>();
    private static Javalin app;

    @BeforeAll
    static void start() {
        CommandGateway gateway = command -> {
            submitted.add(command);
            return CompletableFuture.completedFuture(Map.of("ok", true));
        };
        WriteRoutes routes = new WriteRoutes(
                gateway,
                command -> command.subject().equals("known") ? Optional.of(Map.of("id", 7)) : Optional.empty());
        app = Javalin.create(config -> {
                    routes.addTo(config.routes);
                    config.routes.exception(RegistryException.class, (e, ctx) -> ctx.status(
                                    e.errorCode().status())
                            .result(String.valueOf(e.errorCode().code())));
                })
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @BeforeEach
    void clear() {
        submitted.clear();
    }

    private static Reply send(String method, String path, String body) {
        return TestHttp.to("http://127.0.0.1:" + app.port()).send(method, path, body);
    }

    @Test
    void shouldSubmitARegistrationWithItsNormalizeFlag() {
        Reply response = send("POST", "/subjects/a%2Fb/versions?normalize=TRUE", "{\"schema\":\"\\\"string\\\"\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
        Command.RegisterSchema register = (Command.RegisterSchema) submitted.get(0);
        assertThat(register.subject()).isEqualTo("a/b");
        assertThat(register.normalize()).isTrue();
        assertThat(register.request().schema()).isEqualTo("\"string\"");
    }

    @Test
    void shouldAnswerAKnownSchemaWithoutTheGateway() {
        Reply response = send("POST", "/subjects/known/versions", "{\"schema\":\"\\\"string\\\"\"}");

        assertThat(response.body()).isEqualTo("{\"id\":7}");
        assertThat(submitted).isEmpty();
    }

    @Test
    void shouldParseVersionsAndFlagsOfDeletes() {
        send("DELETE", "/subjects/s/versions/latest?permanent=true", null);
        send("DELETE", "/subjects/s/versions/3", null);
        send("DELETE", "/subjects/s?permanent=yes", null);

        assertThat(submitted)
                .containsExactly(
                        new Command.DeleteVersion("s", VersionSpec.LATEST, true),
                        new Command.DeleteVersion("s", 3, false),
                        new Command.DeleteSubject("s", false));
        assertThat(send("DELETE", "/subjects/s/versions/0", null).body()).isEqualTo("42202");
    }

    @Test
    void shouldTurnConfigBodiesIntoConfigValues() {
        send("PUT", "/config", "{\"compatibility\":\"full\",\"normalize\":true,\"defaultMetadata\":{\"a\":1},\"x\":2}");
        send("PUT", "/config/s", "{\"compatibility\":\"NONE\"}");
        send("DELETE", "/config/s", null);

        assertThat(submitted)
                .containsExactly(
                        new Command.SetConfig(
                                null,
                                new ConfigValue(
                                        null,
                                        true,
                                        null,
                                        null,
                                        CompatibilityLevel.FULL,
                                        null,
                                        "{\"defaultMetadata\":{\"a\":1}}")),
                        new Command.SetConfig("s", ConfigValue.of(CompatibilityLevel.NONE)),
                        new Command.DeleteConfig("s"));
        assertThat(send("PUT", "/config", "{\"compatibility\":\"SIDEWAYS\"}").body())
                .isEqualTo("42203");
    }

    @Test
    void shouldTurnModeBodiesIntoModes() {
        Reply echoed = send("PUT", "/mode?force=true", "{\"mode\":\"import\"}");
        send("PUT", "/mode/s", "{\"mode\":null}");
        send("DELETE", "/mode/s?recursive=true", null);

        assertThat(submitted)
                .containsExactly(
                        new Command.SetMode(null, Mode.IMPORT, true),
                        new Command.SetMode("s", null, false),
                        new Command.DeleteMode("s", true));
        assertThat(echoed.body()).isEqualTo("{\"mode\":\"import\"}");
        assertThat(send("PUT", "/mode", "{\"mode\":\"SIDEWAYS\"}").body()).isEqualTo("42204");
    }
}
