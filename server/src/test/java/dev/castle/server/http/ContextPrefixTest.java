package dev.castle.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import org.junit.jupiter.api.Test;

class ContextPrefixTest {

    private static ContextPrefix.Target rewrite(String path, String query) {
        return ContextPrefix.rewrite(path, query).orElseThrow();
    }

    @Test
    void shouldLeaveUnprefixedPathsAlone() {
        assertThat(ContextPrefix.rewrite("/subjects/s/versions", null)).isEmpty();
        assertThat(ContextPrefix.rewrite("/contexts", null)).isEmpty();
        assertThat(ContextPrefix.rewrite("/contexts/.ctx", null)).isEmpty();
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
        assertThat(rewrite("/contexts/.ctx/schemas/ids/3", "subject=x").query()).isEqualTo("subject=x");
    }

    @Test
    void shouldRejectAnInvalidContextWith400() {
        assertThatThrownBy(() -> ContextPrefix.rewrite("/contexts/a:b/subjects", null))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_REQUEST));
    }
}
