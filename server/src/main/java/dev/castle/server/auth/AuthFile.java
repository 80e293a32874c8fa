package dev.castle.server.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castle.domain.json.Jackson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The contents of Karapace's {@code registry_authfile}: users with password hashes and the rules that grant them
 * {@code Read} or {@code Write} on resources ({@code Config:}, {@code Subject:<name>}). Nothing is allowed unless a
 * rule allows it; rules only grant, so their order does not matter. A user listed twice is the last entry, as in
 * Karapace.
 */
public final class AuthFile {
    /** The resource of the global config and mode. */
    public static final String CONFIG = "Config:";

    /** The prefix of a subject's resource; the subject is its stored name ({@code :.ctx:name} in a context). */
    public static final String SUBJECT_PREFIX = "Subject:";

    private static final ObjectMapper MAPPER = Jackson.MAPPER;

    private final Map<String, User> users;
    private final List<Permission> permissions;
    private final VerifiedCredentials verified = new VerifiedCredentials();

    public AuthFile(Collection<User> users, List<Permission> permissions) {
        Map<String, User> byName = new LinkedHashMap<>();
        users.forEach(user -> byName.put(user.username(), user));
        this.users = Map.copyOf(byName);
        this.permissions = List.copyOf(permissions);
    }

    /** Parses an authfile; the exception says what is wrong and where. */
    public static AuthFile parse(byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidAuthFileException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidAuthFileException("not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidAuthFileException("expected a JSON object with \"users\" and \"permissions\"");
        }
        List<User> users = new ArrayList<>();
        int i = 0;
        for (JsonNode entry : array(root, "users")) {
            users.add(user(entry, "users[" + i++ + "]"));
        }
        List<Permission> permissions = new ArrayList<>();
        i = 0;
        for (JsonNode entry : array(root, "permissions")) {
            permissions.add(permission(entry, "permissions[" + i++ + "]"));
        }
        return new AuthFile(users, permissions);
    }

    private static JsonNode array(JsonNode root, String name) {
        JsonNode node = root.get(name);
        if (node == null || !node.isArray()) {
            throw new InvalidAuthFileException("\"" + name + "\" must be an array");
        }
        return node;
    }

    private static User user(JsonNode entry, String where) {
        String algorithm = text(entry, "algorithm", where);
        return new User(
                text(entry, "username", where),
                HashAlgorithm.fromFileName(algorithm)
                        .orElseThrow(() -> new InvalidAuthFileException(
                                where + ": unknown algorithm '" + algorithm + "' (sha1, sha256, sha512 or scrypt)")),
                text(entry, "salt", where),
                text(entry, "password_hash", where));
    }

    private static Permission permission(JsonNode entry, String where) {
        String operation = text(entry, "operation", where);
        String resource = text(entry, "resource", where);
        Operation granted;
        try {
            granted = Operation.valueOf(operation);
        } catch (IllegalArgumentException e) {
            throw new InvalidAuthFileException(where + ": operation must be Read or Write, not '" + operation + "'");
        }
        try {
            return new Permission(text(entry, "username", where), granted, Pattern.compile(resource));
        } catch (PatternSyntaxException e) {
            throw new InvalidAuthFileException(where + ": resource is not a regular expression: " + e.getMessage());
        }
    }

    private static String text(JsonNode entry, String name, String where) {
        JsonNode value = entry == null ? null : entry.get(name);
        if (value == null || !value.isTextual()) {
            throw new InvalidAuthFileException(where + ": \"" + name + "\" must be a string");
        }
        return value.asText();
    }

    /** The user whose password this is; empty for an unknown user or a wrong password. */
    public Optional<User> authenticate(String username, String password) {
        User user = users.get(username);
        if (user == null) {
            return Optional.empty();
        }
        if (verified.contains(username, password)) {
            return Optional.of(user);
        }
        if (!user.verify(password)) {
            return Optional.empty();
        }
        verified.add(username, password);
        return Optional.of(user);
    }

    /** Whether some rule lets the user do the operation on the resource. */
    public boolean allows(String username, Operation operation, String resource) {
        for (Permission permission : permissions) {
            if (permission.allows(username, operation, resource)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the user may do the operation on the subject. */
    public boolean allowsSubject(String username, Operation operation, String subject) {
        return allows(username, operation, SUBJECT_PREFIX + subject);
    }

    public Map<String, User> users() {
        return users;
    }

    public List<Permission> permissions() {
        return permissions;
    }

    @Override
    public String toString() {
        return users.size() + " users, " + permissions.size() + " rules";
    }
}
