import dev.castle.domain.Event;
import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.state.RegistryModel;
import java.util.List;

/**
 * The fold's read cost without HTTP: folds N schemas (subject s-i, id i) into a RegistryModel and prints the mean time
 * of RegistryModel.versionsById (the GET /schemas/ids/{id} lookup) and latest (GET /subjects/{s}/versions/latest) on
 * the middle schema, five rounds of five million calls each, for each N given, so sizes can be compared in one run.
 *   java -Xmx2g -cp server/target/castle.jar bench/IndexProbe.java 1000 1000000
 */
public class IndexProbe {
    public static void main(String[] args) {
        for (String arg : args) {
            int n = Integer.parseInt(arg);
            RegistryModel model = new RegistryModel();
            for (int i = 1; i <= n; i++) {
                String schema = "{\"type\":\"record\",\"name\":\"R" + i + "\",\"fields\":[{\"name\":\"a" + i + "\",\"type\":\"int\"}]}";
                model.apply(new Event.SchemaUpserted(new SchemaVersion("s-" + i, 1, i, SchemaType.AVRO, schema, List.of(), null, null, false)), i);
            }
            int mid = (n + 1) / 2;
            String subject = "s-" + mid;
            long sink = 0;
            for (int round = 0; round < 5; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < 5_000_000; i++) {
                    sink += model.versionsById(".", mid).size();
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < 5_000_000; i++) {
                    sink += model.latest(subject, false).get().version();
                }
                long t2 = System.nanoTime();
                System.out.printf("n=%d round %d: versionsById %.0f ns, latest %.0f ns%n", n, round, (t1 - t0) / 5e6, (t2 - t1) / 5e6);
            }
            System.out.println(sink);
        }
    }
}
