package dev.castle.proto.internals;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import dev.castle.proto.ProtoParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the imports of one parse: the caller's dependency texts (import path to .proto text) first, then the
 * well-known files. Each path is linked once; an import cycle is an error.
 */
public final class ImportResolver {

    private final Map<String, String> texts;
    private final Map<String, FileDescriptor> loaded = new HashMap<>();
    private final Deque<String> loading = new ArrayDeque<>();

    public ImportResolver(Map<String, String> texts) {
        this.texts = Map.copyOf(texts);
    }

    public List<FileDescriptor> resolveAll(List<String> paths) {
        List<FileDescriptor> out = new ArrayList<>();
        paths.forEach(path -> out.add(load(path)));
        return out;
    }

    public FileDescriptor load(String path) {
        FileDescriptor done = loaded.get(path);
        if (done != null) {
            return done;
        }
        if (loading.contains(path)) {
            throw new ProtoParseException("Import cycle: " + String.join(" -> ", loading) + " -> " + path);
        }
        String text = texts.get(path);
        if (text == null) {
            return WellKnownFiles.compiled(path)
                    .or(() -> WellKnownFiles.bundled(path))
                    .orElseThrow(() -> new ProtoParseException(
                            "Could not resolve import '" + path + "': no reference or well-known file has that name"));
        }
        return parseAndLink(path, text);
    }

    private FileDescriptor parseAndLink(String path, String text) {
        loading.push(path);
        try {
            ProtoFileElement element = Parsing.parse(path, text, this);
            FileDescriptorProto unlinked = DescriptorBuilder.build(element, path);
            FileDescriptor linked = Linker.link(element, unlinked, resolveAll(unlinked.getDependencyList()));
            loaded.put(path, linked);
            return linked;
        } finally {
            loading.pop();
        }
    }
}
