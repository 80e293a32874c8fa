package dev.castle.proto.internals;

import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.ExtendElement;
import com.squareup.wire.schema.internal.parser.ExtensionsElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.GroupElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Prints a parsed file in Castle's canonical layout (the layout Confluent stores): no comments, sections separated by
 * one blank line, messages before enums, two-space indentation. In normalized mode options are sorted by name,
 * fields and enum constants by tag, imports alphabetically, and named types are fully qualified.
 */
public final class ProtoPrinter {

    private final PrintStyle style;
    private final boolean normalize;
    private final boolean ignoreExtensions;
    private final ResolvedTypes types;
    private final OptionPrinter options;
    private final ReservedPrinter ranges;

    public ProtoPrinter(boolean normalize, boolean ignoreExtensions, ResolvedTypes types) {
        this.style = new PrintStyle(normalize, ignoreExtensions, types);
        this.normalize = normalize;
        this.ignoreExtensions = ignoreExtensions;
        this.types = types;
        this.options = style.options();
        this.ranges = style.ranges();
    }

    public String print(ProtoFileElement file) {
        StringBuilder out = new StringBuilder();
        if (file.getSyntax() != null) {
            out.append("syntax = \"").append(file.getSyntax()).append("\";\n");
        }
        String packageName = file.getPackageName();
        if (packageName != null) {
            out.append("package ").append(packageName).append(";\n");
        }
        appendImports(out, file);
        List<OptionElement> fileOptions = kept(file.getOptions());
        if (!fileOptions.isEmpty()) {
            out.append('\n');
            options.appendStatements(out, fileOptions);
        }
        if (!file.getTypes().isEmpty()) {
            out.append('\n');
            appendTypes(out, file.getTypes(), packageName == null ? "" : packageName, false);
        }
        if (!ignoreExtensions && !file.getExtendDeclarations().isEmpty()) {
            out.append('\n');
            String scope = packageName == null ? "" : packageName;
            file.getExtendDeclarations().forEach(extend -> out.append(extend(extend, scope)));
        }
        if (!file.getServices().isEmpty()) {
            out.append('\n');
            file.getServices().forEach(service -> out.append(ServicePrinter.print(style, service)));
        }
        return out.toString();
    }

    private void appendImports(StringBuilder out, ProtoFileElement file) {
        if (file.getImports().isEmpty()
                && file.getPublicImports().isEmpty()
                && file.getWeakImports().isEmpty()) {
            return;
        }
        out.append('\n');
        appendImportLines(out, "import \"", file.getImports());
        appendImportLines(out, "import public \"", file.getPublicImports());
        appendImportLines(out, "import weak \"", file.getWeakImports());
    }

    private void appendImportLines(StringBuilder out, String prefix, List<String> paths) {
        List<String> ordered = normalize ? paths.stream().sorted().distinct().toList() : paths;
        ordered.forEach(path -> out.append(prefix).append(path).append("\";\n"));
    }

    private void appendTypes(StringBuilder out, List<TypeElement> typeElements, String scope, boolean indent) {
        for (TypeElement type : typeElements) {
            if (type instanceof MessageElement) {
                append(out, message((MessageElement) type, qualify(scope, type.getName())), indent);
            }
        }
        for (TypeElement type : typeElements) {
            if (type instanceof EnumElement) {
                append(out, EnumPrinter.print(style, (EnumElement) type), indent);
            }
        }
    }

    private static void append(StringBuilder out, String block, boolean indent) {
        if (indent) {
            Indent.append(out, block);
        } else {
            out.append(block);
        }
    }

    private String message(MessageElement message, String fullName) {
        StringBuilder out =
                new StringBuilder("message ").append(message.getName()).append(" {");
        if (!message.getReserveds().isEmpty()) {
            out.append('\n');
            ranges.reserved(message.getReserveds()).forEach(line -> Indent.append(out, line));
        }
        List<OptionElement> messageOptions = kept(message.getOptions());
        if (!messageOptions.isEmpty()) {
            out.append('\n');
            Indent.append(out, statements(messageOptions));
        }
        if (!message.getFields().isEmpty()) {
            out.append('\n');
            byTag(message.getFields()).forEach(field -> Indent.append(out, field(field, fullName)));
        }
        List<OneOfElement> oneOfs = oneOfs(message.getOneOfs());
        if (!oneOfs.isEmpty()) {
            out.append('\n');
            oneOfs.forEach(oneOf -> Indent.append(out, oneOf(oneOf, fullName)));
        }
        if (!message.getGroups().isEmpty()) {
            out.append('\n');
            message.getGroups().forEach(group -> Indent.append(out, group(group, fullName)));
        }
        if (!message.getExtensions().isEmpty()) {
            out.append('\n');
            message.getExtensions().forEach(extensions -> Indent.append(out, extensions(extensions)));
        }
        if (!message.getNestedTypes().isEmpty()) {
            out.append('\n');
            appendTypes(out, message.getNestedTypes(), fullName, true);
        }
        if (!ignoreExtensions && !message.getExtendDeclarations().isEmpty()) {
            out.append('\n');
            message.getExtendDeclarations().forEach(extend -> Indent.append(out, extend(extend, fullName)));
        }
        return out.append("}\n").toString();
    }

    private String field(FieldElement field, String scope) {
        StringBuilder out = new StringBuilder();
        Field.Label label = field.getLabel();
        String type = field.getType();
        String resolved = !normalize
                ? null
                : scope.startsWith("extend ")
                        ? types.extensionType(scope.substring("extend ".length()), field.getTag())
                        : types.fieldType(scope, field.getTag());
        if (resolved != null) {
            type = resolved;
            if (resolved.startsWith("map<")) {
                label = null;
            }
        }
        if (label != null && label != Field.Label.ONE_OF) {
            out.append(label.name().toLowerCase(Locale.ROOT)).append(' ');
        }
        out.append(type).append(' ').append(field.getName()).append(" = ").append(field.getTag());
        List<OptionElement> fieldOptions = new ArrayList<>(kept(field.getOptions()));
        if (field.getDefaultValue() != null) {
            fieldOptions.add(OptionElement.Companion.create(
                    "default", defaultKind(field.getType()), field.getDefaultValue(), false));
        }
        if (field.getJsonName() != null) {
            fieldOptions.add(
                    OptionElement.Companion.create("json_name", OptionElement.Kind.STRING, field.getJsonName(), false));
        }
        if (!fieldOptions.isEmpty()) {
            out.append(' ');
            options.appendBracketed(out, fieldOptions);
        }
        return out.append(";\n").toString();
    }

    private static OptionElement.Kind defaultKind(String type) {
        switch (type) {
            case "string":
            case "bytes":
                return OptionElement.Kind.STRING;
            case "bool":
                return OptionElement.Kind.BOOLEAN;
            case "double",
                    "float",
                    "int32",
                    "int64",
                    "uint32",
                    "uint64",
                    "sint32",
                    "sint64",
                    "fixed32",
                    "fixed64",
                    "sfixed32",
                    "sfixed64":
                return OptionElement.Kind.NUMBER;
            default:
                return OptionElement.Kind.ENUM;
        }
    }

    private List<OneOfElement> oneOfs(List<OneOfElement> oneOfs) {
        if (!normalize) {
            return oneOfs;
        }
        List<OneOfElement> sorted = new ArrayList<>();
        for (OneOfElement oneOf : oneOfs) {
            if (!oneOf.getFields().isEmpty()) {
                sorted.add(oneOf.copy(
                        oneOf.getName(),
                        oneOf.getDocumentation(),
                        byTag(oneOf.getFields()),
                        oneOf.getGroups(),
                        oneOf.getOptions(),
                        oneOf.getLocation()));
            }
        }
        sorted.sort(Comparator.comparingInt(o -> o.getFields().get(0).getTag()));
        return sorted;
    }

    private String oneOf(OneOfElement oneOf, String scope) {
        StringBuilder out = new StringBuilder("oneof ").append(oneOf.getName()).append(" {");
        List<OptionElement> oneOfOptions = kept(oneOf.getOptions());
        if (!oneOfOptions.isEmpty()) {
            out.append('\n');
            Indent.append(out, statements(oneOfOptions));
        }
        if (!oneOf.getFields().isEmpty()) {
            out.append('\n');
            oneOf.getFields().forEach(field -> Indent.append(out, field(field, scope)));
        }
        if (!oneOf.getGroups().isEmpty()) {
            out.append('\n');
            oneOf.getGroups().forEach(group -> Indent.append(out, group(group, scope)));
        }
        return out.append("}\n").toString();
    }

    private String group(GroupElement group, String scope) {
        StringBuilder out = new StringBuilder();
        if (group.getLabel() != null && group.getLabel() != Field.Label.ONE_OF) {
            out.append(group.getLabel().name().toLowerCase(Locale.ROOT)).append(' ');
        }
        out.append("group ")
                .append(group.getName())
                .append(" = ")
                .append(group.getTag())
                .append(" {");
        if (!group.getFields().isEmpty()) {
            out.append('\n');
            String groupScope = qualify(scope, group.getName());
            byTag(group.getFields()).forEach(field -> Indent.append(out, field(field, groupScope)));
        }
        return out.append("}\n").toString();
    }

    private String extensions(ExtensionsElement extensions) {
        StringBuilder out = new StringBuilder("extensions ").append(ranges.values(extensions.getValues()));
        if (!extensions.getOptions().isEmpty()) {
            out.append(' ');
            options.appendBracketed(out, extensions.getOptions());
        }
        return out.append(";\n").toString();
    }

    private String extend(ExtendElement extend, String scope) {
        String name = extend.getName();
        if (normalize && !extend.getFields().isEmpty()) {
            String resolved = types.extendee(scope, extend.getFields().get(0).getTag());
            name = resolved != null ? resolved : name;
        }
        StringBuilder out = new StringBuilder("extend ").append(name).append(" {");
        if (!extend.getFields().isEmpty()) {
            out.append('\n');
            extend.getFields().forEach(field -> Indent.append(out, field(field, "extend " + scope)));
        }
        return out.append("}\n").toString();
    }

    private String statements(List<OptionElement> list) {
        return style.statements(list);
    }

    private List<OptionElement> kept(List<OptionElement> list) {
        return style.kept(list);
    }

    private List<FieldElement> byTag(List<FieldElement> fields) {
        if (!normalize) {
            return fields;
        }
        List<FieldElement> sorted = new ArrayList<>(fields);
        sorted.sort(Comparator.comparingInt(FieldElement::getTag));
        return sorted;
    }

    private static String qualify(String scope, String name) {
        return scope.isEmpty() ? name : scope + "." + name;
    }
}
