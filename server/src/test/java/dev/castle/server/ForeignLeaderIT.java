package dev.castle.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.castle.domain.Event;
import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import dev.castle.testing.Await;
import dev.castle.testing.Reply;
import dev.castle.testing.TestKafka;
import dev.castle.topology.SchemasCodec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * A Castle follower of a leader that is not Castle (a Confluent node, here a stand-in that appends Confluent's records
 * with a plain producer and answers without Castle's offset header) serves its own writes right after answering them.
 */
class ForeignLeaderIT {
    private static final Duration ELECTION = Duration.ofSeconds(40);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The identity a Confluent node sends to the {@code sr} group. */
    private static String confluentIdentity(String host, int port) {
        return "{\"host\":\"" + host + "\",\"port\":" + port
                + ",\"master_eligibility\":true,\"scheme\":\"http\",\"version\":1,\"leader\":false}";
    }

    @Test
    void shouldServeWriteForwardedToConfluentLeaderRightAfterItsAnswer() throws IOException {
        try (Cluster cluster = Cluster.start();
                StandInLeader confluent = new StandInLeader(cluster.topic());
                SrTestMember member =
                        new SrTestMember(cluster.group(), confluentIdentity("127.0.0.1", confluent.port()))) {
            // given a Castle read replica, lagging behind the log, that follows the Confluent stand-in
            Await.until(member::hasAssignment, ELECTION, "the stand-in to lead the group");
            try (Castle follower = LaggingNode.start(cluster)) {
                Await.until(
                        () -> follower.leaderUrl()
                                .filter(confluent.url()::equals)
                                .isPresent(),
                        ELECTION,
                        "the follower to follow the stand-in");

                // when a write goes through the follower
                Reply written = Cluster.register(follower, "via-confluent", Node.avroRecord("ViaConfluent"));

                // then the leader wrote it, and the follower serves it at once
                assertThat(written.status()).isEqualTo(200);
                int id = written.json().path("id").asInt();
                assertThat(confluent.written()).isEqualTo(1);
                Reply byId = Cluster.get(follower, "/schemas/ids/" + id);
                assertThat(byId.status()).isEqualTo(200);
                assertThat(byId.json().path("schema").asText()).contains("ViaConfluent");
                Reply latest = Cluster.get(follower, "/subjects/via-confluent/versions/latest");
                assertThat(latest.json().path("id").asInt()).isEqualTo(id);
            }
        }
    }

    /**
     * Stands in for a Confluent leader: registers a new schema under a new subject by appending Confluent's SCHEMA
     * record with a plain (non-transactional) producer, then answers {@code {"id":N}} and nothing else.
     */
    private static final class StandInLeader implements AutoCloseable {
        private final String topic;
        private final HttpServer http;
        private final KafkaProducer<byte[], byte[]> producer;
        private final SchemasCodec codec = new SchemasCodec();
        private final Map<String, Integer> versions = new HashMap<>();
        private int lastId;

        StandInLeader(String topic) throws IOException {
            this.topic = topic;
            this.producer = new KafkaProducer<>(
                    Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            TestKafka.bootstrapServers(),
                            ProducerConfig.ACKS_CONFIG,
                            "all"),
                    new ByteArraySerializer(),
                    new ByteArraySerializer());
            this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/subjects/", this::register);
            http.start();
        }

        int port() {
            return http.getAddress().getPort();
        }

        String url() {
            return "http://127.0.0.1:" + port();
        }

        synchronized int written() {
            return lastId;
        }

        private synchronized void register(HttpExchange exchange) throws IOException {
            try (exchange) {
                String[] path = exchange.getRequestURI().getRawPath().split("/");
                String subject = URLDecoder.decode(path[2], StandardCharsets.UTF_8);
                JsonNode body = MAPPER.readTree(exchange.getRequestBody());
                int version = versions.merge(subject, 1, Integer::sum);
                SchemaVersion schema = new SchemaVersion(
                        subject,
                        version,
                        lastId + 1,
                        SchemaType.AVRO,
                        body.path("schema").asText(),
                        List.of(),
                        null,
                        null,
                        false);
                append(new Event.SchemaUpserted(schema));
                lastId++;
                byte[] answer = ("{\"id\":" + lastId + "}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        }

        private void append(Event event) throws IOException {
            try {
                producer.send(new ProducerRecord<>(topic, 0, codec.encodeKey(event), codec.encodeValue(event)))
                        .get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            } catch (ExecutionException e) {
                throw new IOException(e.getCause());
            }
        }

        @Override
        public void close() {
            http.stop(0);
            producer.close();
        }
    }
}
