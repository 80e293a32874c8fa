package dev.castle.proto.internals;

import com.google.protobuf.Descriptors.FileDescriptor;
import dev.castle.proto.ProtoDifference;
import java.util.List;

/** Entry point of the diff walk over two linked files. */
public final class SchemaDiff {

    private SchemaDiff() {}

    public static List<ProtoDifference> compare(
            FileDescriptor original, FileDescriptor update, String updateLabel, String originalLabel) {
        DiffContext ctx = new DiffContext(original, update, updateLabel, originalLabel);
        MessageDiff.compareFiles(ctx, original, update);
        return List.copyOf(ctx.differences());
    }
}
