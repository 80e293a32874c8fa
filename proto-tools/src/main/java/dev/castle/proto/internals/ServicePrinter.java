package dev.castle.proto.internals;

import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.RpcElement;
import com.squareup.wire.schema.internal.parser.ServiceElement;
import java.util.List;

/** Prints a service and its rpcs; normalized, request and response types are fully qualified. */
final class ServicePrinter {

    private ServicePrinter() {}

    static String print(PrintStyle style, ServiceElement service) {
        StringBuilder out =
                new StringBuilder("service ").append(service.getName()).append(" {");
        List<OptionElement> serviceOptions = style.kept(service.getOptions());
        if (!serviceOptions.isEmpty()) {
            out.append('\n');
            Indent.append(out, style.statements(serviceOptions));
        }
        if (!service.getRpcs().isEmpty()) {
            out.append('\n');
            service.getRpcs().forEach(rpc -> Indent.append(out, rpc(style, service.getName(), rpc)));
        }
        return out.append("}\n").toString();
    }

    private static String rpc(PrintStyle style, String service, RpcElement rpc) {
        StringBuilder out = new StringBuilder("rpc ").append(rpc.getName()).append(" (");
        out.append(rpc.getRequestStreaming() ? "stream " : "")
                .append(rpcType(style, service, rpc, true))
                .append(") returns (");
        out.append(rpc.getResponseStreaming() ? "stream " : "")
                .append(rpcType(style, service, rpc, false))
                .append(')');
        List<OptionElement> rpcOptions = style.kept(rpc.getOptions());
        if (!rpcOptions.isEmpty()) {
            out.append(" {\n");
            Indent.append(out, style.statements(rpcOptions));
            out.append('}');
        }
        return out.append(";\n").toString();
    }

    private static String rpcType(PrintStyle style, String service, RpcElement rpc, boolean request) {
        String written = request ? rpc.getRequestType() : rpc.getResponseType();
        String resolved = style.normalize() ? style.types().rpcType(service, rpc.getName(), request) : null;
        return resolved != null ? resolved : written;
    }
}
