package dev.castle.server.http;

import dev.castle.domain.RegistryException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** Applies {@link ContextPrefix} to each request before Javalin routes it. */
public final class ContextPrefixFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        Optional<ContextPrefix.Target> target;
        try {
            target = ContextPrefix.rewrite(http.getRequestURI(), http.getQueryString());
        } catch (RegistryException e) {
            reject((HttpServletResponse) response, e);
            return;
        }
        chain.doFilter(target.<ServletRequest>map(t -> new Rewritten(http, t)).orElse(request), response);
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
