package dev.castle.domain;

import java.util.List;

/**
 * What the Decider makes of a command: the events to append (possibly none) and the response body to send once they
 * are applied. {@code response} is a value Jackson serialises as Confluent's JSON (a record, a number, a list, a map).
 */
public record Decision(List<Event> events, Object response) {
    public Decision {
        events = List.copyOf(events);
    }

    public static Decision answer(Object response) {
        return new Decision(List.of(), response);
    }
}
