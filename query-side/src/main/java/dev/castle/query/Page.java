package dev.castle.query;

import dev.castle.domain.RegistrySettings;
import io.javalin.http.Context;
import java.util.List;

/**
 * One page of a listing: {@code offset} items skipped (negative means 0), then at most {@code limit} items (zero or
 * negative means no limit).
 */
record Page(int offset, int limit) {

    static Page of(int offset, int limit) {
        return new Page(Math.max(offset, 0), limit);
    }

    /** {@code GET /schemas}: a limit of zero or less means the default, and no limit exceeds the maximum. */
    static Page bounded(int offset, int limit, int defaultLimit, int maxLimit) {
        int effective = limit <= 0 ? defaultLimit : Math.min(limit, maxLimit);
        return new Page(Math.max(offset, 0), effective);
    }

    /** The page the request's {@code offset} and {@code limit} parameters ask for. */
    static Page of(Context ctx) {
        return of(Params.integer(ctx, "offset", 0), Params.integer(ctx, "limit", -1));
    }

    /** As {@link #of(Context)}, bounded by the search limits of {@code settings} ({@link #bounded}). */
    static Page bounded(Context ctx, RegistrySettings settings) {
        return bounded(
                Params.integer(ctx, "offset", 0),
                Params.integer(ctx, "limit", -1),
                settings.searchDefaultLimit(),
                settings.searchMaxLimit());
    }

    <T> List<T> apply(List<T> items) {
        if (offset >= items.size()) {
            return List.of();
        }
        int end = limit <= 0 ? items.size() : (int) Math.min((long) offset + limit, items.size());
        return List.copyOf(items.subList(offset, end));
    }
}
