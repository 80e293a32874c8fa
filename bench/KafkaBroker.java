import dev.castle.embedded.EmbeddedKafka;
import java.nio.file.Path;

/**
 * A Kafka broker on its own: Castle's embedded single-node KRaft broker in a process of its own, so that a Castle
 * pointed at it (kafkastore.bootstrap.servers) holds only the registry and the REST Proxy and its RSS says what they
 * cost. Run from castle.jar's classpath with Java's single-file launcher:
 * java -cp castle.jar bench/KafkaBroker.java DATA_DIR PORT
 */
public class KafkaBroker {
    public static void main(String[] args) throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.start(Path.of(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "broker-shutdown"));
        System.out.println("READY " + kafka.bootstrapServers());
        System.out.flush();
        Thread.currentThread().join();
    }
}
