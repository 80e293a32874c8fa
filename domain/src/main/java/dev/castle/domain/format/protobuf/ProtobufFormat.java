package dev.castle.domain.format.protobuf;

import dev.castle.domain.SchemaType;
import dev.castle.domain.format.ParsedSchema;
import dev.castle.domain.format.SchemaFormat;
import dev.castle.domain.format.SchemaParseException;
import dev.castle.proto.ProtoFile;
import dev.castle.proto.ProtoParseException;
import java.util.Map;

/**
 * Protobuf (proto2 and proto3 text, or base64 of a {@code FileDescriptorProto}), parsed and linked by proto-tools.
 * References map import paths to the text of the files they name; well-known imports need none.
 */
public final class ProtobufFormat implements SchemaFormat {

    @Override
    public SchemaType type() {
        return SchemaType.PROTOBUF;
    }

    @Override
    public ParsedSchema parse(String text, Map<String, String> references, boolean validate) {
        if (text == null || text.isBlank()) {
            throw new SchemaParseException("Empty schema", null);
        }
        try {
            return new ProtobufSchema(ProtoFile.parse(text, references));
        } catch (ProtoParseException e) {
            throw new SchemaParseException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new SchemaParseException("Invalid Protobuf schema: " + e.getMessage(), e);
        }
    }
}
