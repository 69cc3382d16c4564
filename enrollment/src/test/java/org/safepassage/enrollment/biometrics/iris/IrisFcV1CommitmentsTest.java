package org.safepassage.enrollment.biometrics.iris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safepassage.devstack.demo.SyntheticEye;
import org.safepassage.enrollment.commitment.Commitment;
import org.safepassage.enrollment.commitment.Peppers;

class IrisFcV1CommitmentsTest {
    private static final IrisFcV1Commitments SCHEME = IrisFcV1Commitments.create(Peppers.fromBase64("pepper-1",
            Base64.getEncoder().encodeToString(HexFormat.of().parseHex(
                    "f0e1d2c3b4a5968778695a4b3c2d1e0f00112233445566778899aabbccddeeff"))));
    private static IrisCode enrolled;
    private static IrisCode sameEyeLater;
    private static IrisCode otherEye;

    @BeforeAll
    static void captureEyes() {
        enrolled = code(4, 1);
        sameEyeLater = code(4, 2);
        otherEye = code(5, 1);
    }

    private static IrisCode code(final long eye, final long captureSeed) {
        return ((IrisCaptureResult.Accepted) IrisCapture.withDefaults().capture(
                SyntheticEye.of(eye).capture(SyntheticEye.Kind.GOOD, captureSeed))).code();
    }

    @Nested
    class AtTheBorder {
        @Test
        void a_fresh_capture_of_the_same_eye_reproduces_the_commitment() {
            final IrisEnrollment enrollment = SCHEME.enroll(enrolled);
            final Commitment ledger = enrollment.salted().commitment();

            assertThat(SCHEME.rederive(sameEyeLater, enrollment.helperData(), enrollment.salted().salt()))
                    .contains(ledger);
            assertThat(SCHEME.matches(sameEyeLater, enrollment.helperData(), enrollment.salted().salt(),
                    ledger.value())).isTrue();
        }

        @Test
        void another_eye_does_not() {
            final IrisEnrollment enrollment = SCHEME.enroll(enrolled);

            assertThat(SCHEME.rederive(otherEye, enrollment.helperData(), enrollment.salted().salt())).isEmpty();
            assertThat(SCHEME.matches(otherEye, enrollment.helperData(), enrollment.salted().salt(),
                    enrollment.salted().commitment().value())).isFalse();
        }

        @Test
        void refuses_a_malformed_ledger_value() {
            final IrisEnrollment enrollment = SCHEME.enroll(enrolled);

            assertThatThrownBy(() -> SCHEME.matches(sameEyeLater, enrollment.helperData(),
                    enrollment.salted().salt(), "not hex")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class HelperData {
        @Test
        void and_commitment_differ_at_every_enrollment_of_the_same_eye() {
            final IrisEnrollment first = SCHEME.enroll(enrolled);
            final IrisEnrollment second = SCHEME.enroll(enrolled);

            assertThat(second.salted().salt()).isNotEqualTo(first.salted().salt());
            assertThat(second.salted().commitment().value()).isNotEqualTo(first.salted().commitment().value());
            assertThat(second.helperData().offset()).isNotEqualTo(first.helperData().offset());
            assertThat(second.salted().commitment().scheme()).isEqualTo("iris-fc-v1");
        }

        @Test
        void is_not_the_iris_code_nor_close_to_it() {
            final IrisHelperData helper = SCHEME.enroll(enrolled).helperData();
            final IrisScore score = IrisMatcher.score(helper.offset(), helper.mask(), enrolled.bits(), enrolled.mask(), 0);

            // The offset is the code XOR a random codeword: bitwise it looks like another eye, not this one.
            assertThat(score.rawDistance()).isBetween(0.4, 0.6);
        }

        @Test
        void survives_its_stored_form() {
            final IrisHelperData helper = SCHEME.enroll(enrolled).helperData();

            assertThat(IrisHelperData.fromBytes(helper.toBytes())).isEqualTo(helper);
            assertThat(helper.toBytes()).hasSize(513).startsWith(IrisHelperData.VERSION);
        }
    }

    @Test
    void binds_a_112_bit_key_and_corrects_eight_of_32_blocks() {
        assertThat(IrisFcV1Commitments.KEY_BITS).isEqualTo(112);
        assertThat(IrisFcV1Commitments.CORRECTABLE_BLOCKS).isEqualTo(8);
    }
}
