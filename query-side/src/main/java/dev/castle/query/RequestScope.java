package dev.castle.query;

import dev.castle.domain.RegistryView;
import io.javalin.http.Context;

/**
 * Narrows the view one request reads, for example to the subjects its user may read: whatever the narrowed view does
 * not hold, the read routes answer as missing, and listings leave out before paging.
 */
@FunctionalInterface
public interface RequestScope {
    /** Every request reads the whole view. */
    RequestScope WHOLE = (ctx, view) -> view;

    RegistryView narrow(Context ctx, RegistryView view);
}
