package dev.castle.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.testing.Reply;

/** Assertions on Confluent error bodies: exact HTTP status, {@code error_code} and message. */
final class ApiAssertions {
    private ApiAssertions() {}

    static void assertError(Reply reply, int status, int errorCode, String message) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertThat(reply.errorCode()).as("error_code of %s", reply).isEqualTo(errorCode);
        assertThat(reply.message()).as("message of %s", reply).isEqualTo(message);
    }

    static void assertError(Reply reply, int status, int errorCode) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertThat(reply.errorCode()).as("error_code of %s", reply).isEqualTo(errorCode);
    }

    static void assertOk(Reply reply) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(200);
    }

    static String versionError(String version) {
        return "The specified version '" + version
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"";
    }
}
