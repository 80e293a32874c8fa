package dev.castle.server.api;

import dev.castle.testing.TestHttp;
import java.util.StringJoiner;

/** Avro schema texts for the tests, written in Avro's canonical form (no whitespace) so stored text equals posted. */
final class Avro {
    private Avro() {}

    /** A record whose fields are {@code name:type} pairs, e.g. {@code record("r", "a:int", "b:string")}. */
    static String record(String name, String... fields) {
        StringJoiner joined = new StringJoiner(",");
        for (String field : fields) {
            String[] parts = field.split(":", 2);
            joined.add("{\"name\":\"" + parts[0] + "\",\"type\":\"" + parts[1] + "\"}");
        }
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[" + joined + "]}";
    }

    /** The record with one more {@code int} field that has a default (a backward- and forward-compatible change). */
    static String withDefaultedField(String record, String field) {
        return record.substring(0, record.length() - 2) + ",{\"name\":\"" + field
                + "\",\"type\":\"int\",\"default\":0}]}";
    }

    /** The JSON string literal of a schema text, as it appears inside a response body. */
    static String quoted(String schema) {
        return TestHttp.json(schema);
    }
}
