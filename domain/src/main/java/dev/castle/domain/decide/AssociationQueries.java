package dev.castle.domain.decide;

import dev.castle.domain.Association;
import dev.castle.domain.Association.Lifecycle;
import dev.castle.domain.RegistryView;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The association lookups of Confluent 8.x: by subject, by resource id, by resource name and namespace (either may be
 * the wildcard {@code -}), each filtered by resource type, association types (none: all) and lifecycle (null: any), in
 * {@link Association#ORDER}.
 */
public final class AssociationQueries {
    /** The resource name or namespace that matches any. */
    public static final String WILDCARD = "-";

    private AssociationQueries() {}

    public static List<Association> bySubject(
            RegistryView view, String subject, String resourceType, List<String> types, Lifecycle lifecycle) {
        return filter(view.associationsBySubject(subject), resourceType, types, lifecycle, a -> true);
    }

    public static List<Association> byResourceId(
            RegistryView view, String resourceId, String resourceType, List<String> types, Lifecycle lifecycle) {
        if (resourceId == null) {
            return List.of();
        }
        return filter(view.associationsByResourceId(resourceId), resourceType, types, lifecycle, a -> true);
    }

    public static List<Association> byResourceName(
            RegistryView view,
            String name,
            String namespace,
            String resourceType,
            List<String> types,
            Lifecycle lifecycle) {
        if (name == null || namespace == null) {
            return List.of();
        }
        Predicate<Association> resource =
                a -> (WILDCARD.equals(name) || a.resourceName().equals(name))
                        && (WILDCARD.equals(namespace) || a.resourceNamespace().equals(namespace));
        return filter(view.associations(), resourceType, types, lifecycle, resource);
    }

    /**
     * The associations of the most recently written resource among those given (several resources may share a name and
     * namespace): by last write, then creation, then resource id.
     */
    static List<Association> mostRecentResource(List<Association> associations) {
        Comparator<Association> recency = Comparator.comparing(
                        Association::updateTimestamp, Comparator.nullsFirst(Comparator.<Long>naturalOrder()))
                .thenComparing(Association::createTimestamp, Comparator.nullsFirst(Comparator.<Long>naturalOrder()))
                .thenComparing(Association::resourceId);
        String resourceId =
                associations.stream().max(recency).map(Association::resourceId).orElse(null);
        return associations.stream()
                .filter(a -> Objects.equals(a.resourceId(), resourceId))
                .toList();
    }

    private static List<Association> filter(
            List<Association> associations,
            String resourceType,
            List<String> types,
            Lifecycle lifecycle,
            Predicate<Association> resource) {
        return associations.stream()
                .filter(a -> resourceType == null || a.resourceType().equals(resourceType))
                .filter(a -> types == null || types.isEmpty() || types.contains(a.associationType()))
                .filter(a -> lifecycle == null || a.lifecycle() == lifecycle)
                .filter(resource)
                .sorted(Association.ORDER)
                .toList();
    }
}
