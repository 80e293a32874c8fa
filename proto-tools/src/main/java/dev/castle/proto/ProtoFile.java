package dev.castle.proto;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import dev.castle.proto.internals.DescriptorBuilder;
import dev.castle.proto.internals.ImportResolver;
import dev.castle.proto.internals.Linker;
import dev.castle.proto.internals.Parsing;
import dev.castle.proto.internals.ProtoPrinter;
import dev.castle.proto.internals.ResolvedTypes;
import dev.castle.proto.internals.WellKnownFiles;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One parsed and linked Protobuf schema: its syntax tree (for printing and diffing as written) and its
 * protobuf-java descriptor (names resolved, validated against its imports). Immutable.
 */
public final class ProtoFile {

    /** The descriptor file name of a registered schema (its imports are named by their import paths). */
    public static final String DEFAULT_NAME = "default";

    private final ProtoFileElement element;
    private final FileDescriptor descriptor;
    private final Map<String, String> dependencies;
    private final ResolvedTypes types;

    private ProtoFile(ProtoFileElement element, FileDescriptor descriptor, Map<String, String> dependencies) {
        this.element = element;
        this.descriptor = descriptor;
        this.dependencies = dependencies;
        this.types = ResolvedTypes.of(descriptor);
    }

    /**
     * Parses proto2 or proto3 text, or base64 of a {@code FileDescriptorProto}, and links it.
     *
     * @param text the schema
     * @param dependencies import path to .proto text for every non-well-known import, transitively
     * @throws ProtoParseException when the text is invalid or an import cannot be resolved
     */
    public static ProtoFile parse(String text, Map<String, String> dependencies) {
        ImportResolver imports = new ImportResolver(dependencies);
        ProtoFileElement element = Parsing.parse(DEFAULT_NAME, text, imports);
        FileDescriptorProto unlinked = DescriptorBuilder.build(element, DEFAULT_NAME);
        FileDescriptor linked = Linker.link(element, unlinked, imports.resolveAll(unlinked.getDependencyList()));
        return new ProtoFile(element, linked, Map.copyOf(dependencies));
    }

    public static ProtoFile parse(String text) {
        return parse(text, Map.of());
    }

    /** The canonical text: comments and formatting dropped, declarations in the order written. */
    public String canonicalText() {
        return new ProtoPrinter(false, false, types).print(element);
    }

    /** The canonical text of this file's syntax tree with its types replaced (same file otherwise). */
    String canonicalTextWith(List<TypeElement> types) {
        ProtoFileElement changed = element.copy(
                element.getLocation(),
                element.getPackageName(),
                element.getSyntax(),
                element.getImports(),
                element.getPublicImports(),
                element.getWeakImports(),
                types,
                element.getServices(),
                element.getExtendDeclarations(),
                element.getOptions());
        return new ProtoPrinter(false, false, this.types).print(changed);
    }

    ProtoFileElement element() {
        return element;
    }

    /** Normalized text: sorted imports, options, fields and constants; fully-qualified type names. */
    public String normalizedText() {
        return new ProtoPrinter(true, false, types).print(element);
    }

    /** This schema normalized; normalizing it again changes nothing. */
    public ProtoFile normalize() {
        return parse(normalizedText(), dependencies);
    }

    /** {@code format=ignore_extensions}: canonical text without extend blocks and custom (parenthesized) options. */
    public String textWithoutExtensions() {
        return new ProtoPrinter(false, true, types).print(element);
    }

    /** The linked descriptor, every type reference fully qualified (as protoc writes it). */
    public FileDescriptorProto descriptorProto() {
        return descriptor.toProto();
    }

    public FileDescriptor fileDescriptor() {
        return descriptor;
    }

    /** {@code format=serialized}: base64 of the {@code FileDescriptorProto} bytes. */
    public String serialized() {
        return Base64.getEncoder().encodeToString(descriptorProto().toByteArray());
    }

    public String packageName() {
        return element.getPackageName() == null ? "" : element.getPackageName();
    }

    /** {@code proto2} or {@code proto3}. */
    public String syntax() {
        return element.getSyntax() == null ? "proto2" : element.getSyntax().toString();
    }

    /** Every import path (plain, public and weak) in the order written. */
    public List<String> imports() {
        List<String> all = new ArrayList<>(element.getImports());
        all.addAll(element.getPublicImports());
        all.addAll(element.getWeakImports());
        return all;
    }

    /**
     * Whether an import resolves without a reference: {@code google/protobuf/*.proto}, {@code google/type/*.proto}
     * and {@code confluent/meta.proto}, {@code confluent/type/decimal.proto}.
     */
    public static boolean isWellKnownImport(String path) {
        return WellKnownFiles.isWellKnown(path);
    }

    /** The dependency texts this file was parsed with (import path to .proto text). */
    public Map<String, String> dependencies() {
        return dependencies;
    }

    /** Full names of all messages, depth first in declaration order; the first is the default record type. */
    public List<String> messageNames() {
        List<String> names = new ArrayList<>();
        collectNames(element.getTypes(), prefix(), names);
        return names;
    }

    /** The index path of a message by full name (with or without the package), if the file declares it. */
    public Optional<MessageIndexes> messageIndexes(String fullName) {
        String name = fullName.startsWith(".") ? fullName.substring(1) : fullName;
        if (!packageName().isEmpty() && name.startsWith(packageName() + ".")) {
            name = name.substring(packageName().length() + 1);
        }
        List<Integer> path = new ArrayList<>();
        List<TypeElement> scope = element.getTypes();
        for (String part : name.split("\\.")) {
            int index = indexOfMessage(scope, part);
            if (index < 0) {
                return Optional.empty();
            }
            path.add(index);
            scope = messages(scope).get(index).getNestedTypes();
        }
        return Optional.of(new MessageIndexes(path));
    }

    /** The full name of the message an index path points at, if any. */
    public Optional<String> messageName(MessageIndexes indexes) {
        StringBuilder name = new StringBuilder(prefix());
        List<TypeElement> scope = element.getTypes();
        for (int index : indexes.path()) {
            List<MessageElement> messages = messages(scope);
            if (index < 0 || index >= messages.size()) {
                return Optional.empty();
            }
            name.append(name.length() == 0 || name.charAt(name.length() - 1) == '.' ? "" : ".");
            name.append(messages.get(index).getName());
            scope = messages.get(index).getNestedTypes();
        }
        return Optional.of(name.toString());
    }

    private String prefix() {
        return packageName().isEmpty() ? "" : packageName() + ".";
    }

    private static void collectNames(List<TypeElement> scope, String prefix, List<String> out) {
        for (MessageElement message : messages(scope)) {
            out.add(prefix + message.getName());
            collectNames(message.getNestedTypes(), prefix + message.getName() + ".", out);
        }
    }

    private static List<MessageElement> messages(List<TypeElement> scope) {
        return scope.stream()
                .filter(MessageElement.class::isInstance)
                .map(MessageElement.class::cast)
                .toList();
    }

    private static int indexOfMessage(List<TypeElement> scope, String name) {
        List<MessageElement> messages = messages(scope);
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).getName().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProtoFile
                && ((ProtoFile) other).canonicalText().equals(canonicalText())
                && ((ProtoFile) other).dependencies.equals(dependencies);
    }

    @Override
    public int hashCode() {
        return canonicalText().hashCode();
    }

    @Override
    public String toString() {
        return canonicalText();
    }
}
