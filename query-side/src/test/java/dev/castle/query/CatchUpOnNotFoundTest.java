package dev.castle.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A read that would answer "not found" catches the view up with the log once and runs again (no broker). */
class CatchUpOnNotFoundTest {
    private final FoldedView view = new FoldedView().add("a", 1, 1, false);
    private final AtomicInteger catchUps = new AtomicInteger();
    private RoutesHarness routes;

    @AfterEach
    void stop() {
        routes.close();
    }

    /** A node whose fold trails: catching up applies what another node wrote meanwhile. */
    private void startLaggingBehind(Runnable writtenMeanwhile) {
        routes = RoutesHarness.start(view, () -> {
            catchUps.incrementAndGet();
            writtenMeanwhile.run();
        });
    }

    @Test
    void shouldFindWhatViewLackedAfterCatchingUp() throws Exception {
        // given a write of id 2 under subject "late" that this node has not applied yet
        startLaggingBehind(() -> view.add("late", 1, 2, false));

        // when it is read by id
        String byId = routes.get("/schemas/ids/2");

        // then the node caught up once and found it; the next read finds it without catching up
        assertThat(byId)
                .isEqualTo("200 {\"guid\":\"095d71cf-1255-6b9d-5e33-0ad575b3df5d\",\"schema\":\"\\\"string\\\"\"}");
        assertThat(routes.get("/subjects/late/versions/latest")).startsWith("200 ");
        assertThat(catchUps).hasValue(1);
    }

    @Test
    void shouldFindSubjectVersionAfterCatchingUp() throws Exception {
        // given
        startLaggingBehind(() -> view.add("late", 1, 2, false));

        // when / then
        assertThat(routes.get("/subjects/late/versions/latest"))
                .isEqualTo(
                        "200 {\"subject\":\"late\",\"version\":1,\"id\":2,\"guid\":\"095d71cf-1255-6b9d-5e33-0ad575b3df5d\",\"schema\":\"\\\"string\\\"\"}");
        assertThat(catchUps).hasValue(1);
    }

    @Test
    void shouldNotCatchUpWhenReadFinds() throws Exception {
        // given
        startLaggingBehind(() -> {});

        // when
        String byId = routes.get("/schemas/ids/1");
        String latest = routes.get("/subjects/a/versions/latest");

        // then
        assertThat(byId).startsWith("200 ");
        assertThat(latest).startsWith("200 ");
        assertThat(catchUps).hasValue(0);
    }

    @Test
    void shouldAnswerSameNotFoundWhenCatchingUpBringsNothing() throws Exception {
        // given a node that is not behind
        startLaggingBehind(() -> {});

        // when / then
        assertThat(routes.get("/subjects/nope/versions/1")).isEqualTo("404 40401 Subject 'nope' not found.");
        assertThat(routes.get("/schemas/ids/9")).isEqualTo("404 40403 Schema 9 not found");
        assertThat(routes.get("/subjects/a/versions/2")).isEqualTo("404 40402 Version 2 not found.");
        assertThat(routes.get("/config/a")).startsWith("404 40408 ");
        assertThat(catchUps).hasValue(4);
    }

    @Test
    void shouldNotCatchUpForMalformedRequests() throws Exception {
        // given
        startLaggingBehind(() -> {});

        // when
        String malformedId = routes.get("/schemas/ids/x");
        String malformedVersion = routes.get("/subjects/a/versions/first");

        // then
        assertThat(malformedId).startsWith("404 404 ");
        assertThat(malformedVersion).startsWith("422 ");
        assertThat(catchUps).hasValue(0);
    }
}
