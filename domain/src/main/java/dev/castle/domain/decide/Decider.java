package dev.castle.domain.decide;

import dev.castle.domain.Command;
import dev.castle.domain.Decision;
import dev.castle.domain.RegistrySettings;
import dev.castle.domain.RegistryView;
import dev.castle.domain.format.SchemaFormats;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Decides a command against a view of the registry: a pure function of (command, view) returning the events to append
 * and the response, or throwing a {@link dev.castle.domain.RegistryException}. Ids and versions are derived from the
 * view alone, so the view may be an overlay of the store and earlier commands of the same batch.
 */
public final class Decider {
    private final Registration registration;
    private final Deletions deletions;
    private final ConfigRules configRules;
    private final ModeRules modeRules;
    private final Associations associations;
    private final AssociationBatches associationBatches;
    private final AssociationDeletions associationDeletions;

    public Decider(RegistrySettings settings) {
        this(settings, () -> UUID.randomUUID().toString());
    }

    /** @param guids the GUIDs of new associations (random, as Confluent's; tests fix them) */
    public Decider(RegistrySettings settings, Supplier<String> guids) {
        Scopes scopes = new Scopes(settings);
        SchemaResolver resolver = new SchemaResolver(SchemaFormats.standard(), settings.avroValidateDefaults());
        this.registration = new Registration(scopes, resolver);
        this.deletions = new Deletions(scopes);
        this.configRules = new ConfigRules(settings, scopes);
        this.modeRules = new ModeRules(settings, scopes);
        this.associations = new Associations(scopes, registration, new SchemaLookup(scopes, resolver), guids);
        this.associationDeletions = new AssociationDeletions(scopes, deletions);
        this.associationBatches = new AssociationBatches(associations, associationDeletions);
    }

    public Decision decide(Command command, RegistryView view) {
        if (command instanceof Command.RegisterSchema register) {
            return registration.register(register, view);
        } else if (command instanceof Command.TagSchema tag) {
            return registration.register(TagSchemaRequests.toRegistration(tag, view), view);
        } else if (command instanceof Command.DeleteVersion delete) {
            return deletions.deleteVersion(delete, view);
        } else if (command instanceof Command.DeleteSubject delete) {
            return deletions.deleteSubject(delete, view);
        } else if (command instanceof Command.SetConfig set) {
            return configRules.set(set, view);
        } else if (command instanceof Command.DeleteConfig delete) {
            return configRules.delete(delete, view);
        } else if (command instanceof Command.SetMode set) {
            return modeRules.set(set, view);
        } else if (command instanceof Command.DeleteMode delete) {
            return modeRules.delete(delete, view);
        } else if (command instanceof Command.PutAssociations put) {
            return associations.put(put, view);
        } else if (command instanceof Command.DeleteAssociations delete) {
            return associationDeletions.delete(delete, view);
        } else if (command instanceof Command.MutateAssociations mutate) {
            return associationBatches.mutate(mutate, view);
        } else if (command instanceof Command.DeleteContext delete) {
            return associationDeletions.deleteContext(delete, view);
        }
        throw new IllegalArgumentException("Unknown command " + command);
    }
}
