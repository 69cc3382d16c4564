package org.safepassage.chaincode.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safepassage.chaincode.model.Fixtures.COMMITMENT;
import static org.safepassage.chaincode.model.Fixtures.G1;
import static org.safepassage.chaincode.model.Fixtures.G2;
import static org.safepassage.chaincode.model.Fixtures.SUBJECT;
import static org.safepassage.chaincode.model.Fixtures.T0;
import static org.safepassage.chaincode.model.Fixtures.minor;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubjectTest {

    @Test
    void a_minor_needs_consent_up_to_and_including_the_consent_month() {
        final Subject subject = minor(1, G1);

        assertThat(subject.needsGuardianConsent(YearMonth.of(2034, 5))).isTrue();
        assertThat(subject.needsGuardianConsent(YearMonth.of(2034, 6))).isFalse();
    }

    @Test
    void a_survivor_never_needs_guardian_consent_and_may_have_no_guardians() {
        final Subject survivor = new Subject(SUBJECT, COMMITMENT, CommitmentScheme.FP_V1, ProtectionClass.SURVIVOR,
                List.of(), 0, SubjectStatus.ACTIVE, null, T0, T0);

        assertThat(survivor.needsGuardianConsent(YearMonth.of(2026, 11))).isFalse();
    }

    @Test
    void refuses_a_minor_without_guardians_or_with_an_impossible_quorum() {
        assertThatThrownBy(() -> minor(1)).hasMessageContaining("at least one guardian");
        assertThatThrownBy(() -> minor(3, G1, G2)).hasMessageContaining("approvalQuorum");
        assertThatThrownBy(() -> minor(0, G1, G2)).hasMessageContaining("approvalQuorum");
    }

    @Test
    void refuses_duplicate_guardians() {
        assertThatThrownBy(() -> minor(1, G1, G1)).hasMessageContaining("duplicate");
    }

    @Test
    void erasure_keeps_nothing_that_links_to_the_person() {
        final Subject erased = minor(2, G1, G2).erased(T0.plusSeconds(5));

        assertThat(erased.commitment()).isNull();
        assertThat(erased.guardianRefs()).isEmpty();
        assertThat(erased.protectionClass()).isNull();
        assertThat(erased.consentRequiredUntil()).isNull();
        assertThat(erased.status()).isEqualTo(SubjectStatus.ERASED);
        assertThat(CanonicalJson.toJson(erased)).doesNotContain(COMMITMENT).doesNotContain(G1);
    }

    @Test
    void refuses_a_malformed_commitment() {
        assertThatThrownBy(() -> new Subject(SUBJECT, "not-hex", CommitmentScheme.FP_V1, ProtectionClass.MINOR,
                        List.of(G1), 1, SubjectStatus.ACTIVE, YearMonth.of(2030, 1), T0, T0))
                .hasMessageContaining("commitment");
    }
}
