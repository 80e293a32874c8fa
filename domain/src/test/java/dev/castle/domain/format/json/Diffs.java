package dev.castle.domain.format.json;

import dev.castle.jsonschema.Difference;
import dev.castle.jsonschema.SchemaDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test helper: the differences Castle's JSON Schema diff finds between two schema texts. */
final class Diffs {
    private static final JsonSchemaFormat FORMAT = new JsonSchemaFormat();

    private Diffs() {}

    static JsonSchema parse(String text) {
        return (JsonSchema) FORMAT.parse(text, Map.of(), true);
    }

    /** Every difference from {@code original} (writer) to {@code update} (reader), as {@code TYPE path}. */
    static List<String> changes(String original, String update) {
        List<String> changes = new ArrayList<>();
        for (Difference difference :
                SchemaDiff.differences(parse(original).shape(), parse(update).shape())) {
            changes.add(difference.toString());
        }
        return changes;
    }

    /** True when {@code update} can read everything written with {@code original}. */
    static boolean canRead(String update, String original) {
        return parse(update).readDifferences(parse(original)).isEmpty();
    }
}
