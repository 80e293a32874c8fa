package dev.castle.domain.format.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.castle.domain.Command;
import dev.castle.domain.Decision;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.Event;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistrySettings;
import dev.castle.domain.SchemaReference;
import dev.castle.domain.SchemaRequest;
import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.decide.Decider;
import dev.castle.domain.decide.Reads;
import dev.castle.domain.json.ResponseBodies;
import dev.castle.domain.state.RegistryModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Protobuf schemas registered through the Decider and read back through Reads, with no broker (spec §4, §8). */
class ProtobufRegistrationTest {
    private static final String CAR =
            "syntax = \"proto3\"; package cars; message Car { string make = 1; int32 year = 2; }";
    private static final String CAR_SPACED = "// a car\nsyntax = \"proto3\";\n\npackage cars;\n\nmessage Car {\n"
            + "  string make = 1;   // who made it\n  int32 year = 2;\n}\n";
    private static final String ENGINE = "syntax = \"proto3\"; package parts; message Engine { int32 cc = 1; }";
    private static final String TRUCK =
            "syntax = \"proto3\"; package cars; import \"engine.proto\"; message Truck { parts.Engine engine = 1; }";

    private final RegistryModel model = new RegistryModel();
    private final Decider decider = new Decider(RegistrySettings.defaults());
    private final Reads reads = new Reads(RegistrySettings.defaults());
    private long offset;

    private static SchemaRequest request(String schema, SchemaReference... references) {
        return SchemaRequest.of(SchemaType.PROTOBUF, schema, List.of(references));
    }

    private Decision decide(String subject, SchemaRequest request, boolean normalize) {
        Decision decision = decider.decide(new Command.RegisterSchema(subject, request, normalize), model);
        decision.events().forEach(event -> model.apply(event, offset++));
        return decision;
    }

    private int register(String subject, String schema, SchemaReference... references) {
        return ((ResponseBodies.RegisterResponse)
                        decide(subject, request(schema, references), false).response())
                .id();
    }

    private SchemaVersion stored(Decision decision) {
        return ((Event.SchemaUpserted) decision.events().get(0)).schema();
    }

    @Test
    void shouldStoreCanonicalTextAndGiveFormattingVariantsOneId() {
        // when
        Decision first = decide("cars", request(CAR_SPACED), false);
        int again = register("cars", CAR);
        int elsewhere = register("other", CAR);

        // then
        SchemaVersion version = stored(first);
        assertThat(version.schemaType()).isEqualTo(SchemaType.PROTOBUF);
        assertThat(version.schema()).doesNotContain("//").contains("message Car {");
        assertThat(again).isEqualTo(version.id());
        assertThat(elsewhere).isEqualTo(version.id());
        assertThat(model.versions("cars")).hasSize(1);
    }

    @Test
    void shouldRejectAnIncompatibleChangeWithConfluentDetails() {
        // given
        register("cars", CAR);

        // when
        RegistryException error = catchThrowableOfType(
                RegistryException.class,
                () -> decider.decide(
                        new Command.RegisterSchema("cars", request(CAR.replace("int32 year", "string year")), false),
                        model));

        // then
        assertThat(error.errorCode()).isEqualTo(ErrorCode.INCOMPATIBLE_SCHEMA);
        assertThat(error.getMessage())
                .contains("[{errorType:\"FIELD_SCALAR_KIND_CHANGED\", description:\"The kind of a SCALAR field at"
                        + " path '#/Car/2' in the new schema does not match its kind in the old schema\"}");
    }

    @Test
    void shouldResolveImportsThroughReferencesAndStoreTheConcreteVersion() {
        // given
        register("engine", ENGINE);

        // when
        Decision truck = decide("truck", request(TRUCK, new SchemaReference("engine.proto", "engine", -1)), false);

        // then
        assertThat(stored(truck).references()).containsExactly(new SchemaReference("engine.proto", "engine", 1));
        assertThat(model.referencedBy("engine", 1))
                .containsExactly(stored(truck).id());
    }

    @Test
    void shouldRenderSerializedAndLookUpTheBase64Form() {
        // given
        int id = register("cars", CAR);
        SchemaVersion version = model.versions("cars").get(0);

        // when
        String serialized = reads.render(model, version, "serialized");
        SchemaVersion found = reads.lookup(model, "cars", request(serialized), false, false);

        // then
        assertThat(found.id()).isEqualTo(id);
        assertThat(reads.render(model, version, "ignore_extensions")).isEqualTo(version.schema());
    }

    @Test
    void shouldStoreNormalizedTextWhenAsked() {
        // when
        Decision decision = decide(
                "norm",
                request("syntax = \"proto3\"; package n; message M { Inner b = 2; string a = 1; }"
                        + " message Inner { int32 x = 1; }"),
                true);

        // then
        String text = stored(decision).schema();
        assertThat(text.indexOf("string a = 1;")).isLessThan(text.indexOf("b = 2;"));
        assertThat(text).contains(".n.Inner b = 2;");
    }
}
