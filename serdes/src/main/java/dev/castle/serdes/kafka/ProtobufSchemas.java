package dev.castle.serdes.kafka;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import dev.castle.domain.SchemaType;
import dev.castle.proto.ProtoFile;
import dev.castle.proto.ProtoParseException;
import dev.castle.serdes.SchemaRegistryPort.Reference;
import dev.castle.serdes.SchemaRegistryPort.RegisteredSchema;
import dev.castle.serdes.SchemaRegistryPort.SubjectSchema;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The registered form of a message's .proto file, as Confluent's serializer makes it: the file printed as .proto
 * text, each imported file that is not well known registered (or looked up) under a subject named by its import path
 * and named as a reference. Files are printed and their references resolved once per serializer.
 */
final class ProtobufSchemas {
    private final SchemaIds ids;
    private final Map<FileDescriptor, RegisteredSchema> schemas = new ConcurrentHashMap<>();
    private final Map<FileDescriptor, String> texts = new ConcurrentHashMap<>();

    ProtobufSchemas(SchemaIds ids) {
        this.ids = ids;
    }

    /** The schema of {@code file}, its imports registered first. */
    RegisteredSchema schema(FileDescriptor file) {
        RegisteredSchema known = schemas.get(file);
        if (known != null) {
            return known;
        }
        List<Reference> references = new ArrayList<>();
        for (FileDescriptor dependency : file.getDependencies()) {
            if (ProtoFile.isWellKnownImport(dependency.getName())) {
                continue;
            }
            String subject = dependency.getName();
            SubjectSchema registered = ids.referenced(subject, schema(dependency));
            references.add(new Reference(dependency.getName(), subject, registered.version()));
        }
        RegisteredSchema schema = new RegisteredSchema(SchemaType.PROTOBUF, text(file), references);
        schemas.put(file, schema);
        return schema;
    }

    /** The message-index path of {@code message} in its file: top-level index, then nested ones. */
    static List<Integer> indexes(Descriptor message) {
        LinkedList<Integer> path = new LinkedList<>();
        for (Descriptor at = message; at != null; at = at.getContainingType()) {
            path.addFirst(at.getIndex());
        }
        return List.copyOf(path);
    }

    /** The index path of the message named {@code fullName} in {@code file}. */
    static List<Integer> indexes(FileDescriptor file, String fullName) {
        Descriptor found = find(file.getMessageTypes(), fullName);
        if (found == null) {
            throw new SerializationException("The latest schema declares no message " + fullName);
        }
        return indexes(found);
    }

    private static Descriptor find(List<Descriptor> scope, String fullName) {
        for (Descriptor message : scope) {
            if (message.getFullName().equals(fullName)) {
                return message;
            }
            Descriptor nested = find(message.getNestedTypes(), fullName);
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }

    /** {@code file} printed as .proto text, through proto-tools' reading of a serialized descriptor. */
    private String text(FileDescriptor file) {
        String known = texts.get(file);
        if (known != null) {
            return known;
        }
        Map<String, String> dependencies = new LinkedHashMap<>();
        collect(file, dependencies);
        String serialized = Base64.getEncoder().encodeToString(file.toProto().toByteArray());
        try {
            String text = ProtoFile.parse(serialized, dependencies).canonicalText();
            texts.put(file, text);
            return text;
        } catch (ProtoParseException e) {
            throw new SerializationException("Could not print " + file.getName() + " as .proto: " + e.getMessage(), e);
        }
    }

    private void collect(FileDescriptor file, Map<String, String> dependencies) {
        for (FileDescriptor dependency : file.getDependencies()) {
            if (!ProtoFile.isWellKnownImport(dependency.getName()) && !dependencies.containsKey(dependency.getName())) {
                collect(dependency, dependencies);
                dependencies.put(dependency.getName(), text(dependency));
            }
        }
    }
}
