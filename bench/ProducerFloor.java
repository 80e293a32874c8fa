import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The floor of the REST Proxy's produce path: what a plain KafkaProducer does with the same work, one record of the
 * same size per "request", sent and awaited, from as many threads as the proxy had connections, on one shared
 * producer configured as the proxy's (its timeouts, plus any KAFKA_REST_CLIENT_* / KAFKA_REST_PRODUCER_* variables).
 * Run from castle.jar's classpath: java -cp castle.jar bench/ProducerFloor.java BOOTSTRAP TOPIC VALUE_BYTES
 * It prints READY, then reads one run per line of standard input, "THREADS SECONDS", so that bench/rest.sh can put
 * its runs between the proxy's on a machine whose load moves, and answers each with
 * FLOOR threads requests/s p99-ms cpu-microseconds-per-request (this JVM's CPU time over the run).
 */
public class ProducerFloor {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        byte[] value = new byte[Integer.parseInt(args[2])];
        new Random(42).nextBytes(value);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Producer<byte[], byte[]> producer = new KafkaProducer<>(config(bootstrap));
                BufferedReader commands = new BufferedReader(new InputStreamReader(System.in))) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, value);
            producer.send(record).get(); // topic created, metadata known
            System.out.println("READY");
            String line;
            while ((line = commands.readLine()) != null) {
                String[] words = line.trim().split("\\s+");
                if (words.length < 2) {
                    continue;
                }
                int threads = Integer.parseInt(words[0]);
                long cpuBefore = os.getProcessCpuTime();
                double[] result = run(producer, record, threads, Integer.parseInt(words[1]));
                double cpuMicros = (os.getProcessCpuTime() - cpuBefore) / 1e3;
                System.out.printf(Locale.ROOT, "FLOOR %d %.1f %.2f %.0f%n", threads, result[0], result[1],
                        result[2] == 0 ? 0 : cpuMicros / result[2]);
                System.out.flush();
            }
        }
    }

    /** The proxy's producer settings (RestProxy.producerConfig) and the variables it would take. */
    private static Map<String, Object> config(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put("max.block.ms", 10_000);
        config.put("request.timeout.ms", 10_000);
        config.put("delivery.timeout.ms", 30_000);
        config.put("client.id", "castle-producer-floor");
        for (String prefix : List.of("KAFKA_REST_CLIENT_", "KAFKA_REST_PRODUCER_")) {
            System.getenv().forEach((name, setting) -> {
                if (name.startsWith(prefix)) {
                    config.put(name.substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '.'), setting);
                }
            });
        }
        config.put("bootstrap.servers", bootstrap);
        config.put("key.serializer", ByteArraySerializer.class);
        config.put("value.serializer", ByteArraySerializer.class);
        return config;
    }

    /** requests/s, p99 latency (ms) and requests of {@code threads} threads each sending and awaiting one record at a time. */
    private static double[] run(Producer<byte[], byte[]> producer, ProducerRecord<byte[], byte[]> record, int threads,
            int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong failures = new AtomicLong();
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread worker = new Thread(() -> {
                long[] own = new long[1 << 16];
                int n = 0;
                long now;
                while ((now = System.nanoTime()) < deadline) {
                    try {
                        producer.send(record).get();
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    if (n == own.length) {
                        own = Arrays.copyOf(own, n * 2);
                    }
                    own[n++] = System.nanoTime() - now;
                }
                latencies[index] = own;
                counts[index] = n;
            }, "floor-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        if (failures.get() > 0) {
            System.err.println("floor: " + failures.get() + " sends failed");
        }
        double p99 = total == 0 ? 0 : all[Math.min(total - 1, (int) Math.ceil(total * 0.99) - 1)] / 1e6;
        return new double[] {total / elapsed, p99, total};
    }
}
