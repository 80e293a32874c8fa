package dev.castle.domain.decide;

import static dev.castle.domain.decide.RegisterAnswers.asJson;
import static dev.castle.domain.decide.RegistryFixture.field;
import static dev.castle.domain.decide.RegistryFixture.record;
import static dev.castle.domain.decide.RegistryFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.Association;
import dev.castle.domain.Association.Lifecycle;
import dev.castle.domain.AssociationRequest;
import dev.castle.domain.Command;
import dev.castle.domain.Decision;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.Event;
import dev.castle.domain.RegistryException;
import dev.castle.domain.SchemaReference;
import dev.castle.domain.SchemaRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Given registered schemas and associations, when an association command (or a delete it guards), then events. */
@SuppressWarnings("unchecked")
class DeciderAssociationsTest {
    private static final String ORDER = record("Order", field("id", "long"));
    private final RegistryFixture registry = new RegistryFixture();

    private static AssociationRequest.Item weak(String subject, String type) {
        return new AssociationRequest.Item(subject, type, Lifecycle.WEAK, null, null, null);
    }

    private static AssociationRequest.Item withSchema(String type, String schema) {
        return new AssociationRequest.Item(null, type, null, null, request(schema), null);
    }

    private static Command.PutAssociations create(String id, AssociationRequest.Item... items) {
        return new Command.PutAssociations(
                null, true, false, new AssociationRequest("orders", "lkc-1", id, null, List.of(items)));
    }

    private static Command.PutAssociations upsert(String id, AssociationRequest.Item... items) {
        return new Command.PutAssociations(
                null, false, false, new AssociationRequest("orders", "lkc-1", id, null, List.of(items)));
    }

    @Test
    void shouldCreateWeakAssociationsAndFindThemBySubjectAndResource() {
        // given
        registry.register("orders-key", "\"string\"");
        registry.register("orders-value", ORDER);

        // when
        Decision decision = registry.decide(create("id-1", weak("orders-key", "key"), weak("orders-value", null)));

        // then
        assertThat(decision.events()).hasSize(2).allMatch(e -> e instanceof Event.AssociationUpserted);
        Map<?, ?> response = asJson(decision.response());
        assertThat(response.get("resourceId")).isEqualTo("id-1");
        assertThat(response.get("resourceType")).isEqualTo("topic");
        assertThat((List<Object>) response.get("associations"))
                .containsExactly(
                        Map.of("subject", "orders-key", "associationType", "key", "lifecycle", "WEAK"),
                        Map.of("subject", "orders-value", "associationType", "value", "lifecycle", "WEAK"));
        assertThat(registry.model.associationsBySubject("orders-value"))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.resourceName()).isEqualTo("orders");
                    assertThat(a.resourceNamespace()).isEqualTo("lkc-1");
                    assertThat(a.lifecycle()).isEqualTo(Lifecycle.WEAK);
                    assertThat(a.frozen()).isFalse();
                    assertThat(a.guid()).isNotBlank();
                });
        assertThat(AssociationQueries.byResourceId(registry.model, "id-1", "topic", List.of(), null))
                .extracting(Association::associationType)
                .containsExactly("key", "value");
        assertThat(AssociationQueries.byResourceName(registry.model, "-", "lkc-1", "topic", List.of("key"), null))
                .extracting(Association::subject)
                .containsExactly("orders-key");
    }

    @Test
    void shouldRegisterTheSchemaOfAStrongAssociationUnderItsDefaultSubject() {
        // when
        Decision decision = registry.decide(create("id-1", withSchema("value", ORDER)));

        // then
        assertThat(registry.model.versions(":.lkc-1:orders-value")).hasSize(1);
        Association association =
                registry.model.associationsBySubject(":.lkc-1:orders-value").get(0);
        assertThat(association.lifecycle()).isEqualTo(Lifecycle.STRONG);
        assertThat(association.frozen()).isTrue();
        Map<?, ?> info = (Map<?, ?>) ((List<?>) (asJson(decision.response())).get("associations")).get(0);
        assertThat(info.containsKey("frozen")).isFalse();
        assertThat(((Map<?, ?>) info.get("schema")).get("version")).isEqualTo(1);
    }

    @Test
    void shouldRegisterASchemaWithMetadataGivenWithAnAssociation() {
        // given a schema whose registration answers the whole entity (it carries its own metadata)
        SchemaRequest withMetadata =
                DeciderDataContractsTest.request(ORDER, "{\"properties\":{\"owner\":\"o\"}}", null);

        // when
        Decision decision = registry.decide(
                create("id-1", new AssociationRequest.Item(null, "value", null, null, withMetadata, null)));

        // then
        assertThat(registry.model.versions(":.lkc-1:orders-value")).hasSize(1);
        Map<?, ?> info = (Map<?, ?>) ((List<?>) (asJson(decision.response())).get("associations")).get(0);
        assertThat(((Map<?, ?>) info.get("schema")).get("id")).isEqualTo(1);
    }

    @Test
    void shouldAnswerARepeatedCreateWithoutWritingAndRejectAChangedOne() {
        // given
        registry.register("a", ORDER);
        registry.register("b", ORDER);
        registry.decide(create("id-1", weak("a", "value")));

        // when
        Decision again = registry.decide(create("id-1", weak("a", "value")));
        RegistryException changed = registry.rejected(create("id-1", weak("b", "value")));

        // then
        assertThat(again.events()).isEmpty();
        assertThat(changed.errorCode()).isEqualTo(ErrorCode.ASSOCIATION_FOR_RESOURCE_EXISTS);
        assertThat(changed.getMessage())
                .isEqualTo("An association of type 'value' already exists for resource 'orders'");
    }

    @Test
    void shouldRejectInvalidRequestsWithTheProperty() {
        registry.register("a", ORDER);
        assertThat(registry.rejected(create(
                                "id-1", new AssociationRequest.Item(null, "value", Lifecycle.WEAK, null, null, null)))
                        .getMessage())
                .isEqualTo(
                        "The association specified an invalid value for property: 'subject', detail: must be provided"
                                + " for WEAK associations");
        assertThat(registry.rejected(create("id-1", weak("a", "other"))).getMessage())
                .isEqualTo("The association specified an invalid value for property: 'associationType', detail: must be"
                        + " either 'key' or 'value'");
        assertThat(registry.rejected(create(null, weak("a", "value"))).errorCode())
                .isEqualTo(ErrorCode.INVALID_ASSOCIATION);
        assertThat(registry.rejected(create("id-1", weak("a", "key"), weak("a", "key")))
                        .getMessage())
                .contains("'associationType', detail: may only appear once per request");
        assertThat(registry.rejected(create("id-1", weak("missing", "value"))).errorCode())
                .isEqualTo(ErrorCode.NO_ACTIVE_SUBJECT_VERSION);
    }

    @Test
    void shouldKeepAStronglyOwnedSubjectToItsTopic() {
        // given a topic owning its value subject
        registry.decide(create("id-1", withSchema("value", ORDER)));
        String owned = ":.lkc-1:orders-value";

        // when another topic shares it, a schema references it, or it is deleted
        RegistryException shared = registry.rejected(new Command.PutAssociations(
                null,
                true,
                false,
                new AssociationRequest("other", "lkc-1", "id-2", null, List.of(weak(owned, "value")))));
        RegistryException referenced = registry.rejected(RegistryFixture.registration(
                "ref", record("Ref", field("o", "Order")), new SchemaReference("Order", owned, 1)));
        RegistryException deleted = registry.rejected(new Command.DeleteSubject(owned, false));
        RegistryException updated = registry.rejected(
                upsert("id-1", new AssociationRequest.Item(null, "value", Lifecycle.WEAK, null, null, null)));

        // then
        assertThat(shared.errorCode()).isEqualTo(ErrorCode.STRONG_ASSOCIATION_FOR_SUBJECT_EXISTS);
        assertThat(referenced.errorCode()).isEqualTo(ErrorCode.OPERATION_NOT_PERMITTED);
        assertThat(referenced.getMessage())
                .isEqualTo("Subject '" + owned + "' has a strong association and cannot be referenced");
        assertThat(deleted.errorCode()).isEqualTo(ErrorCode.ASSOCIATION_FOR_SUBJECT_EXISTS);
        assertThat(updated.errorCode()).isEqualTo(ErrorCode.INVALID_ASSOCIATION);
    }

    @Test
    void shouldRefuseToSoftDeleteTheLastLiveVersionOfAnAssociatedSubject() {
        // given
        registry.register("a", ORDER);
        registry.decide(create("id-1", weak("a", "value")));

        // when
        RegistryException rejected = registry.rejected(new Command.DeleteVersion("a", 1, false));

        // then
        assertThat(rejected.errorCode()).isEqualTo(ErrorCode.NO_ACTIVE_SUBJECT_VERSION);
        assertThat(rejected.getMessage()).isEqualTo("No active (non-deleted) version exists for subject 'a'");
    }

    @Test
    void shouldUpdateAWeakAssociationAndRejectChangingItsSubject() {
        // given
        registry.register("a", ORDER);
        registry.register("b", ORDER);
        registry.decide(create("id-1", weak("a", "value")));
        String guid = registry.model.associationsBySubject("a").get(0).guid();

        // when the key type is added by upsert and the value's subject is changed
        Decision added = registry.decide(upsert("id-1", weak("b", "key")));
        RegistryException moved = registry.rejected(upsert("id-1", weak("b", "value")));

        // then
        assertThat(added.events()).singleElement().isInstanceOf(Event.AssociationUpserted.class);
        assertThat(registry.model.associationsByResourceId("id-1")).hasSize(2);
        assertThat(registry.model.associationsBySubject("a").get(0).guid()).isEqualTo(guid);
        assertThat(moved.getMessage()).contains("subject of association cannot be changed from 'a' to 'b'");
    }

    @Test
    void shouldDeleteAssociationsAndCascadeToAStrongSubject() {
        // given
        registry.register("a", ORDER);
        registry.decide(create("weak", weak("a", "value")));
        registry.decide(create("strong", withSchema("value", ORDER)));

        // when
        RegistryException missing =
                registry.rejected(new Command.DeleteAssociations("none", null, List.of(), false, false));
        RegistryException frozen =
                registry.rejected(new Command.DeleteAssociations("strong", null, List.of(), false, false));
        Decision weakDeleted = registry.decide(new Command.DeleteAssociations("weak", null, List.of(), true, false));
        Decision strongDeleted =
                registry.decide(new Command.DeleteAssociations("strong", null, List.of(), true, false));

        // then
        assertThat(missing.errorCode()).isEqualTo(ErrorCode.ASSOCIATION_NOT_FOUND);
        assertThat(missing.getMessage()).isEqualTo("Association for 'none' not found.");
        assertThat(frozen.errorCode()).isEqualTo(ErrorCode.ASSOCIATION_FROZEN);
        assertThat(weakDeleted.events()).singleElement().isInstanceOf(Event.AssociationTombstoned.class);
        assertThat(registry.model.versions("a")).hasSize(1);
        assertThat(strongDeleted.events())
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("AssociationTombstoned", "SubjectDeleted", "SchemaTombstoned");
        assertThat(registry.model.versions(":.lkc-1:orders-value")).isEmpty();
        assertThat(registry.model.associations()).isEmpty();
    }

    @Test
    void shouldDeleteOnlyAnEmptyContext() {
        // given
        registry.register(":.full:a", ORDER);
        registry.register(":.empty:a", ORDER);
        registry.decide(new Command.DeleteSubject(":.empty:a", false));
        registry.decide(new Command.DeleteSubject(":.empty:a", true));

        // when
        RegistryException notEmpty = registry.rejected(new Command.DeleteContext(":.full:"));
        Decision deleted = registry.decide(new Command.DeleteContext(".empty"));

        // then
        assertThat(notEmpty.errorCode()).isEqualTo(ErrorCode.CONTEXT_NOT_EMPTY);
        assertThat(notEmpty.getMessage()).isEqualTo("The specified context ':.full:' is not empty.");
        assertThat(deleted.events()).containsExactly(new Event.ContextDeleted("default", ".empty"));
        assertThat(registry.model.contexts()).containsExactly(".", ".full");
    }
}
