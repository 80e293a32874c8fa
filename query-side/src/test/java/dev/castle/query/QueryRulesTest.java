package dev.castle.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistryView;
import dev.castle.domain.VersionSpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class QueryRulesTest {

    private static void assertError(Runnable call, ErrorCode code, String message) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(code))
                .hasMessage(message);
    }

    @Test
    void shouldFindLatestLiveVersionSkippingSoftDeletedOnes() {
        RegistryView view =
                new FoldedView().add("s", 1, 1, false).add("s", 2, 2, true).view();

        assertThat(SubjectQueries.find(view, "s", VersionSpec.LATEST, true).version())
                .isEqualTo(1);
        assertThat(SubjectQueries.find(view, "s", 2, true).version()).isEqualTo(2);
    }

    @Test
    void shouldAnswerConfluentErrorsForMissingSubjectsAndVersions() {
        RegistryView view = new FoldedView()
                .add("s", 1, 1, false)
                .add("s", 2, 2, true)
                .add("gone", 1, 3, true)
                .view();

        assertError(
                () -> SubjectQueries.find(view, "nope", 1, false),
                ErrorCode.SUBJECT_NOT_FOUND,
                "Subject 'nope' not found.");
        assertError(
                () -> SubjectQueries.find(view, "s", 200, false),
                ErrorCode.VERSION_NOT_FOUND,
                "Version 200 not found.");
        assertError(
                () -> SubjectQueries.find(view, "s", 2, false), ErrorCode.VERSION_NOT_FOUND, "Version 2 not found.");
        assertError(
                () -> SubjectQueries.find(view, "gone", VersionSpec.LATEST, false),
                ErrorCode.SUBJECT_NOT_FOUND,
                "Subject 'gone' not found.");
        assertError(
                () -> SubjectQueries.find(view, "gone", VersionSpec.LATEST, true),
                ErrorCode.VERSION_NOT_FOUND,
                "Version -1 not found.");
    }

    @Test
    void shouldFindIdInTheSubjectContextAndPreferTheSubject() {
        RegistryView view = new FoldedView()
                .add("a", 1, 1, false)
                .add("b", 1, 1, false)
                .add(":.ctx:c", 1, 1, false)
                .add(":.ctx:d", 1, 2, false)
                .view();

        assertThat(SchemaQueries.find(view, 1, null).orElseThrow().preferred().subject())
                .isEqualTo("a");
        assertThat(SchemaQueries.find(view, 1, "b").orElseThrow().preferred().subject())
                .isEqualTo("b");
        assertThat(SchemaQueries.find(view, 2, null)).isEmpty();
        assertThat(SchemaQueries.find(view, 2, ":.ctx:x").orElseThrow().context())
                .isEqualTo(".ctx");
        assertThat(SchemaQueries.find(view, 2, "d").orElseThrow().preferred().subject())
                .isEqualTo(":.ctx:d");
        assertThat(SchemaQueries.find(view, 2, "unknown")).isEmpty();
    }

    @Test
    void shouldListSubjectsByDeletedFlags() {
        RegistryView view =
                new FoldedView().add("s", 1, 1, false).add("s", 2, 2, true).view();
        var live = view.versions("s");

        assertThat(live.stream().filter(SubjectQueries.Listing.LIVE::includes)).hasSize(1);
        assertThat(live.stream().filter(SubjectQueries.Listing.ALL::includes)).hasSize(2);
        assertThat(live.stream().filter(SubjectQueries.Listing.DELETED_ONLY::includes))
                .singleElement()
                .satisfies(v -> assertThat(v.version()).isEqualTo(2));
        assertThat(SubjectQueries.Listing.DELETED_ONLY.shows(view, "s")).isFalse();
        assertThat(SubjectQueries.Listing.DELETED_ONLY.shows(
                        new FoldedView().add("g", 1, 1, true).view(), "g"))
                .isTrue();
        assertThat(SubjectQueries.Listing.LIVE.shows(view, "missing")).isFalse();
        assertThat(SubjectQueries.Listing.of(true, true)).isEqualTo(SubjectQueries.Listing.DELETED_ONLY);
    }

    @Test
    void shouldWalkConfigChainFromSubjectToGlobalOnlyWhenDefaultingToGlobal() {
        assertThat(SettingQueries.chain("s", false)).containsExactly("s");
        assertThat(SettingQueries.chain("s", true)).containsExactly("s", null, ":.__GLOBAL:");
        assertThat(SettingQueries.chain(":.ctx:s", true)).containsExactly(":.ctx:s", ":.ctx:", null, ":.__GLOBAL:");
        assertThat(SettingQueries.chain(":.:", false)).containsExactly(null, ":.__GLOBAL:");
    }

    @Test
    void shouldParseFlagsAndIntegersLikeJaxRs() {
        assertThat(Arrays.asList("true", "TRUE", "True")).allMatch(Params::parseFlag);
        assertThat(Arrays.asList("1", "yes", "", null)).noneMatch(Params::parseFlag);
        assertThat(Params.parseInteger(null, -1)).isEqualTo(-1);
        assertThat(Params.parseInteger("3", -1)).isEqualTo(3);
        assertError(() -> Params.parseInteger("x", 0), ErrorCode.NOT_FOUND, "HTTP 404 Not Found");
    }
}
