package dev.castle.query;

/**
 * Brings this node's view up to the log, for a read that found nothing: any write acknowledged (by any node) before the
 * call is in the view when it returns. The wait is bounded; when it runs out, the view answers with what it has.
 */
@FunctionalInterface
public interface CatchUp {
    /** For a view that cannot lag behind its source, such as a test's in-memory view. */
    CatchUp NONE = () -> {};

    /** Returns once the view has caught up with the log as it stood at the call, or once the bounded wait ran out. */
    void await();
}
