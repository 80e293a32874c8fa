package dev.castle.query;

import dev.castle.domain.ConfigValue;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.Mode;
import dev.castle.domain.QualifiedSubject;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistrySettings;
import dev.castle.domain.RegistryView;
import dev.castle.domain.json.ResponseBodies;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** {@code GET /config}, {@code GET /mode} (global and per subject, spec §2.5–2.6) and {@code GET /contexts} (§2.7). */
final class SettingQueries {
    /** The pseudo-context holding global defaults (spec §8.4). */
    static final String GLOBAL_CONTEXT = ":.__GLOBAL:";

    private final Function<Context, RegistryView> views;
    private final RegistrySettings settings;

    SettingQueries(Function<Context, RegistryView> views, RegistrySettings settings) {
        this.views = views;
        this.settings = settings;
    }

    /** {@code GET /config}. */
    void globalConfig(Context ctx) {
        RegistryView view = views.apply(ctx);
        ConfigValue config =
                firstOf(view::config, globalChain()).orElse(ConfigValue.of(settings.defaultCompatibility()));
        Json.send(ctx, ResponseBodies.config(config, ResponseBodies.RESPONSE_LEVEL));
    }

    /** {@code GET /config/{s}}: 40408 without a subject-level record unless {@code defaultToGlobal}. */
    void subjectConfig(Context ctx) {
        RegistryView view = views.apply(ctx);
        String subject = ctx.pathParam("subject");
        boolean defaultToGlobal = Params.flag(ctx, "defaultToGlobal");
        Optional<ConfigValue> config = firstOf(view::config, chain(subject, defaultToGlobal));
        if (config.isEmpty() && (defaultToGlobal || isGlobal(subject))) {
            config = Optional.of(ConfigValue.of(settings.defaultCompatibility()));
        }
        Json.send(
                ctx,
                ResponseBodies.config(
                        config.orElseThrow(
                                () -> new RegistryException(ErrorCode.SUBJECT_COMPATIBILITY_NOT_CONFIGURED, subject)),
                        ResponseBodies.RESPONSE_LEVEL));
    }

    /** {@code GET /mode}. */
    void globalMode(Context ctx) {
        Mode mode = firstOf(views.apply(ctx)::mode, globalChain()).orElse(Mode.READWRITE);
        Json.send(ctx, new ResponseBodies.ModeBody(mode.name()));
    }

    /** {@code GET /mode/{s}}: 40409 without a subject-level record unless {@code defaultToGlobal}. */
    void subjectMode(Context ctx) {
        String subject = ctx.pathParam("subject");
        boolean defaultToGlobal = Params.flag(ctx, "defaultToGlobal");
        Optional<Mode> mode = firstOf(views.apply(ctx)::mode, chain(subject, defaultToGlobal));
        if (mode.isEmpty() && (defaultToGlobal || isGlobal(subject))) {
            mode = Optional.of(Mode.READWRITE);
        }
        Mode found = mode.orElseThrow(() -> new RegistryException(ErrorCode.SUBJECT_MODE_NOT_CONFIGURED, subject));
        Json.send(ctx, new ResponseBodies.ModeBody(found.name()));
    }

    /** {@code GET /contexts}: the default context first, then every context in use; {@code contextPrefix} filters. */
    void contexts(Context ctx) {
        List<String> contexts = new ArrayList<>();
        contexts.add(QualifiedSubject.DEFAULT_CONTEXT);
        views.apply(ctx).contexts().stream()
                .filter(c -> !QualifiedSubject.DEFAULT_CONTEXT.equals(c))
                .forEach(contexts::add);
        // Confluent 8.x: only the contexts that start with contextPrefix, paged after filtering
        String prefix = ctx.queryParam("contextPrefix");
        if (prefix != null && !prefix.isEmpty()) {
            contexts.removeIf(context -> !context.startsWith(prefix));
        }
        Page page = Page.of(ctx);
        Json.send(ctx, page.apply(contexts));
    }

    /**
     * The records consulted for a subject, most specific first: the subject alone, or with {@code defaultToGlobal}
     * also its context, the global record and the {@code :.__GLOBAL:} pseudo-context. {@code :.:} is global.
     */
    static List<String> chain(String subject, boolean defaultToGlobal) {
        if (isGlobal(subject)) {
            return globalChain();
        }
        List<String> chain = new ArrayList<>();
        chain.add(subject);
        if (defaultToGlobal) {
            QualifiedSubject qualified = QualifiedSubject.parse(subject);
            if (!qualified.isDefaultContext() && !qualified.isContextLevel()) {
                chain.add(qualified.contextPrefix());
            }
            chain.addAll(globalChain());
        }
        return chain;
    }

    private static List<String> globalChain() {
        List<String> chain = new ArrayList<>();
        chain.add(null);
        chain.add(GLOBAL_CONTEXT);
        return chain;
    }

    private static boolean isGlobal(String subject) {
        return subject == null || subject.equals(":.:");
    }

    private static <T> Optional<T> firstOf(Function<String, Optional<T>> lookup, List<String> chain) {
        for (String key : chain) {
            Optional<T> found = lookup.apply(key);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
