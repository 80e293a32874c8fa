package dev.castle.command.election;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The node's current {@link Role}, as a future that is pending while an election runs. Each rebalance starts a new
 * epoch; an outcome computed in an earlier epoch is dropped, so a late transition never overrides a newer rebalance.
 */
final class Roles {
    private CompletableFuture<Role> current = new CompletableFuture<>();
    private long epoch;

    /** A rebalance began: writes wait for its outcome. Returns the new epoch. */
    synchronized long electing() {
        epoch++;
        if (current.isDone()) {
            current = new CompletableFuture<>();
        }
        return epoch;
    }

    /** The epoch an outcome heard now belongs to. */
    synchronized long epoch() {
        return epoch;
    }

    /** Whether no rebalance began since {@code epoch}. */
    synchronized boolean isCurrent(long epoch) {
        return this.epoch == epoch;
    }

    /** Sets the role decided in {@code epoch}, unless a newer rebalance began meanwhile. */
    synchronized void set(long epoch, Role role) {
        if (this.epoch != epoch) {
            return;
        }
        if (current.isDone()) {
            current = CompletableFuture.completedFuture(role);
        } else {
            current.complete(role);
        }
    }

    /** The role if no election runs. */
    synchronized Optional<Role> settled() {
        return current.isDone() && !current.isCompletedExceptionally() ? Optional.of(current.join()) : Optional.empty();
    }

    /** The role, waiting at most {@code wait} for a running election; fails with a timeout after that. */
    CompletableFuture<Role> current(Duration wait) {
        CompletableFuture<Role> role;
        synchronized (this) {
            role = current;
        }
        return role.isDone() ? role : role.copy().orTimeout(wait.toMillis(), TimeUnit.MILLISECONDS);
    }
}
