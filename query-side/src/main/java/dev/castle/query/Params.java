package dev.castle.query;

import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** Query and path parameters parsed the way Confluent's JAX-RS resources parse them. */
final class Params {
    private Params() {}

    /** JAX-RS semantics: {@code true} in any case is true, anything else (or absence) is false. */
    static boolean flag(Context ctx, String name) {
        return parseFlag(ctx.queryParam(name));
    }

    static boolean parseFlag(String value) {
        return value != null && value.equalsIgnoreCase("true");
    }

    /** An integer query parameter; a value that is not an integer is 404, as JAX-RS answers a failed conversion. */
    static int integer(Context ctx, String name, int defaultValue) {
        return parseInteger(ctx.queryParam(name), defaultValue);
    }

    static int parseInteger(String value, int defaultValue) {
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new RegistryException(ErrorCode.NOT_FOUND);
        }
    }

    /** The {@code {id}} path segment; anything but an integer is the generic 404 (spec §1.1). */
    static int schemaId(Context ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new RegistryException(ErrorCode.NOT_FOUND);
        }
    }

    /** A query parameter, or null when absent or empty. */
    static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * {@code findTags}: the tag names of every {@code findTags} parameter, each also split at commas (Confluent's own
     * client joins several names with commas on {@code versions/latest}); empty names dropped, empty when absent.
     */
    static List<String> findTags(Context ctx) {
        return splitNames(ctx.queryParams("findTags"));
    }

    private static List<String> splitNames(List<String> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String value : values) {
            for (String name : value.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        return names;
    }
}
