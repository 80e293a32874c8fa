package dev.castle.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import org.junit.jupiter.api.Test;

class ContextPrefixTest {

    private static ContextPrefix.Target rewrite(String path, String query) {
        return ContextPrefix.rewrite("GET", path, query).orElseThrow();
    }

    @Test
    void shouldLeaveUnprefixedPathsAlone() {
        assertThat(ContextPrefix.rewrite("GET", "/subjects/s/versions", null)).isEmpty();
        assertThat(ContextPrefix.rewrite("GET", "/contexts", null)).isEmpty();
        assertThat(ContextPrefix.rewrite("GET", "/contexts/.ctx", null)).isEmpty();
    }

    @Test
    void shouldQualifySubjectSegments() {
        assertThat(rewrite("/contexts/.ctx/subjects/s/versions/1", "deleted=true"))
                .isEqualTo(new ContextPrefix.Target("/subjects/:.ctx:s/versions/1", "deleted=true"));
        assertThat(rewrite("/contexts/ctx/compatibility/subjects/s/versions", null)
                        .path())
                .isEqualTo("/compatibility/subjects/:.ctx:s/versions");
        assertThat(rewrite("/contexts/.ctx/config/s", null).path()).isEqualTo("/config/:.ctx:s");
        assertThat(rewrite("/contexts/.ctx/subjects/:.other:s", null).path()).isEqualTo("/subjects/:.other:s");
    }

    @Test
    void shouldAddressTheContextLevelForConfigAndMode() {
        assertThat(rewrite("/contexts/.ctx/config", null).path()).isEqualTo("/config/:.ctx:");
        assertThat(rewrite("/contexts/.ctx/mode", "force=true"))
                .isEqualTo(new ContextPrefix.Target("/mode/:.ctx:", "force=true"));
    }

    @Test
    void shouldNarrowListingsAndIdLookupsToTheContext() {
        assertThat(rewrite("/contexts/.ctx/subjects", null).query()).isEqualTo("subjectPrefix=:.ctx:");
        assertThat(rewrite("/contexts/.ctx/schemas", "latestOnly=true").query())
                .isEqualTo("latestOnly=true&subjectPrefix=:.ctx:");
        assertThat(rewrite("/contexts/.ctx/schemas/ids/3", null))
                .isEqualTo(new ContextPrefix.Target("/schemas/ids/3", "subject=:.ctx:"));
        // as Confluent: a subject or prefix already sent is qualified too, unless it names a context itself
        assertThat(rewrite("/contexts/.ctx/schemas/ids/3", "subject=x").query()).isEqualTo("subject=:.ctx:x");
        assertThat(rewrite("/contexts/.ctx/schemas/ids/3", "subject=%3A.b%3Ax").query())
                .isEqualTo("subject=%3A.b%3Ax");
        assertThat(rewrite("/contexts/.ctx/subjects", "deleted=true&subjectPrefix=or")
                        .query())
                .isEqualTo("deleted=true&subjectPrefix=:.ctx:or");
        assertThat(rewrite("/contexts/.ctx/schemas", "subjectPrefix=:*:").query())
                .isEqualTo("subjectPrefix=:*:");
    }

    @Test
    void shouldQualifyTheSegmentAfterAnySubjectsSegment() {
        assertThat(rewrite("/contexts/.ctx/associations/subjects/s", null).path())
                .isEqualTo("/associations/subjects/:.ctx:s");
        // a subject named "subjects" is a subject, and what follows it is not
        assertThat(rewrite("/contexts/.ctx/subjects/subjects/versions", null).path())
                .isEqualTo("/subjects/:.ctx:subjects/versions");
        assertThat(rewrite("/contexts/.ctx/schemas/guids/g", null))
                .isEqualTo(new ContextPrefix.Target("/schemas/guids/g", null));
    }

    @Test
    void shouldWriteAssociationsInTheContext() {
        assertThat(ContextPrefix.rewrite("POST", "/contexts/.ctx/associations", "dryRun=true&context=:.x:"))
                .contains(new ContextPrefix.Target("/associations", "dryRun=true&context=:.ctx:"));
        assertThat(ContextPrefix.rewrite("GET", "/contexts/.ctx/associations/resources/r", null))
                .contains(new ContextPrefix.Target("/associations/resources/r", null));
    }

    @Test
    void shouldRejectAnInvalidContextWith400() {
        assertThatThrownBy(() -> ContextPrefix.rewrite("GET", "/contexts/a:b/subjects", null))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_REQUEST));
    }
}
