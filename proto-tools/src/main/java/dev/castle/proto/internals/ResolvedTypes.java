package dev.castle.proto.internals;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import java.util.HashMap;
import java.util.Map;

/**
 * Fully-qualified type names of a linked file, keyed the way the printer walks the syntax tree: field types by
 * (message full name, tag) and rpc types by (service, rpc). Map fields resolve to {@code map<K, .V>}.
 */
public final class ResolvedTypes {

    private final Map<String, String> fieldTypes = new HashMap<>();
    private final Map<String, String> rpcTypes = new HashMap<>();
    private final Map<String, String> extendees = new HashMap<>();

    private ResolvedTypes() {}

    public static ResolvedTypes of(FileDescriptor file) {
        ResolvedTypes types = new ResolvedTypes();
        file.getMessageTypes().forEach(types::addMessage);
        types.addExtensions(file.getPackage(), file.getExtensions());
        for (ServiceDescriptor service : file.getServices()) {
            for (MethodDescriptor method : service.getMethods()) {
                String key = service.getName() + "/" + method.getName();
                types.rpcTypes.put(key + "/in", "." + method.getInputType().getFullName());
                types.rpcTypes.put(key + "/out", "." + method.getOutputType().getFullName());
            }
        }
        return types;
    }

    /** The normalized type text of a non-scalar field, or null when the field is scalar or unknown. */
    public String fieldType(String messageFullName, int tag) {
        return fieldTypes.get(messageFullName + "#" + tag);
    }

    /** The fully-qualified extendee of an extension declared in the scope (package or message), or null. */
    public String extendee(String scope, int tag) {
        return extendees.get(scope + "#" + tag);
    }

    /** The normalized type text of a non-scalar extension field, or null. */
    public String extensionType(String scope, int tag) {
        return fieldTypes.get("extend " + scope + "#" + tag);
    }

    public String rpcType(String service, String rpc, boolean request) {
        return rpcTypes.get(service + "/" + rpc + (request ? "/in" : "/out"));
    }

    private void addMessage(Descriptor message) {
        for (FieldDescriptor field : message.getFields()) {
            String text = typeText(field);
            if (text != null) {
                fieldTypes.put(message.getFullName() + "#" + field.getNumber(), text);
            }
        }
        message.getNestedTypes().forEach(this::addMessage);
        addExtensions(message.getFullName(), message.getExtensions());
    }

    private void addExtensions(String scope, java.util.List<FieldDescriptor> extensions) {
        for (FieldDescriptor extension : extensions) {
            String key = scope + "#" + extension.getNumber();
            extendees.put(key, "." + extension.getContainingType().getFullName());
            String text = namedType(extension);
            if (text != null) {
                fieldTypes.put("extend " + key, text);
            }
        }
    }

    private static String typeText(FieldDescriptor field) {
        if (field.isMapField()) {
            Descriptor entry = field.getMessageType();
            FieldDescriptor value = entry.findFieldByNumber(2);
            String valueText = namedType(value);
            return "map<" + scalarName(entry.findFieldByNumber(1)) + ", "
                    + (valueText != null ? valueText : scalarName(value)) + ">";
        }
        return namedType(field);
    }

    private static String namedType(FieldDescriptor field) {
        if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            return "." + field.getMessageType().getFullName();
        }
        if (field.getJavaType() == FieldDescriptor.JavaType.ENUM) {
            return "." + field.getEnumType().getFullName();
        }
        return null;
    }

    static String scalarName(FieldDescriptor field) {
        return field.getType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
