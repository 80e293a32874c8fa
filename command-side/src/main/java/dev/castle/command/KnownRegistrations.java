package dev.castle.command;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The answers of re-registrations the local view answered without the leader, by the request as sent (subject,
 * {@code normalize}, body bytes), each kept with the log offset the view had applied when it was made. The fast path's
 * answer depends only on the view and the request, and the view changes only by applying a record, so an answer is
 * reused only while the applied offset is still the one it was made at: any record applied since — a registration, a
 * deletion, a config or mode change — makes every kept answer stale. Producers re-register the same few schemas each
 * time one starts, so this skips parsing the body and the schema, hashing and looking up for the common case.
 *
 * <p>Bounded like the read side's prepared bodies: at most {@link #MAX_ENTRIES} answers, to bodies of at most
 * {@link #MAX_BODY} bytes, holding at most {@link #MAX_BYTES} of bodies and answers together; when full it starts over.
 */
final class KnownRegistrations {
    static final int MAX_ENTRIES = 1024;
    static final int MAX_BODY = 64 * 1024;
    static final long MAX_BYTES = 8L * 1024 * 1024;

    private record Key(String subject, boolean normalize, ByteBuffer body) {}

    private record Answer(long offset, byte[] body) {}

    private final Map<Key, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();

    /** The answer kept for this request at {@code offset}, or null. */
    byte[] answer(String subject, boolean normalize, byte[] body, long offset) {
        if (offset < 0 || body.length > MAX_BODY) {
            return null;
        }
        Answer kept = answers.get(new Key(subject, normalize, ByteBuffer.wrap(body)));
        return kept != null && kept.offset() == offset ? kept.body() : null;
    }

    /**
     * Keeps the answer made for this request from a view that had applied {@code offset}; the offset must have been
     * read before the answer was made, so an answer never carries a newer offset than the state it was made from.
     */
    void keep(String subject, boolean normalize, byte[] body, long offset, byte[] answer) {
        if (offset < 0 || body.length > MAX_BODY) {
            return;
        }
        long size = body.length + answer.length;
        if (answers.size() >= MAX_ENTRIES || bytes.addAndGet(size) > MAX_BYTES) {
            answers.clear();
            bytes.set(size);
        }
        answers.put(new Key(subject, normalize, ByteBuffer.wrap(body)), new Answer(offset, answer));
    }
}
