import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes N schemas straight into a _schemas topic in Confluent's record format: subject s-i, version 1, id i, an Avro
 * record of three fields unique to i (about 200 bytes of schema text), as a registry that had registered them would,
 * into a new compacted topic of one partition.
 * java -cp castle.jar bench/SchemaWriter.java BOOTSTRAP TOPIC N
 */
public class SchemaWriter {
    public static void main(String[] args) throws Exception {
        String topic = args[1];
        int n = Integer.parseInt(args[2]);
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0],
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.ACKS_CONFIG, "1");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", args[0]))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
                    .all()
                    .get();
        }
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 1; i <= n; i++) {
                String subject = "s-" + i;
                String schema = "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"R" + i
                        + "\\\",\\\"namespace\\\":\\\"bench.scale\\\",\\\"fields\\\":[{\\\"name\\\":\\\"id\\\",\\\"type\\\":"
                        + "\\\"long\\\"},{\\\"name\\\":\\\"name" + i + "\\\",\\\"type\\\":\\\"string\\\"},{\\\"name\\\":"
                        + "\\\"at\\\",\\\"type\\\":{\\\"type\\\":\\\"long\\\",\\\"logicalType\\\":\\\"timestamp-millis\\\"}}]}";
                String key = "{\"keytype\":\"SCHEMA\",\"subject\":\"" + subject + "\",\"version\":1,\"magic\":1}";
                String value = "{\"subject\":\"" + subject + "\",\"version\":1,\"id\":" + i + ",\"schema\":\"" + schema
                        + "\",\"deleted\":false}";
                producer.send(new ProducerRecord<>(
                        topic, 0, key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
        System.out.printf("wrote %d schemas in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
    }
}
