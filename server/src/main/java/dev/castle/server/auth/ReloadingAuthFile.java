package dev.castle.server.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authfile as it is on disk: read at start (a file that cannot be read or parsed stops the start), then checked
 * every {@link #POLL} and read again when its modification time, size or identity changes (an edit, or a new file
 * moved or linked in its place, as Kubernetes does with mounted secrets). A new version that does not parse is logged
 * once with the reason, and the rules already loaded stay in force. Each new version read is counted as applied or
 * refused, so an operator (and a test) sees that a change was noticed even when it changed nothing.
 */
public final class ReloadingAuthFile implements Supplier<AuthFile>, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReloadingAuthFile.class);
    static final Duration POLL = Duration.ofSeconds(1);

    private final Path path;
    private volatile AuthFile current;
    private Stamp seen;
    private ScheduledExecutorService poller;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    /** What tells one version of the file from the next without reading it. */
    private record Stamp(long modifiedNanos, long size, Object fileKey) {
        static Stamp of(Path path) throws IOException {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return new Stamp(
                    attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), attributes.size(), attributes.fileKey());
        }
    }

    private ReloadingAuthFile(Path path, AuthFile first, Stamp stamp) {
        this.path = path;
        this.current = first;
        this.seen = stamp;
    }

    /** Loads the file without watching it; {@link #reloadIfChanged()} looks again. */
    static ReloadingAuthFile load(Path path) {
        try {
            Stamp stamp = Stamp.of(path);
            AuthFile file = AuthFile.parse(Files.readAllBytes(path));
            log.info("Registry authentication on: {} from {}", file, path);
            return new ReloadingAuthFile(path, file, stamp);
        } catch (IOException e) {
            throw new InvalidAuthFileException("Cannot read the authfile " + path + ": " + e);
        } catch (InvalidAuthFileException e) {
            throw new InvalidAuthFileException("The authfile " + path + " is invalid: " + e.getMessage());
        }
    }

    /** Loads the file and watches it for changes until closed. */
    public static ReloadingAuthFile watch(Path path) {
        ReloadingAuthFile file = load(path);
        file.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "castle-authfile");
            thread.setDaemon(true);
            return thread;
        });
        file.poller.scheduleWithFixedDelay(
                file::reloadIfChanged, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
        return file;
    }

    @Override
    public AuthFile get() {
        return current;
    }

    /** New versions of the file read since start whose rules came into force. */
    public long reloadsApplied() {
        return applied.get();
    }

    /** New versions of the file read since start that did not parse, so the rules before stayed in force. */
    public long reloadsRefused() {
        return refused.get();
    }

    /** Reads the file again if it changed since it was last read; returns whether new rules are now in force. */
    synchronized boolean reloadIfChanged() {
        Stamp stamp;
        try {
            stamp = Stamp.of(path);
        } catch (NoSuchFileException e) {
            if (seen != null) {
                log.warn("The authfile {} is gone; keeping the rules loaded before", path);
                seen = null;
            }
            return false;
        } catch (IOException e) {
            log.warn("Cannot look at the authfile {}; keeping the rules loaded before: {}", path, e.toString());
            return false;
        }
        if (Objects.equals(stamp, seen)) {
            return false;
        }
        seen = stamp;
        try {
            AuthFile file = AuthFile.parse(Files.readAllBytes(path));
            current = file;
            applied.incrementAndGet();
            log.info("Reloaded the authfile {}: {}", path, file);
            return true;
        } catch (IOException | InvalidAuthFileException e) {
            refused.incrementAndGet();
            log.warn(
                    "The authfile {} changed but is invalid; keeping the rules loaded before: {}",
                    path,
                    e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
