package dev.castle.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaTypesTest {

    @Test
    void shouldPreferTheMostSpecificRangeOfEachOfferedType() {
        // application/json matches exactly with q=1; the v1 type only through */* with q=0.1
        assertThat(MediaTypes.negotiate("*/*; q=0.1, application/json")).contains(MediaTypes.JSON);
        // equal client quality: the server's source quality decides
        assertThat(MediaTypes.negotiate("application/json, application/vnd.schemaregistry+json"))
                .contains(MediaTypes.SCHEMA_REGISTRY);
    }

    @Test
    void shouldRefuseWhenEveryOfferedTypeHasQualityZero() {
        assertThat(MediaTypes.negotiate("application/*; q=0")).isEmpty();
        assertThat(MediaTypes.negotiate("text/plain")).isEmpty();
    }

    @Test
    void shouldIgnoreParametersAndCaseOfRequestTypes() {
        assertThat(MediaTypes.isConsumable("Application/JSON; charset=UTF-8")).isTrue();
        assertThat(MediaTypes.isConsumable(null)).isTrue();
        assertThat(MediaTypes.isConsumable("text/plain")).isFalse();
    }
}
