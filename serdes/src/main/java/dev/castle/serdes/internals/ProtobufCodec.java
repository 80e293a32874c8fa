package dev.castle.serdes.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UninitializedMessageException;
import com.google.protobuf.util.JsonFormat;
import dev.castle.domain.SchemaType;
import dev.castle.proto.ProtoFile;
import dev.castle.proto.ProtoParseException;
import dev.castle.serdes.SerdesException;
import dev.castle.serdes.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Protobuf: JSON mapped onto the file's first message with protobuf's {@link JsonFormat}, written after the
 * message-index path {@code [0]}; read back as whichever message the path names.
 *
 * <p>Printed JSON keeps the names fields have in the .proto file ({@code sensor_type}, not {@code sensorType}), shows
 * fields left at their default values, enums by name and 64-bit integers as numbers: what Karapace answers, so that
 * what a user produced comes back as the same JSON object. The parser takes both proto and JSON (lowerCamel) names.
 */
public final class ProtobufCodec implements Codec {
    private static final List<Integer> FIRST_MESSAGE = List.of(0);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final FileDescriptor file;
    private final JsonFormat.Parser parser;
    private final JsonFormat.Printer printer;

    private ProtobufCodec(FileDescriptor file) {
        this.file = file;
        JsonFormat.TypeRegistry types =
                JsonFormat.TypeRegistry.newBuilder().add(file.getMessageTypes()).build();
        this.parser = JsonFormat.parser().usingTypeRegistry(types);
        this.printer = JsonFormat.printer()
                .usingTypeRegistry(types)
                .preservingProtoFieldNames()
                .alwaysPrintFieldsWithNoPresence()
                .omittingInsignificantWhitespace();
    }

    static ProtobufCodec parse(String text, Map<String, String> references) {
        try {
            return new ProtobufCodec(ProtoFile.parse(text, references).fileDescriptor());
        } catch (ProtoParseException e) {
            throw invalid(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw invalid("Invalid Protobuf schema: " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw invalid("Invalid Protobuf schema: nested too deeply to parse", null);
        }
    }

    private static SerdesException invalid(String message, Throwable cause) {
        return new SerdesException(SerdesException.Kind.INVALID_SCHEMA, message, cause);
    }

    /** The linked file descriptor, its references' files as dependencies. */
    public FileDescriptor fileDescriptor() {
        return file;
    }

    @Override
    public SchemaType type() {
        return SchemaType.PROTOBUF;
    }

    /** The package-qualified name of the file's first message. */
    @Override
    public Optional<String> recordName() {
        return file.getMessageTypes().isEmpty()
                ? Optional.empty()
                : Optional.of(file.getMessageTypes().get(0).getFullName());
    }

    /** The value as the first message; JSON null is the message with every field at its default. */
    @Override
    public byte[] encode(int schemaId, JsonNode value) {
        if (file.getMessageTypes().isEmpty()) {
            throw invalid("The Protobuf schema " + schemaId + " declares no message", null);
        }
        DynamicMessage.Builder builder =
                DynamicMessage.newBuilder(file.getMessageTypes().get(0));
        try {
            if (value != null && !value.isNull()) {
                parser.merge(value.toString(), builder);
            }
            return WireFormat.frame(schemaId, FIRST_MESSAGE, builder.build().toByteArray());
        } catch (InvalidProtocolBufferException | UninitializedMessageException | IllegalArgumentException e) {
            throw new SerdesException(
                    SerdesException.Kind.DATA_MISMATCH, "Object does not fit to stored schema: " + e.getMessage(), e);
        }
    }

    @Override
    public JsonNode decode(ByteBuffer payload) {
        Descriptor type = message(WireFormat.readMessageIndexes(payload));
        try {
            DynamicMessage message = DynamicMessage.parseFrom(type, CodedInputStream.newInstance(payload));
            JsonNode json = MAPPER.readTree(printer.print(message));
            ProtoJsonNumbers.unquote(type, (ObjectNode) json);
            return json;
        } catch (IOException e) {
            throw badFrame(e.getMessage(), e);
        }
    }

    /**
     * The message a message-index path names: a top-level message, then nested messages within it.
     *
     * @throws SerdesException BAD_FRAME when the path names no message of the file
     */
    public Descriptor message(List<Integer> path) {
        List<Descriptor> scope = file.getMessageTypes();
        Descriptor found = null;
        for (int index : path) {
            if (index < 0 || index >= scope.size()) {
                throw badFrame("message index path " + path + " names no message of the schema", null);
            }
            found = scope.get(index);
            scope = found.getNestedTypes();
        }
        return found;
    }

    private static SerdesException badFrame(String why, Throwable cause) {
        return new SerdesException(
                SerdesException.Kind.BAD_FRAME, "The bytes do not decode with their Protobuf schema: " + why, cause);
    }
}
