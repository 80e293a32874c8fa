package dev.castle.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.testing.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConcurrencyIT {
    private static Node node;

    @BeforeAll
    static void start() {
        node = Node.start("_schemas_concurrency_" + System.nanoTime(), "concurrency-" + System.nanoTime());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(calls)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldGiveOneIdAndOneVersionToTheSameSchemaFrom32Threads() throws Exception {
        // when
        List<Callable<Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            calls.add(() -> node.register("same", Node.avroRecord("same")));
        }
        List<Reply> replies = atOnce(calls);

        // then
        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(200));
        assertThat(replies.stream().map(reply -> reply.json().get("id").asInt()).distinct())
                .hasSize(1);
        assertThat(node.get("/subjects/same/versions").json().toString()).isEqualTo("[1]");
    }

    @Test
    void shouldGiveUniqueIdsAndConsecutiveVersionsTo40SchemasAtOnce() throws Exception {
        // given a subject that accepts any schema
        assertThat(node.send("PUT", "/config/many", "{\"compatibility\":\"NONE\"}")
                        .status())
                .isEqualTo(200);

        // when
        List<Callable<Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String schema = Node.avroRecord("r" + i);
            calls.add(() -> node.register("many", schema));
        }
        List<Reply> replies = atOnce(calls);

        // then
        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(200));
        assertThat(replies.stream().map(reply -> reply.json().get("id").asInt()).distinct())
                .hasSize(40);
        List<Integer> versions = new ArrayList<>();
        node.get("/subjects/many/versions").json().forEach(v -> versions.add(v.asInt()));
        assertThat(versions).isEqualTo(IntStream.rangeClosed(1, 40).boxed().toList());
    }
}
