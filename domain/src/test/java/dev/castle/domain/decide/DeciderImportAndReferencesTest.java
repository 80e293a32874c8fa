package dev.castle.domain.decide;

import static dev.castle.domain.decide.DeciderRegisterTest.V1;
import static dev.castle.domain.decide.DeciderRegisterTest.V2;
import static dev.castle.domain.decide.DeciderRegisterTest.V2_NO_DEFAULT;
import static dev.castle.domain.decide.RegisterAnswers.registeredAs;
import static dev.castle.domain.decide.RegistryFixture.imported;
import static dev.castle.domain.decide.RegistryFixture.record;
import static dev.castle.domain.decide.RegistryFixture.registration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.Command;
import dev.castle.domain.CompatibilityLevel;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.Decision;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.Event;
import dev.castle.domain.Mode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.SchemaReference;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.state.Overlay;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeciderImportAndReferencesTest {
    static final String C = "{\"type\":\"enum\",\"name\":\"C\",\"namespace\":\"ns\",\"symbols\":[\"X\",\"Y\"]}";
    static final String B =
            "{\"type\":\"record\",\"name\":\"B\",\"namespace\":\"ns\",\"fields\":[{\"name\":\"c\",\"type\":\"C\"}]}";
    static final String A =
            "{\"type\":\"record\",\"name\":\"A\",\"namespace\":\"ns\",\"fields\":[{\"name\":\"b\",\"type\":\"B\"}]}";

    private final RegistryFixture registry = new RegistryFixture();

    @Test
    void shouldImportWithGivenIdAndVersionWithoutCompatibilityCheck() {
        // given
        registry.decide(new Command.SetMode(null, Mode.IMPORT, false));

        // when
        Decision first = registry.decide(new Command.RegisterSchema("s", imported(V1, 7, 3), false));
        Decision second = registry.decide(new Command.RegisterSchema("s", imported(V2_NO_DEFAULT, 9, 8), false));

        // then
        assertThat(first.response()).is(registeredAs(7));
        assertThat(second.response()).is(registeredAs(9));
        assertThat(registry.model.version("s", 8))
                .get()
                .extracting(SchemaVersion::id)
                .isEqualTo(9);
        assertThat(registry.model.maxId(".")).isEqualTo(9);
    }

    @Test
    void shouldRefuseToImportAnIdBoundToOtherContent() {
        registry.decide(new Command.SetMode(null, Mode.IMPORT, false));
        registry.decide(new Command.RegisterSchema("s", imported(V1, 5, 1), false));

        RegistryException error = registry.rejected(new Command.RegisterSchema("t", imported(V2, 5, 1), false));
        Decision same = registry.decide(new Command.RegisterSchema("t", imported(V1, 5, 1), false));

        assertThat(error.errorCode()).isEqualTo(ErrorCode.OPERATION_NOT_PERMITTED);
        assertThat(error.getMessage()).isEqualTo("Overwrite new schema with id 5 in context  is not permitted.");
        assertThat(same.response()).is(registeredAs(5));
    }

    @Test
    void shouldSkipDefaultValidationWhenImporting() {
        registry.decide(new Command.SetMode(null, Mode.IMPORT, false));
        String bad = record("r", "{\"name\":\"f\",\"type\":\"string\",\"default\":null}");

        assertThat(registry.decide(new Command.RegisterSchema("s", imported(bad, 1, 1), false))
                        .events())
                .hasSize(1);
    }

    @Test
    void shouldResolveLatestReferenceToConcreteVersionAndChainAcrossSubjects() {
        // given C <- B <- A across three subjects
        registry.register("c", C);
        registry.register("b", B, new SchemaReference("ns.C", "c", 1));

        // when A references B as "latest"
        Decision decision = registry.decide(registration("a", A, new SchemaReference("ns.B", "b", -1)));

        // then the stored reference names version 1 and B is referenced by A's id
        SchemaVersion stored = ((Event.SchemaUpserted) decision.events().get(0)).schema();
        assertThat(stored.references()).containsExactly(new SchemaReference("ns.B", "b", 1));
        assertThat(stored.schema()).isEqualTo(A);
        assertThat(registry.model.referencedBy("b", 1)).containsExactly(stored.id());
    }

    @Test
    void shouldRejectMissingReferenceAndCreateNothing() {
        RegistryException error = registry.rejected(registration("a", A, new SchemaReference("ns.B", "bad", 100)));

        assertThat(error.errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA);
        assertThat(error.getMessage())
                .startsWith("Invalid schema {subject=a,")
                .contains("with refs [{name='ns.B', subject='bad', version=100}]")
                .endsWith("No schema reference found for subject \"bad\" and version 100");
        assertThat(registry.model.subjects()).isEmpty();
    }

    @Test
    void shouldResolveReferenceSubjectsInTheReferrersContext() {
        registry.register(":.ctx:c", C);

        Decision decision = registry.decide(registration(":.ctx:b", B, new SchemaReference("ns.C", "c", 1)));

        assertThat(decision.response()).is(registeredAs(2));
        assertThat(registry.model.referencedBy(":.ctx:c", 1)).containsExactly(2);
    }

    @Test
    void shouldFindSchemaSentWithReferencesInlinedAsTheReferencingVersion() {
        registry.register("c", C);
        int id = registry.register("b", B, new SchemaReference("ns.C", "c", 1));
        String inlined = B.replace("\"type\":\"C\"", "\"type\":" + C);

        Decision decision = registry.decide(registration("b", inlined));

        assertThat(decision.response()).is(registeredAs(id));
        assertThat(decision.events()).isEmpty();
    }

    @Test
    void shouldKeepIdsPerContextAndAnnounceNewContextsOnce() {
        registry.register("s", V1);
        registry.register("s", V2);

        Decision first = registry.decide(registration(":.ctx:s", V2));
        Decision second = registry.decide(registration(":.ctx:t", V1));

        assertThat(first.response()).is(registeredAs(1));
        assertThat(first.events().get(0)).isEqualTo(new Event.ContextAdded("default", ".ctx"));
        assertThat(second.response()).is(registeredAs(2));
        assertThat(second.events()).hasSize(1);
    }

    @Test
    void shouldMatchReorderedPropertiesWhenNormalizing() {
        String first = "{\"type\":\"record\",\"name\":\"r\",\"a\":1,\"b\":2,\"fields\":[]}";
        String reordered = "{\"b\":2,\"fields\":[],\"a\":1,\"name\":\"r\",\"type\":\"record\"}";
        registry.decide(new Command.RegisterSchema("s", RegistryFixture.request(first), true));

        Decision normalized =
                registry.decide(new Command.RegisterSchema("s", RegistryFixture.request(reordered), true));
        Decision plain = registry.decide(new Command.RegisterSchema("t", RegistryFixture.request(reordered), false));

        assertThat(normalized.response()).is(registeredAs(1));
        assertThat(plain.response()).is(registeredAs(2));
    }

    @Test
    void shouldDeriveIdsAndVersionsFromAnOverlayWithinABatch() {
        // given a batch decided on an overlay that the store has not applied yet
        Overlay overlay = new Overlay(registry.model);
        Decider decider = registry.decider;

        // when
        Decision first = decider.decide(registration("s", V1), overlay);
        first.events().forEach(overlay::apply);
        Decision second = decider.decide(registration("s", V2), overlay);

        // then
        assertThat(first.response()).is(registeredAs(1));
        assertThat(second.response()).is(registeredAs(2));
        assertThat(((Event.SchemaUpserted) second.events().get(0)).schema().version())
                .isEqualTo(2);
        assertThat(registry.model.subjects()).isEmpty();
    }

    @Test
    void shouldRefuseInvalidProtobufSchemaWithItsTypeInTheMessage() {
        var request = dev.castle.domain.SchemaRequest.of(
                dev.castle.domain.SchemaType.PROTOBUF, "syntax = \"proto3\"; message {", List.of());

        RegistryException error = registry.rejected(new Command.RegisterSchema("s", request, false));

        assertThat(error.errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA);
        assertThat(error.getMessage())
                .startsWith("Invalid schema {subject=s,")
                .contains(" of type PROTOBUF, details: ");
        assertThat(registry.model.subjects()).isEmpty();
    }

    @Test
    void shouldNotReuseIdOfSchemaWithDifferentReferences() {
        registry.register("c", C);
        registry.register("c", C.replace("\"Y\"]", "\"Y\",\"Z\"]"));
        int first = registry.register("b", B, new SchemaReference("ns.C", "c", 1));

        int second = registry.register("b2", B, new SchemaReference("ns.C", "c", 2));

        assertThat(second).isNotEqualTo(first);
        assertThat(registry.register("b3", B, new SchemaReference("ns.C", "c", 1)))
                .isEqualTo(first);
    }

    @Test
    void shouldCheckCompatibilityThroughReferencedTypes() {
        // given A v1 referencing C v1 (symbols X, Y)
        registry.register("c", C);
        registry.register("a", B, new SchemaReference("ns.C", "c", 1));
        registry.decide(new Command.SetConfig("c", ConfigValue.of(CompatibilityLevel.NONE)));
        registry.register("c", C.replace("[\"X\",\"Y\"]", "[\"X\"]"));

        // when A v2 references C v2, which dropped symbol Y
        RegistryException error = registry.rejected(registration("a", B, new SchemaReference("ns.C", "c", 2)));

        // then the referenced enum is compared as part of A
        assertThat(error.errorCode()).isEqualTo(ErrorCode.INCOMPATIBLE_SCHEMA);
        assertThat(error.getMessage())
                .contains("errorType:'MISSING_ENUM_SYMBOLS'")
                .contains("'[Y]'");
    }

    @Test
    void shouldReportNameMismatchWhenAReferenceNamesAnotherType() {
        String other = "{\"type\":\"enum\",\"name\":\"D\",\"namespace\":\"ns\",\"symbols\":[\"X\",\"Y\"]}";
        registry.register("c", C);
        registry.register("d", other);
        registry.register("a", B, new SchemaReference("ns.C", "c", 1));

        RegistryException error =
                registry.rejected(registration("a", B.replace("\"C\"", "\"D\""), new SchemaReference("ns.D", "d", 1)));

        assertThat(error.getMessage()).contains("errorType:'NAME_MISMATCH'");
    }

    @Test
    void shouldSortReferencesWhenNormalizingSoReorderedReferencesMatch() {
        // given two independent referenced types
        String x = "{\"type\":\"fixed\",\"name\":\"X\",\"size\":1}";
        String y = "{\"type\":\"fixed\",\"name\":\"Y\",\"size\":2}";
        String both = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"x\",\"type\":\"X\"},"
                + "{\"name\":\"y\",\"type\":\"Y\"}]}";
        registry.register("x", x);
        registry.register("y", y);
        SchemaReference refX = new SchemaReference("X", "x", 1);
        SchemaReference refY = new SchemaReference("Y", "y", 1);

        // when registered with references in one order, then looked up and registered in the other
        Decision first =
                registry.decide(new Command.RegisterSchema("r", RegistryFixture.request(both, refY, refX), true));
        Decision again =
                registry.decide(new Command.RegisterSchema("r", RegistryFixture.request(both, refX, refY), true));

        // then the stored references are sorted and the second registration finds the first
        assertThat(((Event.SchemaUpserted) first.events().get(0)).schema().references())
                .containsExactly(refX, refY);
        assertThat(again.response()).isEqualTo(first.response());
        assertThat(again.events()).isEmpty();
        assertThat(registry.reads
                        .lookup(registry.model, "r", RegistryFixture.request(both, refY, refX), true, false)
                        .version())
                .isEqualTo(1);
    }
}
