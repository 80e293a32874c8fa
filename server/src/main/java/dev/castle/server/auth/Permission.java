package dev.castle.server.auth;

import java.util.regex.Pattern;

/**
 * One rule of the authfile: the user may do the operation on every resource the pattern matches from its start, as
 * Python's {@code re.match} does (anchored at the start only: {@code Subject:cave} also matches {@code Subject:caves}).
 */
public record Permission(String username, Operation operation, Pattern resource) {

    boolean allows(String user, Operation requested, String resourceName) {
        return username.equals(user)
                && operation.grants(requested)
                && resource.matcher(resourceName).lookingAt();
    }

    @Override
    public String toString() {
        return username + " " + operation + " " + resource.pattern();
    }
}
