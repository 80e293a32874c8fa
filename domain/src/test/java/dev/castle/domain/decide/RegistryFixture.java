package dev.castle.domain.decide;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.castle.domain.Command;
import dev.castle.domain.Decision;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistrySettings;
import dev.castle.domain.SchemaReference;
import dev.castle.domain.SchemaRequest;
import dev.castle.domain.SchemaType;
import dev.castle.domain.json.ResponseBodies;
import dev.castle.domain.state.RegistryModel;
import java.util.List;

/** A registry folded from the Decider's own events: given commands, when a command, then events and answers. */
final class RegistryFixture {
    final RegistryModel model = new RegistryModel();
    final Decider decider;
    final Reads reads;
    private long offset;

    RegistryFixture() {
        this(RegistrySettings.defaults());
    }

    RegistryFixture(RegistrySettings settings) {
        this.decider = new Decider(settings);
        this.reads = new Reads(settings);
    }

    /** Decides the command and folds its events, as the leader and the store would. */
    Decision decide(Command command) {
        Decision decision = decider.decide(command, model);
        decision.events().forEach(event -> model.apply(event, offset++));
        return decision;
    }

    RegistryException rejected(Command command) {
        return catchThrowableOfType(RegistryException.class, () -> decider.decide(command, model));
    }

    int register(String subject, String schema) {
        return ((ResponseBodies.RegisterResponse)
                        decide(registration(subject, schema)).response())
                .id();
    }

    int register(String subject, String schema, SchemaReference... references) {
        return ((ResponseBodies.RegisterResponse)
                        decide(registration(subject, schema, references)).response())
                .id();
    }

    static Command.RegisterSchema registration(String subject, String schema, SchemaReference... references) {
        return new Command.RegisterSchema(subject, request(schema, references), false);
    }

    static SchemaRequest request(String schema, SchemaReference... references) {
        return SchemaRequest.of(SchemaType.AVRO, schema, List.of(references));
    }

    static SchemaRequest imported(String schema, int id, int version) {
        return new SchemaRequest(schema, SchemaType.AVRO, List.of(), id, version, null, null);
    }

    /** A record named {@code name} with the given field JSON objects. */
    static String record(String name, String... fields) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[" + String.join(",", fields) + "]}";
    }

    static String field(String name, String type) {
        return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\"}";
    }

    static String fieldWithDefault(String name, String type, String defaultJson) {
        return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"default\":" + defaultJson + "}";
    }
}
