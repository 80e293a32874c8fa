package dev.castle.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.domain.Association;
import dev.castle.domain.Association.Lifecycle;
import dev.castle.domain.RegistryView;
import dev.castle.domain.decide.AssociationQueries;
import dev.castle.domain.json.AssociationResponses;
import dev.castle.domain.json.Jackson;
import dev.castle.domain.json.ResponseBodies;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Confluent 8.x's association filters of {@code GET /schemas}: {@code resourceType}, {@code associationType} and
 * {@code lifecycle} (both repeatable; {@code NONE} asks for subjects without associations). With any of them a schema is
 * kept only when its subject's associations pass, and answered with those associations added.
 */
final class AssociationFilter {
    private static final String NONE = "NONE";

    private final String resourceType;
    private final List<String> types;
    private final Set<Lifecycle> lifecycles;
    private final boolean unassociated;

    private AssociationFilter(String resourceType, List<String> types, Set<Lifecycle> lifecycles, boolean none) {
        this.resourceType = resourceType;
        this.types = types;
        this.lifecycles = lifecycles;
        this.unassociated = none;
    }

    /** The request's filter, or null when it has none. */
    static AssociationFilter of(Context ctx) {
        String resourceType = Params.text(ctx, "resourceType");
        List<String> types = ctx.queryParams("associationType");
        List<String> lifecycleNames = ctx.queryParams("lifecycle");
        if (resourceType == null && types.isEmpty() && lifecycleNames.isEmpty()) {
            return null;
        }
        Set<Lifecycle> lifecycles = EnumSet.noneOf(Lifecycle.class);
        boolean none = false;
        for (String name : lifecycleNames) {
            if (NONE.equals(name)) {
                none = true;
            } else {
                lifecycles.add(AssociationReads.lifecycle(name));
            }
        }
        return new AssociationFilter(resourceType, types, lifecycles, none);
    }

    /** The schema's answer with its passing associations, or null when the filter drops it. */
    Object apply(RegistryView view, ResponseBodies.SchemaEntity entity) {
        List<Association> associations =
                AssociationQueries.bySubject(view, entity.subject(), resourceType, types, null);
        if (associations.isEmpty()) {
            return unassociated ? entity : null;
        }
        if (lifecycles.isEmpty()) {
            // no lifecycle asked: every association passes; only NONE asked: the subject has some, so it drops out
            return unassociated ? null : withAssociations(entity, associations);
        }
        List<Association> matching = associations.stream()
                .filter(a -> lifecycles.contains(a.lifecycle()))
                .toList();
        return matching.isEmpty() ? null : withAssociations(entity, matching);
    }

    private static ObjectNode withAssociations(ResponseBodies.SchemaEntity entity, List<Association> associations) {
        ObjectNode answer = Jackson.MAPPER.valueToTree(entity);
        ArrayNode list = answer.putArray("associations");
        associations.forEach(a -> list.add(Jackson.MAPPER.valueToTree(AssociationResponses.association(a))));
        return answer;
    }
}
