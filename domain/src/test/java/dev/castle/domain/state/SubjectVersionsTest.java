package dev.castle.domain.state;

import static dev.castle.domain.state.Fixtures.avro;
import static dev.castle.domain.state.Fixtures.schema;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.SchemaVersion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubjectVersionsTest {

    @Test
    void shouldKeepVersionsInOrderWhateverOrderTheyCome() {
        SubjectVersions versions = new SubjectVersions();

        versions.put(schema("s", 3, 3, avro("C")));
        versions.put(schema("s", 1, 1, avro("A")));
        versions.put(schema("s", 2, 2, avro("B")));
        SchemaVersion replaced = versions.put(schema("s", 2, 4, avro("D")));

        assertThat(versions.list()).extracting(SchemaVersion::version).containsExactly(1, 2, 3);
        assertThat(versions.get(2).id()).isEqualTo(4);
        assertThat(replaced.id()).isEqualTo(2);
        assertThat(versions.get(7)).isNull();
    }

    @Test
    void shouldRemoveAndFindTheLatest() {
        SubjectVersions versions = new SubjectVersions();
        versions.put(schema("s", 1, 1, avro("A")));
        versions.put(schema("s", 2, 2, avro("B")));

        SchemaVersion removed = versions.remove(2);

        assertThat(removed.version()).isEqualTo(2);
        assertThat(versions.remove(2)).isNull();
        assertThat(versions.latest(false)).map(SchemaVersion::version).contains(1);
        assertThat(versions.remove(1)).isNotNull();
        assertThat(versions.isEmpty()).isTrue();
        assertThat(versions.latest(true)).isEmpty();
    }

    @Test
    void shouldSoftDeleteUpToAVersionAndThenDropTheDeleted() {
        SubjectVersions versions = new SubjectVersions();
        for (int v = 1; v <= 4; v++) {
            versions.put(schema("s", v, v, avro("V" + v)));
        }
        List<Integer> marked = new ArrayList<>();
        List<Integer> dropped = new ArrayList<>();

        versions.softDelete(2, live -> marked.add(live.version()));
        versions.softDelete(2, live -> marked.add(live.version()));
        Integer latestLive = versions.latest(false).orElseThrow().version();
        Integer latestAny = versions.latest(true).orElseThrow().version();
        versions.removeDeleted(gone -> dropped.add(gone.version()));

        assertThat(marked).as("each version is marked once").containsExactly(1, 2);
        assertThat(latestLive).isEqualTo(4);
        assertThat(latestAny).isEqualTo(4);
        assertThat(dropped).containsExactly(1, 2);
        assertThat(versions.list()).extracting(SchemaVersion::version).containsExactly(3, 4);
    }
}
