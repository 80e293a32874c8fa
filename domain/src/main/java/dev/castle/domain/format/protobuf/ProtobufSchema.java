package dev.castle.domain.format.protobuf;

import dev.castle.domain.SchemaEntity;
import dev.castle.domain.SchemaType;
import dev.castle.domain.format.ParsedSchema;
import dev.castle.domain.format.SchemaTagException;
import dev.castle.proto.MetaTags;
import dev.castle.proto.ProtoDiff;
import dev.castle.proto.ProtoDifference;
import dev.castle.proto.ProtoFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    public ParsedSchema withTags(Map<SchemaEntity, Set<String>> add, Map<SchemaEntity, Set<String>> remove) {
        String text;
        try {
            text = MetaTags.edit(file, targets(add), targets(remove));
        } catch (IllegalArgumentException e) {
            throw new SchemaTagException(e.getMessage());
        }
        return new ProtobufFormat().parse(text, file.dependencies(), false);
    }

    @Override
    public Map<SchemaEntity, Set<String>> taggedEntities() {
        Map<SchemaEntity, Set<String>> entities = new LinkedHashMap<>();
        MetaTags.tagged(file)
                .forEach((target, tags) -> entities.put(
                        new SchemaEntity(
                                target.path(),
                                target.message() ? SchemaEntity.Type.SR_RECORD : SchemaEntity.Type.SR_FIELD),
                        tags));
        return entities;
    }

    private static Map<MetaTags.Target, Set<String>> targets(Map<SchemaEntity, Set<String>> tags) {
        Map<MetaTags.Target, Set<String>> targets = new LinkedHashMap<>();
        tags.forEach((entity, names) -> targets.put(new MetaTags.Target(entity.path(), entity.isRecord()), names));
        return targets;
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
