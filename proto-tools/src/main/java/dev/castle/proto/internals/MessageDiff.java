package dev.castle.proto.internals;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import dev.castle.proto.ProtoDifference.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Walks two versions of a file's types: messages and enums matched by name at each nesting level, fields and enum
 * constants by tag, oneofs by name (Confluent's Protobuf rules).
 */
public final class MessageDiff {

    private MessageDiff() {}

    static void compareFiles(DiffContext ctx, FileDescriptor original, FileDescriptor update) {
        if (!original.getPackage().equals(update.getPackage())) {
            ctx.add(Type.PACKAGE_CHANGED);
        }
        compareTypes(
                ctx,
                original.getMessageTypes(),
                original.getEnumTypes(),
                update.getMessageTypes(),
                update.getEnumTypes());
    }

    static void compareTypes(
            DiffContext ctx,
            List<Descriptor> originalMessages,
            List<EnumDescriptor> originalEnums,
            List<Descriptor> updateMessages,
            List<EnumDescriptor> updateEnums) {
        Map<String, Descriptor> before = declared(originalMessages);
        Map<String, Descriptor> after = declared(updateMessages);
        List<String> beforeOrder = new ArrayList<>(before.keySet());
        List<String> afterOrder = new ArrayList<>(after.keySet());
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            ctx.push(name);
            if (!after.containsKey(name)) {
                ctx.add(Type.MESSAGE_REMOVED);
            } else if (!before.containsKey(name)) {
                ctx.add(Type.MESSAGE_ADDED);
            } else {
                compareMessages(ctx, before.get(name), after.get(name));
                if (beforeOrder.indexOf(name) != afterOrder.indexOf(name)) {
                    ctx.add(Type.MESSAGE_MOVED);
                }
            }
            ctx.pop();
        }
        compareEnums(ctx, originalEnums, updateEnums);
    }

    private static void compareEnums(DiffContext ctx, List<EnumDescriptor> original, List<EnumDescriptor> update) {
        Map<String, EnumDescriptor> before = new HashMap<>();
        original.forEach(e -> before.put(e.getName(), e));
        Map<String, EnumDescriptor> after = new HashMap<>();
        update.forEach(e -> after.put(e.getName(), e));
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            ctx.push(name);
            if (!after.containsKey(name)) {
                ctx.add(Type.ENUM_REMOVED);
            } else if (!before.containsKey(name)) {
                ctx.add(Type.ENUM_ADDED);
            } else {
                compareConstants(ctx, before.get(name), after.get(name));
            }
            ctx.pop();
        }
    }

    private static void compareConstants(DiffContext ctx, EnumDescriptor original, EnumDescriptor update) {
        Map<Integer, Set<String>> before = constants(original);
        Map<Integer, Set<String>> after = constants(update);
        Set<Integer> tags = new TreeSet<>(before.keySet());
        tags.addAll(after.keySet());
        for (int tag : tags) {
            ctx.push(String.valueOf(tag));
            if (!after.containsKey(tag)) {
                ctx.add(Type.ENUM_CONST_REMOVED);
            } else if (!before.containsKey(tag)) {
                ctx.add(Type.ENUM_CONST_ADDED);
            } else if (!before.get(tag).equals(after.get(tag))) {
                ctx.add(Type.ENUM_CONST_CHANGED);
            }
            ctx.pop();
        }
    }

    /** Constant names by number (several with {@code allow_alias}), so reordering aliases changes nothing. */
    private static Map<Integer, Set<String>> constants(EnumDescriptor element) {
        Map<Integer, Set<String>> byNumber = new HashMap<>();
        for (EnumValueDescriptor value : element.getValues()) {
            byNumber.computeIfAbsent(value.getNumber(), n -> new TreeSet<>()).add(value.getName());
        }
        return byNumber;
    }

    static void compareMessages(DiffContext ctx, Descriptor original, Descriptor update) {
        if (ctx.enter(original)) {
            try {
                compareMembers(ctx, original, update);
            } finally {
                ctx.leave(original);
            }
        }
        compareTypes(
                ctx,
                original.getNestedTypes(),
                original.getEnumTypes(),
                update.getNestedTypes(),
                update.getEnumTypes());
    }

    private static void compareMembers(DiffContext ctx, Descriptor original, Descriptor update) {
        Map<Integer, FieldDescriptor> before = plainFields(original);
        Map<Integer, FieldDescriptor> after = plainFields(update);
        Set<Integer> beforeOneOfTags = new HashSet<>();
        Map<String, OneofDescriptor> beforeOneOfs = oneOfs(original);
        beforeOneOfs.values().forEach(o -> o.getFields().forEach(f -> beforeOneOfTags.add(f.getNumber())));
        Map<String, OneofDescriptor> afterOneOfs = oneOfs(update);
        for (OneofDescriptor oneOf : afterOneOfs.values()) {
            checkMovedIntoOneOf(ctx, oneOf, before, beforeOneOfTags);
        }
        Set<String> oneOfNames = new TreeSet<>(beforeOneOfs.keySet());
        oneOfNames.addAll(afterOneOfs.keySet());
        for (String name : oneOfNames) {
            ctx.push(name);
            if (!afterOneOfs.containsKey(name)) {
                ctx.add(Type.ONEOF_REMOVED);
            } else if (!beforeOneOfs.containsKey(name)) {
                ctx.add(Type.ONEOF_ADDED);
            } else {
                compareOneOf(ctx, beforeOneOfs.get(name), afterOneOfs.get(name));
            }
            ctx.pop();
        }
        Set<Integer> tags = new TreeSet<>(before.keySet());
        tags.addAll(after.keySet());
        for (int tag : tags) {
            ctx.push(String.valueOf(tag));
            FieldDescriptor was = before.get(tag);
            FieldDescriptor is = after.get(tag);
            if (is == null) {
                ctx.add(was.isRequired() ? Type.REQUIRED_FIELD_REMOVED : Type.FIELD_REMOVED);
            } else if (was == null) {
                ctx.add(is.isRequired() ? Type.REQUIRED_FIELD_ADDED : Type.FIELD_ADDED);
            } else {
                FieldDiff.compare(ctx, was, is);
            }
            ctx.pop();
        }
    }

    /** Fields moved from outside any oneof into one oneof: several is breaking, one joining old members too. */
    private static void checkMovedIntoOneOf(
            DiffContext ctx,
            OneofDescriptor oneOf,
            Map<Integer, FieldDescriptor> before,
            Set<Integer> beforeOneOfTags) {
        int moved = 0;
        int existing = 0;
        for (FieldDescriptor field : oneOf.getFields()) {
            if (before.remove(field.getNumber()) != null) {
                moved++;
            } else if (beforeOneOfTags.contains(field.getNumber())) {
                existing++;
            }
        }
        ctx.push(oneOf.getName());
        if (moved > 1) {
            ctx.add(Type.MULTIPLE_FIELDS_MOVED_TO_ONEOF);
        } else if (moved == 1 && existing > 0) {
            ctx.add(Type.FIELD_MOVED_TO_EXISTING_ONEOF);
        }
        ctx.pop();
    }

    private static void compareOneOf(DiffContext ctx, OneofDescriptor original, OneofDescriptor update) {
        Map<Integer, FieldDescriptor> before = new TreeMap<>();
        original.getFields().forEach(f -> before.put(f.getNumber(), f));
        Map<Integer, FieldDescriptor> after = new TreeMap<>();
        update.getFields().forEach(f -> after.put(f.getNumber(), f));
        Set<Integer> tags = new TreeSet<>(before.keySet());
        tags.addAll(after.keySet());
        for (int tag : tags) {
            ctx.push(String.valueOf(tag));
            if (!after.containsKey(tag)) {
                ctx.add(Type.ONEOF_FIELD_REMOVED);
            } else if (!before.containsKey(tag)) {
                ctx.add(Type.ONEOF_FIELD_ADDED);
            } else {
                FieldDiff.compare(ctx, before.get(tag), after.get(tag));
            }
            ctx.pop();
        }
    }

    /** Fields outside real oneofs (proto3 {@code optional} fields count as plain fields), by tag. */
    private static Map<Integer, FieldDescriptor> plainFields(Descriptor message) {
        Map<Integer, FieldDescriptor> byTag = new HashMap<>();
        for (FieldDescriptor field : message.getFields()) {
            if (field.getRealContainingOneof() == null) {
                byTag.put(field.getNumber(), field);
            }
        }
        return byTag;
    }

    private static Map<String, OneofDescriptor> oneOfs(Descriptor message) {
        Map<String, OneofDescriptor> byName = new LinkedHashMap<>();
        for (OneofDescriptor oneOf : message.getRealOneofs()) {
            byName.put(oneOf.getName(), oneOf);
        }
        return byName;
    }

    /** Declared nested messages by name, in declaration order: synthetic map entries and group types left out. */
    static Map<String, Descriptor> declared(List<Descriptor> messages) {
        Set<String> groupTypes = new HashSet<>();
        for (Descriptor message : messages) {
            Descriptor parent = message.getContainingType();
            if (parent != null) {
                parent.toProto().getFieldList().stream()
                        .filter(f -> f.getType() == FieldDescriptorProto.Type.TYPE_GROUP)
                        .forEach(f -> groupTypes.add(
                                f.getTypeName().substring(f.getTypeName().lastIndexOf('.') + 1)));
            }
        }
        Map<String, Descriptor> byName = new LinkedHashMap<>();
        for (Descriptor message : messages) {
            if (!message.getOptions().getMapEntry() && !groupTypes.contains(message.getName())) {
                byName.put(message.getName(), message);
            }
        }
        return byName;
    }
}
