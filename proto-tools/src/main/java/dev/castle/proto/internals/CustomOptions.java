package dev.castle.proto.internals;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.RpcElement;
import com.squareup.wire.schema.internal.parser.ServiceElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries custom (parenthesized) options such as {@code (confluent.field_meta)} into the descriptor once the file is
 * linked, so the extensions they name can be found among the file and its imports. An option whose extension is
 * unknown stays in the text only.
 */
final class CustomOptions {

    private static final Logger LOG = LoggerFactory.getLogger(CustomOptions.class);

    private final ExtensionRegistry registry = ExtensionRegistry.newInstance();
    private final String packageName;

    private CustomOptions(FileDescriptor linked) {
        this.packageName = linked.getPackage();
        register(linked, new HashSet<>());
    }

    /** Every extension declared in the file and its imports, for reading option bytes. */
    static ExtensionRegistry registryFor(FileDescriptor linked) {
        return new CustomOptions(linked).registry;
    }

    /** The resolved proto with the custom options whose extensions are known added. */
    static FileDescriptorProto apply(ProtoFileElement file, FileDescriptorProto resolved, FileDescriptor linked) {
        CustomOptions options = new CustomOptions(linked);
        FileDescriptorProto.Builder out = resolved.toBuilder();
        options.merge(file.getOptions(), out::getOptionsBuilder);
        for (TypeElement type : file.getTypes()) {
            options.type(type, out.getMessageTypeBuilderList(), out.getEnumTypeBuilderList());
        }
        for (ServiceElement service : file.getServices()) {
            out.getServiceBuilderList().stream()
                    .filter(s -> s.getName().equals(service.getName()))
                    .forEach(s -> options.service(service, s));
        }
        return out.build();
    }

    private void type(
            TypeElement type, List<DescriptorProto.Builder> messages, List<EnumDescriptorProto.Builder> enums) {
        if (type instanceof MessageElement) {
            messages.stream()
                    .filter(m -> m.getName().equals(type.getName()))
                    .forEach(m -> message((MessageElement) type, m));
        } else if (type instanceof EnumElement) {
            enums.stream()
                    .filter(e -> e.getName().equals(type.getName()))
                    .forEach(e -> enumType((EnumElement) type, e));
        }
    }

    private void message(MessageElement element, DescriptorProto.Builder proto) {
        merge(element.getOptions(), proto::getOptionsBuilder);
        List<FieldElement> fields = new ArrayList<>(element.getFields());
        element.getOneOfs().forEach(o -> fields.addAll(o.getFields()));
        for (FieldElement field : fields) {
            proto.getFieldBuilderList().stream()
                    .filter(f -> f.getNumber() == field.getTag())
                    .forEach(f -> merge(field.getOptions(), f::getOptionsBuilder));
        }
        for (OneOfElement oneOf : element.getOneOfs()) {
            proto.getOneofDeclBuilderList().stream()
                    .filter(o -> o.getName().equals(oneOf.getName()))
                    .forEach(o -> merge(oneOf.getOptions(), o::getOptionsBuilder));
        }
        for (TypeElement nested : element.getNestedTypes()) {
            type(nested, proto.getNestedTypeBuilderList(), proto.getEnumTypeBuilderList());
        }
    }

    private void enumType(EnumElement element, EnumDescriptorProto.Builder proto) {
        merge(element.getOptions(), proto::getOptionsBuilder);
        for (EnumConstantElement constant : element.getConstants()) {
            proto.getValueBuilderList().stream()
                    .filter(v -> v.getName().equals(constant.getName()))
                    .forEach(v -> merge(constant.getOptions(), v::getOptionsBuilder));
        }
    }

    private void service(ServiceElement element, ServiceDescriptorProto.Builder proto) {
        merge(element.getOptions(), proto::getOptionsBuilder);
        for (RpcElement rpc : element.getRpcs()) {
            proto.getMethodBuilderList().stream()
                    .filter(m -> m.getName().equals(rpc.getName()))
                    .forEach(m -> merge(rpc.getOptions(), m::getOptionsBuilder));
        }
    }

    private void merge(List<OptionElement> options, Supplier<? extends Message.Builder> targetBuilder) {
        List<OptionElement> custom =
                options.stream().filter(OptionElement::isParenthesized).toList();
        if (custom.isEmpty()) {
            return;
        }
        Message.Builder target = targetBuilder.get();
        for (OptionElement option : custom) {
            String extension = resolve(option.getName(), target.getDescriptorForType());
            if (extension == null) {
                LOG.debug("Custom option ({}) names no known extension; kept in the text only", option.getName());
                continue;
            }
            String text = "[" + extension + "]" + OptionText.valueText(option);
            try {
                TextFormat.getParser().merge(text, registry, target);
            } catch (TextFormat.ParseException e) {
                LOG.debug("Custom option ({}) does not fit its extension: {}", option.getName(), e.getMessage());
            }
        }
    }

    /** The full name of the extension an option names, searched outward from the file's package. */
    private String resolve(String name, Descriptor extendee) {
        String relative = name.startsWith(".") ? name.substring(1) : name;
        List<String> candidates = new ArrayList<>();
        if (!name.startsWith(".")) {
            String scope = packageName;
            while (!scope.isEmpty()) {
                candidates.add(scope + "." + relative);
                int dot = scope.lastIndexOf('.');
                scope = dot < 0 ? "" : scope.substring(0, dot);
            }
        }
        candidates.add(relative);
        for (String candidate : candidates) {
            ExtensionRegistry.ExtensionInfo info = registry.findImmutableExtensionByName(candidate);
            if (info != null
                    && info.descriptor.getContainingType().getFullName().equals(extendee.getFullName())) {
                return candidate;
            }
        }
        return null;
    }

    private void register(FileDescriptor file, Set<String> seen) {
        if (!seen.add(file.getName())) {
            return;
        }
        file.getExtensions().forEach(this::registerExtension);
        file.getMessageTypes().forEach(this::registerNested);
        file.getDependencies().forEach(dependency -> register(dependency, seen));
    }

    private void registerNested(Descriptor message) {
        message.getExtensions().forEach(this::registerExtension);
        message.getNestedTypes().forEach(this::registerNested);
    }

    private void registerExtension(FieldDescriptor extension) {
        if (extension.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            registry.add(extension, com.google.protobuf.DynamicMessage.getDefaultInstance(extension.getMessageType()));
        } else {
            registry.add(extension);
        }
    }
}
