package dev.castle.proto.internals;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import dev.castle.proto.ProtoDifference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** The state of one diff walk: the current path, the messages being compared (to stop on recursion), the result. */
final class DiffContext {

    private final FileDescriptor originalFile;
    private final FileDescriptor updateFile;
    private final String updateLabel;
    private final String originalLabel;
    private final Deque<String> path = new ArrayDeque<>();
    private final Set<Descriptor> inProgress;
    private final List<ProtoDifference> differences = new ArrayList<>();

    DiffContext(FileDescriptor originalFile, FileDescriptor updateFile, String updateLabel, String originalLabel) {
        this(originalFile, updateFile, updateLabel, originalLabel, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private DiffContext(
            FileDescriptor originalFile,
            FileDescriptor updateFile,
            String updateLabel,
            String originalLabel,
            Set<Descriptor> inProgress) {
        this.originalFile = originalFile;
        this.updateFile = updateFile;
        this.updateLabel = updateLabel;
        this.originalLabel = originalLabel;
        this.inProgress = inProgress;
    }

    /** A context for comparing a referenced message on its own, at a path made of its local name. */
    DiffContext subcontext(String localName) {
        Set<Descriptor> shared = Collections.newSetFromMap(new IdentityHashMap<>());
        shared.addAll(inProgress);
        DiffContext sub = new DiffContext(originalFile, updateFile, updateLabel, originalLabel, shared);
        for (String part : localName.split("\\.")) {
            sub.path.addLast(part);
        }
        return sub;
    }

    FileDescriptor originalFile() {
        return originalFile;
    }

    FileDescriptor updateFile() {
        return updateFile;
    }

    void push(String segment) {
        path.addLast(segment);
    }

    void pop() {
        path.removeLast();
    }

    /** Marks a message as being compared; false when it already is (a recursive reference). */
    boolean enter(Descriptor original) {
        return inProgress.add(original);
    }

    void leave(Descriptor original) {
        inProgress.remove(original);
    }

    void add(ProtoDifference.Type type) {
        String at = "#/" + String.join("/", path);
        differences.add(new ProtoDifference(type, at, type.describe(at, updateLabel, originalLabel)));
    }

    void addAll(List<ProtoDifference> more) {
        differences.addAll(more);
    }

    List<ProtoDifference> differences() {
        return differences;
    }

    boolean isCompatible() {
        return differences.stream().allMatch(ProtoDifference::compatible);
    }
}
