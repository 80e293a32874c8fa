package dev.castle.domain.decide;

import static dev.castle.domain.decide.DeciderDataContractsTest.V1;
import static dev.castle.domain.decide.DeciderDataContractsTest.register;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import org.junit.jupiter.api.Test;

class DeciderRuleSetTest {
    private final RegistryFixture registry = new RegistryFixture();

    @Test
    void shouldRejectDuplicateRuleNamesAcrossMigrationAndDomainRules() {
        assertRejected(
                "{\"migrationRules\":[{\"name\":\"r\",\"type\":\"JSONATA\",\"mode\":\"UPGRADE\"}],"
                        + "\"domainRules\":[{\"name\":\"r\",\"type\":\"CEL\"}]}",
                "Found rule with duplicate name 'r'");
    }

    @Test
    void shouldRejectRuleWithoutTypeOrWithAnIllegalName() {
        assertRejected("{\"domainRules\":[{\"name\":\"r\"}]}", "Missing rule type");
        assertRejected("{\"domainRules\":[{\"type\":\"CEL\"}]}", "Missing rule name");
        assertRejected(
                "{\"domainRules\":[{\"name\":\"1r\",\"type\":\"CEL\"}]}", "Illegal initial character in rule name: 1r");
        assertRejected(
                "{\"domainRules\":[{\"name\":\"r.x\",\"type\":\"CEL\"}]}", "Illegal character in rule name: r.x");
    }

    @Test
    void shouldRejectRulesInTheWrongFamilyOfModes() {
        assertRejected(
                "{\"migrationRules\":[{\"name\":\"m\",\"type\":\"JSONATA\"}]}",
                "Migration rules can only be UPGRADE, DOWNGRADE, UPDOWN");
        assertRejected(
                "{\"domainRules\":[{\"name\":\"d\",\"type\":\"CEL\",\"mode\":\"UPGRADE\"}]}",
                "Domain rules can only be WRITE, READ, WRITEREAD");
    }

    @Test
    void shouldRejectSeveralActionsOutsideTheTwoWayModes() {
        assertRejected(
                "{\"domainRules\":[{\"name\":\"d\",\"type\":\"CEL\",\"mode\":\"WRITE\",\"onFailure\":\"ERROR,NONE\"}]}",
                "Multiple actions only valid with WRITEREAD and UPDOWN");
    }

    private void assertRejected(String ruleSet, String message) {
        RegistryException error = registry.rejected(register("s", V1, null, ruleSet));

        assertThat(error.errorCode()).isEqualTo(ErrorCode.INVALID_RULESET);
        assertThat(error.getMessage()).isEqualTo(message);
    }
}
