package dev.castle.proto.internals;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import dev.castle.proto.ProtoParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * Text to syntax tree with Square's parser. Input that is not .proto text but is base64 of a
 * {@code FileDescriptorProto} is accepted too: it is turned into .proto text first.
 */
public final class Parsing {

    private Parsing() {}

    public static ProtoFileElement parse(String path, String text, ImportResolver imports) {
        try {
            return ProtoParser.Companion.parse(Location.get(path), text);
        } catch (RuntimeException textError) {
            Optional<FileDescriptorProto> descriptor = decodeBase64Descriptor(text);
            if (descriptor.isEmpty()) {
                throw new ProtoParseException("Invalid Protobuf schema: " + textError.getMessage(), textError);
            }
            String converted = DescriptorText.print(withExtensions(descriptor.get(), imports));
            try {
                return ProtoParser.Companion.parse(Location.get(path), converted);
            } catch (RuntimeException e) {
                throw new ProtoParseException("Invalid serialized Protobuf descriptor: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Re-reads the descriptor with the extensions of its imports and itself known, so custom options (kept as
     * unknown fields by a plain parse) become readable and reach the text.
     */
    private static FileDescriptorProto withExtensions(FileDescriptorProto proto, ImportResolver imports) {
        try {
            FileDescriptor linked = FileDescriptor.buildFrom(
                    proto, imports.resolveAll(proto.getDependencyList()).toArray(new FileDescriptor[0]));
            return FileDescriptorProto.parseFrom(proto.toByteString(), CustomOptions.registryFor(linked));
        } catch (DescriptorValidationException | InvalidProtocolBufferException e) {
            throw new ProtoParseException("Invalid serialized Protobuf descriptor: " + e.getMessage(), e);
        }
    }

    /** Base64 of a descriptor that names at least one type or a syntax; random base64 is rejected. */
    public static Optional<FileDescriptorProto> decodeBase64Descriptor(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || !trimmed.matches("[A-Za-z0-9+/=_-]+")) {
            return Optional.empty();
        }
        try {
            byte[] bytes = trimmed.contains("-") || trimmed.contains("_")
                    ? Base64.getUrlDecoder().decode(trimmed)
                    : Base64.getDecoder().decode(trimmed);
            FileDescriptorProto proto = FileDescriptorProto.parseFrom(bytes);
            boolean meaningful = proto.getMessageTypeCount() + proto.getEnumTypeCount() + proto.getServiceCount() > 0
                    || !proto.getSyntax().isEmpty()
                    || proto.hasPackage();
            return meaningful && proto.getUnknownFields().asMap().isEmpty() ? Optional.of(proto) : Optional.empty();
        } catch (IllegalArgumentException | InvalidProtocolBufferException e) {
            return Optional.empty();
        }
    }
}
