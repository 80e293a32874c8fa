package dev.castle.server.http;

import dev.castle.server.tls.ClientAuthentication;
import dev.castle.server.tls.TlsConfigException;
import dev.castle.server.tls.TlsSettings;
import io.javalin.config.JavalinConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The {@code http://} and {@code https://} listeners of one side (the registry's {@code listeners}, the REST Proxy's
 * {@code rest.listeners}), side by side on one Jetty server. The https ones share one {@code SSLContext}, built from the
 * side's {@link TlsSettings} before anything binds, so a bad key store stops the start with the key named.
 */
public final class Listeners {
    private final List<URI> uris;
    private final TlsSettings tls;
    private final Optional<SSLContext> sslContext;
    private final List<ServerConnector> connectors = new ArrayList<>();

    private Listeners(List<URI> uris, TlsSettings tls, Optional<SSLContext> sslContext) {
        this.uris = uris;
        this.tls = tls;
        this.sslContext = sslContext;
    }

    /**
     * The listeners named by {@code value} of the configuration key {@code key} (comma-separated
     * {@code scheme://host:port}); the https ones serve with {@code tls}, which must then name a key store.
     */
    public static Listeners of(String key, String value, TlsSettings tls) {
        List<URI> uris = parse(key, value);
        Optional<SSLContext> sslContext = Optional.empty();
        if (uris.stream().anyMatch(Listeners::isHttps)) {
            if (tls.keyStore().isEmpty()) {
                throw new TlsConfigException(
                        tls.prefix() + TlsSettings.KEYSTORE_LOCATION,
                        "is not set, and " + key + " has an https listener");
            }
            sslContext = Optional.of(tls.sslContext());
        }
        return new Listeners(uris, tls, sslContext);
    }

    /** Comma-separated {@code http://host:port} or {@code https://host:port}; anything else names the key. */
    public static List<URI> parse(String key, String value) {
        List<URI> uris = new ArrayList<>();
        for (String text : value.split(",")) {
            String listener = text.trim();
            if (listener.isEmpty()) {
                continue;
            }
            URI uri;
            try {
                uri = URI.create(listener);
            } catch (IllegalArgumentException e) {
                throw invalid(key, listener);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || uri.getPort() < 0 || !(scheme.equals("http") || scheme.equals("https"))) {
                throw invalid(key, listener);
            }
            uris.add(URI.create(scheme + "://" + uri.getHost() + ":" + uri.getPort()));
        }
        if (uris.isEmpty()) {
            throw new IllegalArgumentException(key + ": no listener in '" + value + "'");
        }
        return List.copyOf(uris);
    }

    private static IllegalArgumentException invalid(String key, String listener) {
        return new IllegalArgumentException(
                "Invalid listener '" + listener + "' in " + key + ": expected http://host:port or https://host:port");
    }

    static boolean isHttps(URI uri) {
        return uri.getScheme().equals("https");
    }

    /** The listeners as configured (port 0 where the OS picks one). */
    public List<URI> configured() {
        return uris;
    }

    /** The first listener as configured. */
    public URI first() {
        return uris.get(0);
    }

    /** Adds one Jetty connector per listener to a Javalin application being configured. */
    public void install(JavalinConfig config) {
        for (URI uri : uris) {
            config.jetty.addConnector((server, http) -> connector(server, http, uri));
        }
    }

    private ServerConnector connector(Server server, HttpConfiguration http, URI uri) {
        ServerConnector connector = isHttps(uri)
                ? new ServerConnector(
                        server,
                        new SslConnectionFactory(sslContextFactory(), HttpVersion.HTTP_1_1.asString()),
                        new HttpConnectionFactory(secure(http)))
                : new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(uri.getHost());
        connector.setPort(uri.getPort());
        connectors.add(connector);
        return connector;
    }

    /** The request's scheme and client certificate come from the TLS session; the Host is not checked against SNI. */
    private static HttpConfiguration secure(HttpConfiguration http) {
        HttpConfiguration https = new HttpConfiguration(http);
        https.addCustomizer(new SecureRequestCustomizer(false));
        return https;
    }

    private SslContextFactory.Server sslContextFactory() {
        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setSslContext(sslContext.orElseThrow());
        factory.setNeedClientAuth(tls.clientAuthentication() == ClientAuthentication.REQUIRED);
        factory.setWantClientAuth(tls.clientAuthentication() == ClientAuthentication.REQUESTED);
        if (!tls.enabledProtocols().isEmpty()) {
            factory.setIncludeProtocols(tls.enabledProtocols().toArray(String[]::new));
        }
        if (!tls.cipherSuites().isEmpty()) {
            factory.setIncludeCipherSuites(tls.cipherSuites().toArray(String[]::new));
        }
        return factory;
    }

    /** The listeners with the ports they are bound to, in the configured order; call after the server started. */
    public List<URI> bound() {
        List<URI> bound = new ArrayList<>();
        for (int i = 0; i < uris.size(); i++) {
            URI uri = uris.get(i);
            int port = i < connectors.size() ? connectors.get(i).getLocalPort() : uri.getPort();
            bound.add(URI.create(uri.getScheme() + "://" + uri.getHost() + ":" + port));
        }
        return bound;
    }

    @Override
    public String toString() {
        return Arrays.toString(bound().toArray());
    }
}
