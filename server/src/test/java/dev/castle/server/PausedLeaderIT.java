package dev.castle.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castle.testing.Await;
import dev.castle.testing.Reply;
import dev.castle.testing.TestHttp;
import dev.castle.testing.TestKafka;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;

/**
 * The leader's whole process is stopped (SIGSTOP) while clients register through it, long enough for the group to
 * expel it; another node takes over and writes; then the process continues (SIGCONT) with its writes in flight
 * (issue 4, item 5). Whatever each in-flight write's answer, the log must agree with it, and no id may name two
 * schemas.
 */
class PausedLeaderIT {
    private static final Duration ELECTION = Duration.ofSeconds(30);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int WRITERS = 4;

    /** One registration a client sent, when it was sent and answered, and the answer. */
    private record Sent(String subject, long sentAt, long answeredAt, Reply reply) {}

    @Test
    void shouldKeepTheLogTrueToEveryAnswerWhenTheLeaderProcessIsPausedAndResumed() throws Exception {
        try (Cluster cluster = new Cluster()) {
            Castle successor = cluster.startNode(true);
            Path log = Path.of("target", "paused-leader-node.log");
            try (ProcessNode leader = ProcessNode.start(ProcessNode.freeLowPort(), cluster.settings(true), log)) {
                // given a leader in its own process (its URL is the lowest) and clients registering through it
                Await.until(
                        () -> successor.leaderUrl().equals(Optional.of(leader.url())),
                        ELECTION,
                        "the process node to lead");
                List<Sent> sent = new ArrayList<>();
                AtomicBoolean sending = new AtomicBoolean(true);
                List<Thread> writers = startWriters(leader.url(), sending, sent);
                Await.until(() -> acknowledged(sent) >= 40, ELECTION, "40 acknowledged registrations");

                // when its whole process stops, a client sends it one more write, and another node takes over
                leader.pause();
                long pausedAt = System.nanoTime();
                sending.set(false);
                CompletableFuture<Sent> sentDuringPause =
                        CompletableFuture.supplyAsync(() -> register(leader.url(), "sent-during-pause"));
                Await.until(() -> successor.leaderUrl().equals(Optional.of(successor.url())), ELECTION, "takeover");
                List<Sent> afterTakeover = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    afterTakeover.add(register(successor.url(), "after-takeover-" + i));
                }

                // and then the process continues where it stopped
                long resumedAt = System.nanoTime();
                leader.resume();
                for (Thread writer : writers) {
                    writer.join(ELECTION.toMillis());
                }
                sent.add(sentDuringPause.get());
                sent.addAll(afterTakeover);

                // then the successor's writes succeeded, some writes were in flight across the pause, and every
                // answer is true to the log: acknowledged ones are there with their id, refused ones are not
                assertThat(afterTakeover).allMatch(write -> write.reply().ok());
                assertThat(sent)
                        .filteredOn(write -> write.sentAt() < pausedAt && write.answeredAt() > resumedAt)
                        .isNotEmpty();
                Map<String, Integer> logged = new HashMap<>();
                Map<Integer, Set<String>> schemasById = new HashMap<>();
                readCommittedSchemas(cluster.topic(), logged, schemasById);
                for (Sent write : sent) {
                    assertThat(write.reply().status())
                            .as("%s was answered", write.subject())
                            .isNotEqualTo(-1);
                    if (write.reply().ok()) {
                        assertThat(logged)
                                .as("acknowledged %s", write.subject())
                                .containsEntry(
                                        write.subject(),
                                        write.reply().json().path("id").asInt());
                    } else {
                        assertThat(logged).as("refused %s", write.subject()).doesNotContainKey(write.subject());
                    }
                }
                assertThat(schemasById.values()).allMatch(schemas -> schemas.size() == 1);
                report(sent, pausedAt, resumedAt);

                // and the resumed node takes part again: writes through it succeed with a fresh id
                Await.until(
                        () -> register(leader.url(), "after-resume").reply().ok(),
                        ELECTION,
                        "a write through the resumed node");
                int lastId = Cluster.get(successor, "/subjects/after-resume/versions/latest")
                        .json()
                        .path("id")
                        .asInt();
                assertThat(lastId)
                        .isGreaterThan(schemasById.keySet().stream()
                                .mapToInt(Integer::intValue)
                                .max()
                                .orElse(0));
            }
        }
    }

    private static List<Thread> startWriters(String url, AtomicBoolean sending, List<Sent> sent) {
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Thread thread = new Thread(
                    () -> {
                        for (int n = 0; sending.get(); n++) {
                            Sent write = register(url, "writer-" + writer + "-" + n);
                            synchronized (sent) {
                                sent.add(write);
                            }
                        }
                    },
                    "writer-" + w);
            thread.start();
            writers.add(thread);
        }
        return writers;
    }

    private static Sent register(String url, String subject) {
        long sentAt = System.nanoTime();
        String schema = Node.avroRecord(subject.replace('-', '_'));
        Reply reply = Cluster.send(
                url, "POST", "/subjects/" + TestHttp.encode(subject) + "/versions", Node.registerBody(schema));
        return new Sent(subject, sentAt, System.nanoTime(), reply);
    }

    private static int acknowledged(List<Sent> sent) {
        synchronized (sent) {
            return (int) sent.stream().filter(write -> write.reply().ok()).count();
        }
    }

    /** The committed SCHEMA records: the id each subject got, and the schema texts each id was given to. */
    private static void readCommittedSchemas(
            String topic, Map<String, Integer> idBySubject, Map<Integer, Set<String>> schemasById) throws IOException {
        for (ConsumerRecord<byte[], byte[]> record : TestKafka.records(topic, IsolationLevel.READ_COMMITTED)) {
            JsonNode key = MAPPER.readTree(record.key());
            if (!"SCHEMA".equals(key.path("keytype").asText()) || record.value() == null) {
                continue;
            }
            JsonNode value = MAPPER.readTree(record.value());
            int id = value.path("id").asInt();
            idBySubject.put(value.path("subject").asText(), id);
            schemasById
                    .computeIfAbsent(id, ignored -> new HashSet<>())
                    .add(value.path("schema").asText());
        }
    }

    private static void report(List<Sent> sent, long pausedAt, long resumedAt) {
        Map<String, Integer> acrossPause = new HashMap<>();
        sent.stream()
                .filter(write -> write.sentAt() < pausedAt && write.answeredAt() > resumedAt)
                .forEach(write -> acrossPause.merge(answer(write.reply()), 1, Integer::sum));
        System.out.printf(
                "Paused leader: %d writes, %d acknowledged; answers to the writes in flight across the pause: %s%n",
                sent.size(), sent.stream().filter(write -> write.reply().ok()).count(), acrossPause);
    }

    private static String answer(Reply reply) {
        return reply.ok()
                ? "200"
                : reply.status() + "/" + reply.json().path("error_code").asInt();
    }
}
