package dev.castle.domain;

import java.util.Comparator;
import java.util.Objects;

/**
 * A Confluent 8.x association of a schema subject with a resource (a Kafka topic), as one ASSOC record of
 * {@code _schemas} holds it. {@code subject} is the stored form (qualified with its context when not in the default
 * one). The timestamps are those of the records that created and last wrote it, known only once the record is folded
 * (null in a decision).
 */
public record Association(
        String guid,
        String tenant,
        String resourceName,
        String resourceNamespace,
        String resourceId,
        String resourceType,
        String associationType,
        String subject,
        Lifecycle lifecycle,
        boolean frozen,
        Long createTimestamp,
        Long updateTimestamp) {

    /** The tenant of every record a single-tenant registry writes. */
    public static final String DEFAULT_TENANT = "default";

    /** Confluent's only resource type so far. */
    public static final String TOPIC = "topic";

    /** The order Confluent lists associations in: resource name, namespace and type, association type, subject. */
    public static final Comparator<Association> ORDER = Comparator.comparing(Association::key, Key.ORDER);

    /** STRONG: the topic owns the subject (frozen, deleted with it); WEAK: the subject is shared. */
    public enum Lifecycle {
        STRONG,
        WEAK
    }

    /** The ASSOC record key: what identifies an association for compaction. */
    public record Key(
            String tenant,
            String resourceName,
            String resourceNamespace,
            String resourceType,
            String associationType,
            String subject) {
        public Key {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(resourceName, "resourceName");
            Objects.requireNonNull(resourceNamespace, "resourceNamespace");
            Objects.requireNonNull(resourceType, "resourceType");
            Objects.requireNonNull(associationType, "associationType");
            Objects.requireNonNull(subject, "subject");
        }

        public static final Comparator<Key> ORDER = Comparator.comparing(Key::tenant)
                .thenComparing(Key::resourceName)
                .thenComparing(Key::resourceNamespace)
                .thenComparing(Key::resourceType)
                .thenComparing(Key::associationType)
                .thenComparing(Key::subject);
    }

    public Association {
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(lifecycle, "lifecycle");
    }

    public Key key() {
        return new Key(tenant, resourceName, resourceNamespace, resourceType, associationType, subject);
    }

    /** The same association as written by a record at {@code timestamp}, first created at {@code created}. */
    public Association withTimestamps(Long created, Long updated) {
        return new Association(
                guid,
                tenant,
                resourceName,
                resourceNamespace,
                resourceId,
                resourceType,
                associationType,
                subject,
                lifecycle,
                frozen,
                created,
                updated);
    }
}
