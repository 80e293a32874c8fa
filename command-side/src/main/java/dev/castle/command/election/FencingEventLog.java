package dev.castle.command.election;

import dev.castle.command.EventLog;
import dev.castle.command.LogWriteException;
import dev.castle.domain.Event;
import java.util.List;

/**
 * An {@link EventLog} for one term of leadership: once the log reports that another writer claimed it, this one tells
 * its owner and refuses every later append instead of claiming the log back, so a deposed leader steps down.
 */
public final class FencingEventLog implements EventLog {
    private final EventLog delegate;
    private final Runnable onFenced;
    private volatile boolean fenced;

    public FencingEventLog(EventLog delegate, Runnable onFenced) {
        this.delegate = delegate;
        this.onFenced = onFenced;
    }

    @Override
    public void open() {
        refuseIfFenced();
        delegate.open();
    }

    @Override
    public List<Long> append(List<Event> events) {
        refuseIfFenced();
        try {
            return delegate.append(events);
        } catch (LogWriteException e) {
            if (e.fenced()) {
                fenced = true;
                onFenced.run();
            }
            throw e;
        }
    }

    @Override
    public boolean fits(List<Event> events) {
        return delegate.fits(events);
    }

    private void refuseIfFenced() {
        if (fenced) {
            throw new LogWriteException("This node was fenced as leader and no longer writes", null, false);
        }
    }

    /** Whether the log refused a write because another writer claimed it. */
    public boolean fenced() {
        return fenced;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
