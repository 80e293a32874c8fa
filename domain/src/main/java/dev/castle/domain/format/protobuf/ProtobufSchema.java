package dev.castle.domain.format.protobuf;

import dev.castle.domain.SchemaType;
import dev.castle.domain.format.ParsedSchema;
import dev.castle.proto.ProtoDiff;
import dev.castle.proto.ProtoDifference;
import dev.castle.proto.ProtoFile;
import java.util.ArrayList;
import java.util.List;

/** A parsed and linked Protobuf file with the files its imports name. */
final class ProtobufSchema implements ParsedSchema {
    static final String SERIALIZED = "serialized";
    static final String IGNORE_EXTENSIONS = "ignore_extensions";

    private final ProtoFile file;
    private final String canonical;

    ProtobufSchema(ProtoFile file) {
        this.file = file;
        this.canonical = file.canonicalText();
    }

    ProtoFile file() {
        return file;
    }

    @Override
    public SchemaType type() {
        return SchemaType.PROTOBUF;
    }

    @Override
    public String canonical() {
        return canonical;
    }

    @Override
    public ParsedSchema normalize() {
        return new ProtobufSchema(file.normalize());
    }

    /**
     * Confluent's Protobuf diff from the writer (original) to this reader (update), keeping the breaking changes;
     * the update is named {@link #READER} and the original {@link #WRITER}.
     */
    @Override
    public List<String> readDifferences(ParsedSchema writer) {
        ProtoFile written = ((ProtobufSchema) writer).file;
        List<String> messages = new ArrayList<>();
        for (ProtoDifference difference : ProtoDiff.compare(written, file, READER, WRITER)) {
            if (!difference.compatible()) {
                messages.add(difference.render());
            }
        }
        return messages;
    }

    @Override
    public String render(String format) {
        if (SERIALIZED.equals(format)) {
            return file.serialized();
        }
        if (IGNORE_EXTENSIONS.equals(format)) {
            return file.textWithoutExtensions();
        }
        return canonical;
    }

    /** Protobuf has no inlining: the same canonical text with the same imported files. */
    @Override
    public boolean sameResolvedSchema(ParsedSchema other) {
        return other instanceof ProtobufSchema protobuf
                && canonical.equals(protobuf.canonical)
                && file.dependencies().equals(protobuf.file.dependencies());
    }

    @Override
    public String toString() {
        return canonical;
    }

    /** A field of a top-level message, outside any {@code oneof} (as Confluent reads the file's elements). */
    @Override
    public boolean hasTopLevelField(String field) {
        return file.descriptorProto().getMessageTypeList().stream()
                .flatMap(message -> message.getFieldList().stream())
                .filter(f -> !f.hasOneofIndex() || f.getProto3Optional())
                .anyMatch(f -> f.getName().equals(field));
    }
}
