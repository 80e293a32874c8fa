package dev.castle.domain.decide;

import static dev.castle.domain.decide.RegisterAnswers.asJson;
import static dev.castle.domain.decide.RegistryFixture.field;
import static dev.castle.domain.decide.RegistryFixture.record;
import static dev.castle.domain.decide.RegistryFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.Association.Lifecycle;
import dev.castle.domain.AssociationBatch;
import dev.castle.domain.AssociationBatch.Op;
import dev.castle.domain.AssociationBatch.OpType;
import dev.castle.domain.AssociationRequest;
import dev.castle.domain.Command;
import dev.castle.domain.Decision;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.Event;
import dev.castle.domain.RegistryException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /associations:batchMutate} and {@code :batchGet}: per-resource results and errors in one answer. */
@SuppressWarnings("unchecked")
class DeciderAssociationBatchTest {
    private static final String ORDER = record("Order", field("id", "long"));
    private final RegistryFixture registry = new RegistryFixture();

    private static Op create(String subject, String type) {
        return new Op(
                OpType.CREATE, new AssociationRequest.Item(subject, type, Lifecycle.WEAK, null, null, null), false);
    }

    private static Op createWithSchema(String type, String schema) {
        return new Op(OpType.CREATE, new AssociationRequest.Item(null, type, null, null, request(schema), null), false);
    }

    private static AssociationBatch.Mutation resource(String name, String id, Op... ops) {
        return new AssociationBatch.Mutation(name, "lkc-1", id, null, List.of(ops));
    }

    private static Decision decide(RegistryFixture registry, boolean dryRun, AssociationBatch.Mutation... requests) {
        return registry.decide(new Command.MutateAssociations(null, dryRun, List.of(requests)));
    }

    private static List<Map<String, Object>> results(Decision decision) {
        return (List<Map<String, Object>>) asJson(decision.response()).get("results");
    }

    @Test
    void shouldApplyEachResourceOnItsOwnAndAnswerAResultOrAnErrorInOrder() {
        // given
        registry.register("a", ORDER);

        // when the second resource fails after an op that would have succeeded
        Decision decision = decide(
                registry,
                false,
                resource("orders", "id-1", create("a", "value")),
                resource("bad", "id-2", createWithSchema("key", ORDER), Op.delete("value", false)),
                resource("pay", "id-3", createWithSchema("value", ORDER)));

        // then the first and third are written, the second writes nothing and answers its error
        List<Map<String, Object>> results = results(decision);
        assertThat(results).hasSize(3);
        assertThat((Map<String, Object>) results.get(0).get("result"))
                .containsEntry("resourceName", "orders")
                .containsEntry("resourceId", "id-1")
                .containsEntry(
                        "associations",
                        List.of(Map.of("subject", "a", "associationType", "value", "lifecycle", "WEAK")));
        assertThat(results.get(1))
                .isEqualTo(Map.of(
                        "error",
                        Map.of(
                                "error_code",
                                40410,
                                "message",
                                new RegistryException(ErrorCode.ASSOCIATION_NOT_FOUND, "id-2").getMessage())));
        Map<String, Object> third = (Map<String, Object>) results.get(2).get("result");
        Map<String, Object> info = ((List<Map<String, Object>>) third.get("associations")).get(0);
        assertThat(info).containsEntry("subject", ":.lkc-1:pay-value").containsEntry("lifecycle", "STRONG");
        assertThat((Map<String, Object>) info.get("schema")).containsEntry("version", 1);
        assertThat(registry.model.versions(":.lkc-1:bad-key")).isEmpty();
        assertThat(AssociationQueries.byResourceId(registry.model, "id-2", "topic", List.of(), null))
                .isEmpty();
        assertThat(registry.model.associationsBySubject("a")).hasSize(1);
        assertThat(registry.model.versions(":.lkc-1:pay-value")).hasSize(1);
    }

    @Test
    void shouldDeleteThenCreateInOrderAndListTheResourcesAssociationsAfterwards() {
        // given
        registry.register("a", ORDER);
        registry.register("k", "\"string\"");
        decide(registry, false, resource("orders", "id-1", create("a", "value")));

        // when the value association (the type a DELETE names by default) goes and a key comes
        Decision decision =
                decide(registry, false, resource("orders", "id-1", Op.delete(null, false), create("k", "key")));

        // then
        assertThat(decision.events()).hasSize(2).first().isInstanceOf(Event.AssociationTombstoned.class);
        Map<String, Object> result =
                (Map<String, Object>) results(decision).get(0).get("result");
        assertThat((List<Map<String, Object>>) result.get("associations"))
                .extracting(m -> m.get("subject"))
                .containsExactly("k");
    }

    @Test
    void shouldAnswerTheSingleRoutesErrorsPerResource() {
        registry.register("a", ORDER);

        Decision decision = decide(
                registry,
                false,
                resource("orders", null, create("a", "value")),
                resource("orders", "id-1"),
                resource("orders", "id-1", create("a", "value"), Op.delete("value", false)),
                resource("orders", "id-9", Op.delete("key", false)));

        assertThat(results(decision))
                .extracting(r -> ((Map<String, Object>) r.get("error")).get("error_code"))
                .containsExactly(42212, 42212, 42212, 40410);
        assertThat(((Map<String, Object>) results(decision).get(2).get("error")).get("message"))
                .isEqualTo("The association specified an invalid value for property: 'associationType', detail: may "
                        + "only appear once per request, but 'value' appears more than once");
        assertThat(decision.events()).isEmpty();
    }

    @Test
    void shouldWriteNothingOnADryRunAndAnswerTheResourceWithoutAssociations() {
        registry.register("a", ORDER);

        Decision decision = decide(registry, true, resource("orders", null, create("a", "value")));

        assertThat(decision.events()).isEmpty();
        assertThat(results(decision).get(0))
                .isEqualTo(Map.of(
                        "result",
                        Map.of("resourceName", "orders", "resourceNamespace", "lkc-1", "resourceType", "topic")));
    }

    @Test
    void shouldLookUpEachResourceByIdOrNameWithSchemasWhenAsked() {
        // given
        decide(
                registry,
                false,
                resource("orders", "id-1", createWithSchema("value", ORDER)),
                resource("pay", "id-2", createWithSchema("value", ORDER)));

        // when
        Map<String, Object> answer = AssociationLookups.batchGet(
                registry.model,
                List.of(
                        new AssociationBatch.Lookup(null, null, "id-1", null, List.of("value"), null),
                        new AssociationBatch.Lookup("pay", "lkc-1", null, null, null, null),
                        new AssociationBatch.Lookup("pay", null, null, null, null, null),
                        new AssociationBatch.Lookup("-", "lkc-1", null, null, null, null),
                        new AssociationBatch.Lookup(null, null, "id-none", null, null, null)),
                true);

        // then
        List<Map<String, Object>> results =
                (List<Map<String, Object>>) asJson(answer).get("results");
        Map<String, Object> first = (Map<String, Object>) results.get(0).get("result");
        assertThat(first).containsEntry("resourceName", "orders").containsEntry("resourceId", "id-1");
        List<Map<String, Object>> infos = (List<Map<String, Object>>) first.get("associations");
        assertThat(infos).singleElement().satisfies(info -> assertThat(info)
                .containsEntry("associationType", "value")
                .containsKey("schema"));
        assertThat((Map<String, Object>) results.get(1).get("result")).containsEntry("resourceId", "id-2");
        assertThat(((Map<String, Object>) results.get(2).get("error")).get("error_code"))
                .isEqualTo(42212);
        assertThat(((Map<String, Object>) results.get(3).get("error")).get("error_code"))
                .isEqualTo(42212);
        assertThat(results.get(4))
                .isEqualTo(Map.of("result", Map.of("resourceId", "id-none", "resourceType", "topic")));
    }
}
