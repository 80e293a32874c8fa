package dev.castle.proto;

import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tags in Confluent's meta options: {@code option (confluent.message_meta) = {tags: [...]}} on a message and
 * {@code [(confluent.field_meta) = {tags: [...]}]} on a field. A target is named by a dotted path of message names
 * without the package ({@code Order.Line}), with the field name last for a field; a field of a {@code oneof} may also
 * be named through the oneof ({@code Order.payment.card}).
 *
 * <p>Editing a target rewrites its options as Confluent does: every {@code (confluent.*_meta)} option of the target is
 * merged into one aggregate {@code = {...}} value, repeated values become one list without duplicates, an aggregate
 * left empty is dropped, and the target's options are then in the order of a {@link HashMap} keyed by option name.
 */
public final class MetaTags {
    public static final String MESSAGE_META = "confluent.message_meta";
    public static final String FIELD_META = "confluent.field_meta";
    private static final String TAGS = "tags";

    private MetaTags() {}

    /** A message ({@code message} true) or a field, by path. */
    public record Target(String path, boolean message) {}

    /**
     * The canonical text of {@code file} with tags added to and then removed from each target.
     *
     * @throws IllegalArgumentException naming the message or field a path does not find
     */
    public static String edit(ProtoFile file, Map<Target, Set<String>> add, Map<Target, Set<String>> remove) {
        Set<Target> targets = new LinkedHashSet<>(add.keySet());
        targets.addAll(remove.keySet());
        List<TypeElement> types = file.element().getTypes();
        for (Target target : targets) {
            Set<String> adding = add.getOrDefault(target, Set.of());
            Set<String> removing = remove.getOrDefault(target, Set.of());
            Location location = locate(types, target);
            types = replace(types, location, 0, adding, removing);
        }
        return file.canonicalTextWith(types);
    }

    /** Every message and field that carries tags: a message, its oneof fields, its fields, then its nested messages. */
    public static Map<Target, Set<String>> tagged(ProtoFile file) {
        Map<Target, Set<String>> found = new LinkedHashMap<>();
        collect(file.element().getTypes(), "", found);
        return found;
    }

    private static void collect(List<TypeElement> scope, String prefix, Map<Target, Set<String>> found) {
        for (TypeElement type : scope) {
            if (type instanceof MessageElement message) {
                String name = prefix + message.getName();
                putIfTagged(found, new Target(name, true), tags(MESSAGE_META, message.getOptions()));
                for (OneOfElement oneOf : message.getOneOfs()) {
                    for (FieldElement field : oneOf.getFields()) {
                        putIfTagged(found, new Target(name + "." + field.getName(), false), fieldTags(field));
                    }
                }
                for (FieldElement field : message.getFields()) {
                    putIfTagged(found, new Target(name + "." + field.getName(), false), fieldTags(field));
                }
                collect(message.getNestedTypes(), name + ".", found);
            }
        }
    }

    private static Set<String> fieldTags(FieldElement field) {
        return tags(FIELD_META, field.getOptions());
    }

    private static void putIfTagged(Map<Target, Set<String>> found, Target target, Set<String> tags) {
        if (!tags.isEmpty()) {
            found.put(target, tags);
        }
    }

    private static Set<String> tags(String meta, List<OptionElement> options) {
        Set<String> tags = new LinkedHashSet<>();
        OptionElement merged = merged(options).get(meta);
        Object value = merged != null && merged.getValue() instanceof Map<?, ?> map ? map.get(TAGS) : null;
        if (value != null) {
            asList(value).forEach(tag -> tags.add(String.valueOf(tag)));
        }
        return tags;
    }

    /** Where a target is: message indexes within each scope's types, then (for a field) a oneof and a field index. */
    private record Location(List<Integer> messages, int oneOf, int field) {}

    private static Location locate(List<TypeElement> types, Target target) {
        String[] ids = target.path().split("\\.");
        int end = target.message() ? ids.length : ids.length - 1;
        List<Integer> path = new ArrayList<>();
        MessageElement message = null;
        int i = 0;
        for (; i < end; i++) {
            List<TypeElement> scope = i == 0 ? types : message.getNestedTypes();
            int index = indexOfMessage(scope, ids[i]);
            if (index >= 0) {
                message = (MessageElement) scope.get(index);
                path.add(index);
            } else if (i == end - 1 && !target.message()) {
                break; // the last name may be a oneof's
            } else {
                throw new IllegalArgumentException(
                        "No matching Message with name '" + ids[i] + "' found in the schema");
            }
        }
        if (target.message()) {
            return new Location(path, -1, -1);
        }
        String fieldName = ids[ids.length - 1];
        IllegalArgumentException missing =
                new IllegalArgumentException("No matching Field with name '" + fieldName + "' found in the schema");
        if (message == null) {
            throw missing;
        }
        if (i == end) {
            int index = indexOfField(message.getFields(), fieldName);
            if (index >= 0) {
                return new Location(path, -1, index);
            }
            for (int o = 0; o < message.getOneOfs().size(); o++) {
                index = indexOfField(message.getOneOfs().get(o).getFields(), fieldName);
                if (index >= 0) {
                    return new Location(path, o, index);
                }
            }
            throw missing;
        }
        for (int o = message.getOneOfs().size() - 1; o >= 0; o--) {
            if (message.getOneOfs().get(o).getName().equals(ids[i])) {
                int index = indexOfField(message.getOneOfs().get(o).getFields(), fieldName);
                if (index >= 0) {
                    return new Location(path, o, index);
                }
                break;
            }
        }
        throw missing;
    }

    private static int indexOfMessage(List<TypeElement> scope, String name) {
        for (int i = 0; i < scope.size(); i++) {
            if (scope.get(i) instanceof MessageElement && scope.get(i).getName().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfField(List<FieldElement> fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).getName().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static List<TypeElement> replace(
            List<TypeElement> scope, Location location, int depth, Set<String> add, Set<String> remove) {
        List<TypeElement> copy = new ArrayList<>(scope);
        int index = location.messages().get(depth);
        MessageElement message = (MessageElement) scope.get(index);
        if (depth < location.messages().size() - 1) {
            copy.set(
                    index,
                    with(
                            message,
                            replace(message.getNestedTypes(), location, depth + 1, add, remove),
                            message.getOptions(),
                            message.getFields(),
                            message.getOneOfs()));
        } else if (location.field() < 0) {
            copy.set(
                    index,
                    with(
                            message,
                            message.getNestedTypes(),
                            edited(MESSAGE_META, message.getOptions(), add, remove),
                            message.getFields(),
                            message.getOneOfs()));
        } else {
            copy.set(index, withField(message, location, add, remove));
        }
        return copy;
    }

    private static MessageElement withField(
            MessageElement message, Location location, Set<String> add, Set<String> remove) {
        if (location.oneOf() < 0) {
            return with(
                    message,
                    message.getNestedTypes(),
                    message.getOptions(),
                    editField(message.getFields(), location.field(), add, remove),
                    message.getOneOfs());
        }
        List<OneOfElement> oneOfs = new ArrayList<>(message.getOneOfs());
        OneOfElement oneOf = oneOfs.get(location.oneOf());
        oneOfs.set(
                location.oneOf(),
                oneOf.copy(
                        oneOf.getName(),
                        oneOf.getDocumentation(),
                        editField(oneOf.getFields(), location.field(), add, remove),
                        oneOf.getGroups(),
                        oneOf.getOptions(),
                        oneOf.getLocation()));
        return with(message, message.getNestedTypes(), message.getOptions(), message.getFields(), oneOfs);
    }

    private static List<FieldElement> editField(
            List<FieldElement> fields, int index, Set<String> add, Set<String> remove) {
        List<FieldElement> copy = new ArrayList<>(fields);
        FieldElement field = fields.get(index);
        copy.set(
                index,
                field.copy(
                        field.getLocation(),
                        field.getLabel(),
                        field.getType(),
                        field.getName(),
                        field.getDefaultValue(),
                        field.getJsonName(),
                        field.getTag(),
                        field.getDocumentation(),
                        edited(FIELD_META, field.getOptions(), add, remove)));
        return copy;
    }

    /** The options with the meta option's tags edited, merged as Confluent merges them. */
    @SuppressWarnings("unchecked")
    private static List<OptionElement> edited(
            String meta, List<OptionElement> options, Set<String> add, Set<String> remove) {
        List<OptionElement> all = new ArrayList<>(options);
        if (!add.isEmpty()) {
            all.add(new OptionElement(meta, OptionElement.Kind.MAP, Map.of(TAGS, new ArrayList<>(add)), true));
        }
        Map<String, OptionElement> merged = merged(all);
        OptionElement option = merged.get(meta);
        if (!remove.isEmpty()
                && option != null
                && option.getValue() instanceof Map<?, ?> map
                && map.get(TAGS) != null) {
            Map<String, Object> values = new LinkedHashMap<>((Map<String, Object>) map);
            Object tags = values.get(TAGS);
            List<Object> kept = new ArrayList<>(asList(tags));
            kept.removeIf(tag -> remove.contains(String.valueOf(tag)));
            if (kept.isEmpty()) {
                values.remove(TAGS);
            } else {
                values.put(TAGS, kept);
            }
            if (values.isEmpty()) {
                merged.remove(meta);
            } else {
                merged.put(meta, new OptionElement(meta, OptionElement.Kind.MAP, values, true));
            }
        }
        return new ArrayList<>(merged.values());
    }

    /** Options by name (a leading dot dropped), aggregates of the same name merged; a HashMap, as Confluent's. */
    private static Map<String, OptionElement> merged(List<OptionElement> options) {
        Map<String, OptionElement> merged = new HashMap<>();
        for (OptionElement option : options) {
            String name = option.getName().startsWith(".") ? option.getName().substring(1) : option.getName();
            OptionElement value = aggregate(option);
            merged.merge(name, value, MetaTags::merge);
        }
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static OptionElement merge(OptionElement existing, OptionElement replacement) {
        if (!(existing.getValue() instanceof Map<?, ?> before)
                || existing.getKind() != OptionElement.Kind.MAP
                || replacement.getKind() != OptionElement.Kind.MAP) {
            return replacement;
        }
        Map<String, Object> values = new LinkedHashMap<>((Map<String, Object>) before);
        ((Map<String, Object>) replacement.getValue())
                .forEach((key, value) -> values.merge(key, value, (a, b) -> {
                    Set<Object> union = new LinkedHashSet<>();
                    union.addAll(asList(a));
                    union.addAll(asList(b));
                    return new ArrayList<>(union);
                }));
        return new OptionElement(replacement.getName(), OptionElement.Kind.MAP, values, replacement.isParenthesized());
    }

    /** A tag value, which may be one value or a list of them, as a list. */
    private static List<?> asList(Object value) {
        return value instanceof List<?> list ? list : List.of(value);
    }

    /** {@code (a).b = v} as the aggregate {@code (a) = {b: v}}; other options unchanged. */
    private static OptionElement aggregate(OptionElement option) {
        if (option.getKind() != OptionElement.Kind.OPTION) {
            return option;
        }
        return new OptionElement(option.getName(), OptionElement.Kind.MAP, asMap(option), option.isParenthesized());
    }

    private static Map<String, Object> asMap(OptionElement option) {
        OptionElement inner = (OptionElement) option.getValue();
        Object value = inner.getValue();
        switch (inner.getKind()) {
            case BOOLEAN, ENUM, NUMBER -> value = new OptionElement.OptionPrimitive(inner.getKind(), value);
            case OPTION -> value = asMap(inner);
            default -> {}
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(inner.getName(), value);
        return map;
    }

    private static MessageElement with(
            MessageElement m,
            List<TypeElement> nested,
            List<OptionElement> options,
            List<FieldElement> fields,
            List<OneOfElement> oneOfs) {
        return m.copy(
                m.getLocation(),
                m.getName(),
                m.getDocumentation(),
                nested,
                options,
                m.getReserveds(),
                fields,
                oneOfs,
                m.getExtensions(),
                m.getGroups(),
                m.getExtendDeclarations());
    }
}
