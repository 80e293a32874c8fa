package dev.castle.rest.session;

import dev.castle.rest.http.Json;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerToken;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerTokenCallback;

/**
 * Hands Kafka's OAUTHBEARER login the caller's own token, taken from the JAAS option {@code token}: the proxy neither
 * fetches nor verifies tokens, the broker does.
 */
public final class BearerTokenLogin implements AuthenticateCallbackHandler {
    private String token;

    @Override
    public void configure(Map<String, ?> configs, String mechanism, List<AppConfigurationEntry> entries) {
        for (AppConfigurationEntry entry : entries) {
            Object value = entry.getOptions().get("token");
            if (value != null) {
                token = value.toString();
            }
        }
        if (token == null) {
            throw new IllegalArgumentException("No token option in the OAUTHBEARER JAAS configuration");
        }
    }

    @Override
    public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof OAuthBearerTokenCallback tokenCallback) {
                tokenCallback.token(new CallerToken(token));
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }

    @Override
    public void close() {}

    /** The caller's JWT as it came, with the subject and expiry its claims name. */
    private static final class CallerToken implements OAuthBearerToken {
        private final String value;
        private final String principal;
        private final long lifetimeMs;
        private final long startMs = System.currentTimeMillis();

        CallerToken(String value) {
            this.value = value;
            long exp = Credentials.expiry(value);
            this.lifetimeMs = exp < 0 ? Long.MAX_VALUE : exp * 1000;
            String subject = "unknown";
            try {
                var claims = Json.read(Base64.getUrlDecoder().decode(value.split("\\.")[1]));
                if (claims.hasNonNull("sub")) {
                    subject = claims.get("sub").asText();
                }
            } catch (IOException | RuntimeException e) {
                // the subject only names the principal in the client's logs
            }
            this.principal = subject;
        }

        @Override
        public String value() {
            return value;
        }

        @Override
        public Set<String> scope() {
            return Set.of();
        }

        @Override
        public long lifetimeMs() {
            return lifetimeMs;
        }

        @Override
        public String principalName() {
            return principal;
        }

        @Override
        public Long startTimeMs() {
            return startMs;
        }
    }
}
