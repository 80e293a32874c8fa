package dev.castle.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.Command;
import dev.castle.testing.Reply;
import dev.castle.testing.TestHttp;
import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The register fast path's kept answers: a repeated request is answered without looking again only while the view has
 * applied no record since, and requests that differ in subject, {@code normalize} or body are never confused.
 */
class KnownRegistrationsTest {
    private static final String BODY = "{\"schema\":\"\\\"string\\\"\"}";

    private final List<Command.RegisterSchema> lookedUp = new CopyOnWriteArrayList<>();
    private final List<Command> submitted = new CopyOnWriteArrayList<>();
    private final AtomicLong offset = new AtomicLong(10);
    private final AtomicInteger currentId = new AtomicInteger(7);
    private Javalin app;

    @BeforeEach
    void start() {
        CommandGateway gateway = command -> {
            submitted.add(command);
            return CompletableFuture.completedFuture(Map.of("id", 99));
        };
        WriteRoutes routes = new WriteRoutes(
                gateway,
                command -> {
                    lookedUp.add(command);
                    return command.subject().startsWith("known")
                            ? Optional.of(Map.of("id", currentId.get()))
                            : Optional.empty();
                },
                offset::get);
        app = Javalin.create(config -> routes.addTo(config.routes)).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private String register(String pathAndQuery, String body) {
        Reply reply = TestHttp.to("http://127.0.0.1:" + app.port()).post(pathAndQuery, body);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    @Test
    void shouldAnswerARepeatedRegistrationWithoutLookingAgainWhileNothingWasApplied() {
        assertThat(register("/subjects/known/versions", BODY)).isEqualTo("{\"id\":7}");
        assertThat(register("/subjects/known/versions", BODY)).isEqualTo("{\"id\":7}");

        assertThat(lookedUp).hasSize(1);
        assertThat(submitted).isEmpty();
    }

    @Test
    void shouldLookAgainOnceARecordWasApplied() {
        register("/subjects/known/versions", BODY);
        currentId.set(8);
        offset.incrementAndGet();

        assertThat(register("/subjects/known/versions", BODY)).isEqualTo("{\"id\":8}");
        assertThat(register("/subjects/known/versions", BODY)).isEqualTo("{\"id\":8}");
        assertThat(lookedUp).hasSize(2);
    }

    @Test
    void shouldKeepRequestsThatDifferInSubjectNormalizeOrBodyApart() {
        register("/subjects/known/versions", BODY);
        register("/subjects/known-2/versions", BODY);
        register("/subjects/known/versions?normalize=true", BODY);
        register("/subjects/known/versions", "{\"schema\":\"\\\"int\\\"\"}");
        register("/subjects/known/versions", BODY);

        assertThat(lookedUp)
                .extracting(Command.RegisterSchema::subject, Command.RegisterSchema::normalize, c -> c.request()
                        .schema())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("known", false, "\"string\""),
                        org.assertj.core.groups.Tuple.tuple("known-2", false, "\"string\""),
                        org.assertj.core.groups.Tuple.tuple("known", true, "\"string\""),
                        org.assertj.core.groups.Tuple.tuple("known", false, "\"int\""));
    }

    @Test
    void shouldSendANewSchemaToTheLeaderEveryTime() {
        assertThat(register("/subjects/other/versions", BODY)).isEqualTo("{\"id\":99}");
        assertThat(register("/subjects/other/versions", BODY)).isEqualTo("{\"id\":99}");

        assertThat(lookedUp).hasSize(2);
        assertThat(submitted).hasSize(2);
    }

    @Test
    void shouldKeepNothingWhileTheAppliedOffsetIsUnknown() {
        offset.set(-1);
        register("/subjects/known/versions", BODY);
        register("/subjects/known/versions", BODY);

        assertThat(lookedUp).hasSize(2);
    }

    @Test
    void shouldStartOverWhenItHoldsTheMostAnswersItKeeps() {
        KnownRegistrations known = new KnownRegistrations();
        byte[] answer = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < KnownRegistrations.MAX_ENTRIES; i++) {
            known.keep("s" + i, false, body(i, 10), 5, answer);
        }
        assertThat(known.answer("s0", false, body(0, 10), 5)).isEqualTo(answer);

        known.keep("one-more", false, body(-1, 10), 5, answer);

        assertThat(known.answer("s0", false, body(0, 10), 5)).isNull();
        assertThat(known.answer("one-more", false, body(-1, 10), 5)).isEqualTo(answer);
    }

    @Test
    void shouldStartOverWhenItHoldsTheMostBytesItKeeps() {
        KnownRegistrations known = new KnownRegistrations();
        byte[] answer = new byte[10];
        int fit = (int) (KnownRegistrations.MAX_BYTES / (KnownRegistrations.MAX_BODY + answer.length));
        for (int i = 0; i < fit; i++) {
            known.keep("s" + i, false, body(i, KnownRegistrations.MAX_BODY), 5, answer);
        }
        assertThat(known.answer("s0", false, body(0, KnownRegistrations.MAX_BODY), 5))
                .isNotNull();

        known.keep("one-more", false, body(-1, KnownRegistrations.MAX_BODY), 5, answer);

        assertThat(known.answer("s0", false, body(0, KnownRegistrations.MAX_BODY), 5))
                .isNull();
        assertThat(known.answer("one-more", false, body(-1, KnownRegistrations.MAX_BODY), 5))
                .isNotNull();
    }

    @Test
    void shouldNotKeepABodyLargerThanItsLimit() {
        KnownRegistrations known = new KnownRegistrations();
        byte[] large = body(1, KnownRegistrations.MAX_BODY + 1);
        known.keep("s", false, large, 5, new byte[1]);

        assertThat(known.answer("s", false, large, 5)).isNull();
    }

    private static byte[] body(int seed, int size) {
        byte[] body = new byte[size];
        java.util.Arrays.fill(body, (byte) 'x');
        byte[] tag = Integer.toString(seed).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(tag, 0, body, 0, tag.length);
        return body;
    }
}
