package dev.castle.proto.internals;

import com.google.protobuf.AnyProto;
import com.google.protobuf.ApiProto;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.EmptyProto;
import com.google.protobuf.FieldMaskProto;
import com.google.protobuf.JavaFeaturesProto;
import com.google.protobuf.SourceContextProto;
import com.google.protobuf.StructProto;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.TypeProto;
import com.google.protobuf.WrappersProto;
import com.google.protobuf.compiler.PluginProtos;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Imports that resolve without references: {@code google/protobuf/*.proto} from protobuf-java's compiled
 * descriptors, {@code google/type/*.proto} from the texts Google ships in proto-google-common-protos, and
 * {@code confluent/*.proto} from texts bundled with this module.
 */
public final class WellKnownFiles {

    private static final String RESOURCE_ROOT = "/dev/castle/proto/wellknown/";

    private static final Map<String, FileDescriptor> COMPILED = Stream.of(
                    AnyProto.getDescriptor(),
                    ApiProto.getDescriptor(),
                    DescriptorProtos.getDescriptor(),
                    DurationProto.getDescriptor(),
                    EmptyProto.getDescriptor(),
                    FieldMaskProto.getDescriptor(),
                    JavaFeaturesProto.getDescriptor(),
                    SourceContextProto.getDescriptor(),
                    StructProto.getDescriptor(),
                    TimestampProto.getDescriptor(),
                    TypeProto.getDescriptor(),
                    WrappersProto.getDescriptor(),
                    PluginProtos.getDescriptor())
            .collect(Collectors.toUnmodifiableMap(FileDescriptor::getName, Function.identity()));

    private static final Map<String, FileDescriptor> BUNDLED = new ConcurrentHashMap<>();

    private WellKnownFiles() {}

    /** A bundled file, parsed and linked once per process (its own imports are all compiled ones). */
    static Optional<FileDescriptor> bundled(String path) {
        FileDescriptor cached = BUNDLED.get(path);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> text = bundledText(path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        FileDescriptor linked = new ImportResolver(Map.of(path, text.get())).load(path);
        FileDescriptor raced = BUNDLED.putIfAbsent(path, linked);
        return Optional.of(raced != null ? raced : linked);
    }

    public static Optional<FileDescriptor> compiled(String path) {
        return Optional.ofNullable(COMPILED.get(path));
    }

    /** The bundled text of a {@code google/type} or {@code confluent} import, if this module ships it. */
    public static Optional<String> bundledText(String path) {
        if (!path.startsWith("google/type/") && !path.startsWith("confluent/") || path.contains("..")) {
            return Optional.empty();
        }
        String resource = path.startsWith("google/type/") ? "/" + path : RESOURCE_ROOT + path;
        try (InputStream in = WellKnownFiles.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean isWellKnown(String path) {
        return COMPILED.containsKey(path) || bundledText(path).isPresent();
    }
}
