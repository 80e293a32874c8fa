package dev.castle.domain.decide;

import dev.castle.domain.Command;
import dev.castle.domain.Decision;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.Event;
import dev.castle.domain.Mode;
import dev.castle.domain.QualifiedSubject;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistrySettings;
import dev.castle.domain.RegistryView;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.json.ResponseBodies;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code PUT} and {@code DELETE /mode[/{s}]} (spec §2.6). Switching to IMPORT needs no live subject under the level
 * (unless forced) and first purges the soft-deleted versions left there.
 */
final class ModeRules {
    private final RegistrySettings settings;
    private final Scopes scopes;

    ModeRules(RegistrySettings settings, Scopes scopes) {
        this.settings = settings;
        this.scopes = scopes;
    }

    Decision set(Command.SetMode command, RegistryView view) {
        if (command.subject() != null) {
            Subjects.validate(command.subject(), true);
        }
        String level = Subjects.level(command.subject());
        if (command.mode() == Mode.FORWARD && !global(level)) {
            throw RegistryException.withMessage(ErrorCode.INVALID_MODE, "Forward mode only supported on global level");
        }
        checkMutable();
        List<Event> events = new ArrayList<>();
        if (command.mode() == Mode.IMPORT && scopes.mode(view, level) != Mode.IMPORT && !command.force()) {
            events.addAll(purgeForImport(view, level));
        }
        events.add(command.mode() == null ? new Event.ModeCleared(level) : new Event.ModeSet(level, command.mode()));
        return new Decision(events, ResponseBodies.ModeBody.of(command.mode()));
    }

    Decision delete(Command.DeleteMode command, RegistryView view) {
        String level = Subjects.level(command.subject());
        Optional<Mode> previous = scopes.modeRecord(view, level);
        if (previous.isEmpty() && !command.recursive()) {
            throw new RegistryException(ErrorCode.SUBJECT_NOT_FOUND, level);
        }
        checkMutable();
        List<Event> events = new ArrayList<>();
        events.add(new Event.ModeCleared(level));
        if (command.recursive()
                && level != null
                && QualifiedSubject.parse(level).isContextLevel()) {
            for (String subject : Subjects.matching(view, level)) {
                if (view.mode(subject).isPresent()) {
                    events.add(new Event.ModeCleared(subject));
                }
            }
        }
        return new Decision(events, ResponseBodies.ModeBody.of(previous.orElse(null)));
    }

    private static boolean global(String level) {
        return level == null || Scopes.GLOBAL_PSEUDO_CONTEXT.equals(level);
    }

    private void checkMutable() {
        if (!settings.modeMutability()) {
            throw Registration.notPermitted("Mode changes are not allowed");
        }
    }

    private static List<Event> purgeForImport(RegistryView view, String level) {
        List<String> subjects = Subjects.matching(view, level);
        for (String subject : subjects) {
            if (!Subjects.live(view, subject).isEmpty()) {
                throw Registration.notPermitted("Cannot import since found existing subjects");
            }
        }
        List<Event> events = new ArrayList<>();
        for (String subject : subjects) {
            for (SchemaVersion version : view.versions(subject)) {
                Deletions.checkNotReferenced(view, version);
                events.add(new Event.SchemaTombstoned(subject, version.version()));
            }
        }
        events.add(new Event.SubjectCleared(level));
        return events;
    }
}
