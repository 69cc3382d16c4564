package org.safepassage.chaincode.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safepassage.chaincode.model.Fixtures.EVIDENCE;
import static org.safepassage.chaincode.model.Fixtures.G1;
import static org.safepassage.chaincode.model.Fixtures.G2;
import static org.safepassage.chaincode.model.Fixtures.G3;
import static org.safepassage.chaincode.model.Fixtures.T0;
import static org.safepassage.chaincode.model.Fixtures.minor;

import org.junit.jupiter.api.Test;

class CrossingRequestTest {
    private final CrossingRequest twoOfThree = CrossingRequest.open("tx-request-0001", minor(2, G1, G2, G3),
            "MD-LEUSENI", Direction.EXIT, null, T0, T0.plusSeconds(900));

    private static GuardianDecision decision(final String guardian, final Decision decision) {
        return new GuardianDecision(guardian, decision, EVIDENCE, T0.plusSeconds(60));
    }

    @Test
    void stays_pending_until_the_quorum_is_reached() {
        final CrossingRequest one = twoOfThree.withDecision(decision(G1, Decision.APPROVE));

        assertThat(one.status()).isEqualTo(RequestStatus.PENDING);
        assertThat(one.withDecision(decision(G2, Decision.APPROVE)).status()).isEqualTo(RequestStatus.APPROVED);
    }

    @Test
    void one_refusal_of_three_still_leaves_two_of_three_reachable() {
        final CrossingRequest refusedOnce = twoOfThree.withDecision(decision(G1, Decision.REFUSE));

        assertThat(refusedOnce.status()).isEqualTo(RequestStatus.PENDING);
        assertThat(refusedOnce.withDecision(decision(G2, Decision.REFUSE)).status())
                .isEqualTo(RequestStatus.REFUSED);
    }

    @Test
    void any_refusal_refuses_when_all_guardians_must_approve() {
        final CrossingRequest all = CrossingRequest.open("tx-request-0002", minor(2, G1, G2), "MD-LEUSENI",
                Direction.ENTRY, null, T0, T0.plusSeconds(900));

        assertThat(all.withDecision(decision(G2, Decision.REFUSE)).status()).isEqualTo(RequestStatus.REFUSED);
    }

    @Test
    void expires_at_its_expiry_instant() {
        assertThat(twoOfThree.isExpiredAt(T0.plusSeconds(899))).isFalse();
        assertThat(twoOfThree.isExpiredAt(T0.plusSeconds(900))).isTrue();
    }

    @Test
    void is_open_while_pending_and_unexpired() {
        assertThat(twoOfThree.isOpenAt(T0.plusSeconds(899))).isTrue();
        assertThat(twoOfThree.isOpenAt(T0.plusSeconds(900))).isFalse();
        assertThat(twoOfThree.withDecision(decision(G1, Decision.REFUSE)).withDecision(decision(G2, Decision.REFUSE))
                .isOpenAt(T0.plusSeconds(61))).isFalse();
    }

    @Test
    void a_scan_of_the_same_post_direction_and_companion_is_the_same_crossing() {
        assertThat(twoOfThree.isSameCrossing("MD-LEUSENI", Direction.EXIT, null)).isTrue();
        assertThat(twoOfThree.isSameCrossing("MD-SCULENI", Direction.EXIT, null)).isFalse();
        assertThat(twoOfThree.isSameCrossing("MD-LEUSENI", Direction.ENTRY, null)).isFalse();
        assertThat(twoOfThree.isSameCrossing("MD-LEUSENI", Direction.EXIT, "companion-0001-aaaa")).isFalse();
    }

    @Test
    void refuses_an_expiry_before_creation() {
        assertThatThrownBy(() -> CrossingRequest.open("tx-request-0003", minor(1, G1), "MD-LEUSENI",
                        Direction.EXIT, null, T0, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expiresAt");
    }
}
