package dev.castle.server.http;

import dev.castle.domain.RegistryException;
import dev.castle.domain.json.ResponseBodies.ErrorBody;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Prepares each request path before Javalin routes it: applies {@link ContextPrefix}, and protects a literal {@code +}
 * in the path (a legal subject character) from Javalin's form-style decoding, which would turn it into a space.
 */
public final class RequestPathFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String uri = http.getRequestURI();
        String query = http.getQueryString();
        Optional<ContextPrefix.Target> prefixed;
        try {
            prefixed = ContextPrefix.rewrite(http.getMethod(), uri, query);
        } catch (RegistryException e) {
            reject((HttpServletResponse) response, e);
            return;
        }
        if (prefixed.isEmpty() && uri.indexOf('+') < 0) {
            chain.doFilter(request, response); // the common request: nothing to prepare
            return;
        }
        ContextPrefix.Target target = prefixed.orElse(new ContextPrefix.Target(uri, query));
        String path = target.path().replace("+", "%2B");
        boolean unchanged = path.equals(uri) && Objects.equals(target.query(), query);
        chain.doFilter(
                unchanged ? request : new Rewritten(http, new ContextPrefix.Target(path, target.query())), response);
    }

    private static void reject(HttpServletResponse response, RegistryException error) throws IOException {
        response.setStatus(error.errorCode().status());
        response.setContentType(MediaTypes.SCHEMA_REGISTRY_V1);
        response.getOutputStream()
                .write(Json.bytes(new ErrorBody(error.errorCode().code(), error.getMessage())));
    }

    private static final class Rewritten extends HttpServletRequestWrapper {
        private final ContextPrefix.Target target;

        Rewritten(HttpServletRequest request, ContextPrefix.Target target) {
            super(request);
            this.target = target;
        }

        @Override
        public String getRequestURI() {
            return target.path();
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer();
            url.append(getScheme())
                    .append("://")
                    .append(getServerName())
                    .append(':')
                    .append(getServerPort());
            return url.append(target.path());
        }

        @Override
        public String getQueryString() {
            return target.query();
        }
    }
}
