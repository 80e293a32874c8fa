package dev.castle.domain.decide;

import dev.castle.domain.Command;
import dev.castle.domain.Decision;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.Event;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistryView;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.VersionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Soft and permanent deletes of versions and subjects (spec §2.3, §4.4, §4.5). */
final class Deletions {
    private final Scopes scopes;

    Deletions(Scopes scopes) {
        this.scopes = scopes;
    }

    Decision deleteVersion(Command.DeleteVersion command, RegistryView view) {
        String subject = Subjects.qualified(command.subject());
        SchemaVersion target = target(view, subject, command);
        checkWritable(view, subject);
        AssociationRules.checkVersionDelete(view, target, command.permanent());
        checkNotReferenced(view, target);
        if (command.permanent() && !target.deleted()) {
            throw new RegistryException(ErrorCode.VERSION_NOT_SOFT_DELETED, subject, target.version());
        }
        List<Event> events = new ArrayList<>();
        if (command.permanent()) {
            events.add(new Event.SchemaTombstoned(subject, target.version()));
            if (view.versions(subject).size() == 1) {
                events.addAll(clearSubjectSettings(view, subject));
            }
        } else {
            events.add(new Event.SchemaUpserted(target.withDeleted(true)));
        }
        return new Decision(events, target.version());
    }

    private static SchemaVersion target(RegistryView view, String subject, Command.DeleteVersion command) {
        int version = command.version();
        Optional<SchemaVersion> found;
        if (version == VersionSpec.LATEST) {
            found = Subjects.latestLive(view, subject);
        } else {
            found = view.version(subject, version);
            if (found.isPresent() && found.get().deleted() && !command.permanent()) {
                throw new RegistryException(ErrorCode.VERSION_SOFT_DELETED, subject, version);
            }
        }
        if (found.isEmpty()) {
            if (view.versions(subject).isEmpty()) {
                throw new RegistryException(ErrorCode.SUBJECT_NOT_FOUND, subject);
            }
            throw new RegistryException(ErrorCode.VERSION_NOT_FOUND, version);
        }
        return found.get();
    }

    Decision deleteSubject(Command.DeleteSubject command, RegistryView view) {
        String subject = Subjects.qualified(command.subject());
        List<SchemaVersion> all = view.versions(subject);
        List<SchemaVersion> live = Subjects.live(view, subject);
        if (all.isEmpty()) {
            throw new RegistryException(ErrorCode.SUBJECT_NOT_FOUND, subject);
        }
        if (!command.permanent() && live.isEmpty()) {
            throw new RegistryException(ErrorCode.SUBJECT_SOFT_DELETED, subject);
        }
        checkWritable(view, subject);
        AssociationRules.checkSubjectDelete(view, subject);
        List<SchemaVersion> targets = command.permanent() ? all : live;
        List<Integer> deleted = new ArrayList<>();
        for (SchemaVersion target : targets) {
            checkNotReferenced(view, target);
            if (command.permanent() && !target.deleted()) {
                throw new RegistryException(ErrorCode.SUBJECT_NOT_SOFT_DELETED, subject);
            }
            deleted.add(target.version());
        }
        List<Event> events = new ArrayList<>();
        if (command.permanent()) {
            deleted.forEach(version -> events.add(new Event.SchemaTombstoned(subject, version)));
            events.addAll(clearSubjectSettings(view, subject));
        } else {
            events.add(new Event.SubjectDeleted(subject, deleted.get(deleted.size() - 1)));
        }
        return new Decision(events, deleted);
    }

    private void checkWritable(RegistryView view, String subject) {
        if (scopes.readOnly(view, subject)) {
            throw Registration.notPermitted(
                    "Subject " + subject + " in context " + Subjects.contextText(subject) + " is in read-only mode");
        }
    }

    static void checkNotReferenced(RegistryView view, SchemaVersion target) {
        if (!view.referencedBy(target.subject(), target.version()).isEmpty()) {
            throw new RegistryException(ErrorCode.REFERENCE_EXISTS, target.subject(), target.version());
        }
    }

    /** A subject whose last version is gone loses its mode and config records too. */
    private static List<Event> clearSubjectSettings(RegistryView view, String subject) {
        List<Event> events = new ArrayList<>();
        if (view.mode(subject).isPresent()) {
            events.add(new Event.ModeCleared(subject));
        }
        if (view.config(subject).isPresent()) {
            events.add(new Event.ConfigCleared(subject));
        }
        return events;
    }
}
