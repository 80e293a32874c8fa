package dev.castle.server.backup;

import java.io.PrintWriter;

/**
 * A one-line progress report on the terminal ({@code \r}-rewritten, at most ten times a second); silent when the
 * process has no console, so that scripts and logs stay clean.
 */
final class Progress implements AutoCloseable {
    private static final long INTERVAL_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final String what;
    private final long total;
    private long lastShown;
    private long done;

    private Progress(PrintWriter out, String what, long total) {
        this.out = out;
        this.what = what;
        this.total = total;
    }

    /** Progress on the console if there is one; {@code total} may be 0 when unknown. */
    static Progress onConsole(String what, long total) {
        return new Progress(System.console() == null ? null : System.console().writer(), what, total);
    }

    static Progress to(PrintWriter out, String what, long total) {
        return new Progress(out, what, total);
    }

    void advance(long count) {
        done += count;
        long now = System.nanoTime();
        if (out != null && now - lastShown >= INTERVAL_NANOS) {
            lastShown = now;
            show();
        }
    }

    private void show() {
        String of = total > 0 ? " of " + total + " (" + Math.min(100, done * 100 / total) + "%)" : "";
        out.print("\r" + what + ": " + done + of);
        out.flush();
    }

    @Override
    public void close() {
        if (out != null) {
            show();
            out.println();
            out.flush();
        }
    }
}
