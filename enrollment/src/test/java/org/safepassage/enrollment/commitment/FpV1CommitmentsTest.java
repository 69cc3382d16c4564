package org.safepassage.enrollment.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safepassage.enrollment.vault.KeyConfigurationException;

class FpV1CommitmentsTest {
    private static final byte[] TEMPLATE = "a serialised SourceAFIS template stands in here".getBytes(
            StandardCharsets.US_ASCII);
    private static final String PEPPER_HEX = "f0e1d2c3b4a5968778695a4b3c2d1e0f00112233445566778899aabbccddeeff";
    private static final String SALT_HEX = "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";

    private static Pepper pepper(final String hex) {
        return Peppers.fromBase64("pepper-1", Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex)));
    }

    private static Pepper randomPepper() {
        final byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Peppers.fromBase64("pepper-r", Base64.getEncoder().encodeToString(bytes));
    }

    private static final FpV1Commitments SCHEME = FpV1Commitments.create(pepper(PEPPER_HEX));
    private static final CommitmentSalt SALT = new CommitmentSalt(HexFormat.of().parseHex(SALT_HEX));

    @Nested
    class Commit {
        @Test
        void gives_the_pinned_fp_v1_value_for_fixed_inputs() {
            // Pins every scheme parameter (HKDF info, Argon2id m/t/p, version, associated data, pepper derivation):
            // if this changes, commitments already on the ledger stop verifying. Change the scheme id instead. The value
            // was cross-checked with an independent implementation (pyca/cryptography 48: HKDF, HMAC, Argon2id).
            final Commitment commitment = SCHEME.commit(TEMPLATE, SALT);

            assertThat(commitment.value()).isEqualTo(PINNED);
            assertThat(commitment.scheme()).isEqualTo("fp-v1");
            assertThat(commitment.pepperId()).isEqualTo("pepper-1");
        }

        @Test
        void is_64_lower_case_hex_digits_as_the_ledger_requires() {
            assertThat(SCHEME.commit(TEMPLATE, SALT).value()).matches("[0-9a-f]{64}");
        }

        @Test
        void names_its_argon2id_cost_parameters() {
            assertThat(FpV1Commitments.ARGON2_MEMORY_KIB).isEqualTo(19 * 1024);
            assertThat(FpV1Commitments.ARGON2_ITERATIONS).isEqualTo(2);
            assertThat(FpV1Commitments.ARGON2_PARALLELISM).isEqualTo(1);
        }

        @Test
        void refuses_an_empty_template() {
            assertThatThrownBy(() -> SCHEME.commit(new byte[0], SALT)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Matches {
        @Test
        void accepts_the_stored_template_and_salt() {
            final SaltedCommitment enrolled = SCHEME.enroll(TEMPLATE);

            assertThat(SCHEME.matches(TEMPLATE, enrolled.salt(), enrolled.commitment().value())).isTrue();
        }

        @Test
        void detects_a_template_altered_by_one_bit() {
            final SaltedCommitment enrolled = SCHEME.enroll(TEMPLATE);
            final byte[] altered = TEMPLATE.clone();
            altered[10] ^= 1;

            assertThat(SCHEME.matches(altered, enrolled.salt(), enrolled.commitment().value())).isFalse();
        }

        @Test
        void detects_a_replaced_salt() {
            final SaltedCommitment enrolled = SCHEME.enroll(TEMPLATE);

            assertThat(SCHEME.matches(TEMPLATE, SALT, enrolled.commitment().value())).isFalse();
        }

        @Test
        void detects_another_pepper() {
            final SaltedCommitment enrolled = SCHEME.enroll(TEMPLATE);
            final FpV1Commitments otherPepper = FpV1Commitments.create(randomPepper());

            assertThat(otherPepper.matches(TEMPLATE, enrolled.salt(), enrolled.commitment().value())).isFalse();
        }

        @Test
        void detects_an_altered_ledger_value() {
            final String value = SCHEME.commit(TEMPLATE, SALT).value();
            final String altered = (value.charAt(0) == '0' ? "1" : "0") + value.substring(1);

            assertThat(SCHEME.matches(TEMPLATE, SALT, altered)).isFalse();
        }

        @Test
        void refuses_a_malformed_ledger_value() {
            assertThatThrownBy(() -> SCHEME.matches(TEMPLATE, SALT, "ABCDEF"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("64 lower-case hex");
        }
    }

    @Nested
    class Renewal {
        @Test
        void a_new_salt_gives_a_new_unlinkable_commitment_for_the_same_template() {
            final SaltedCommitment first = SCHEME.enroll(TEMPLATE);
            final SaltedCommitment renewed = SCHEME.enroll(TEMPLATE);

            assertThat(renewed.salt()).isNotEqualTo(first.salt());
            assertThat(renewed.commitment().value()).isNotEqualTo(first.commitment().value());
            assertThat(SCHEME.matches(TEMPLATE, renewed.salt(), first.commitment().value())).isFalse();
            assertThat(SCHEME.matches(TEMPLATE, renewed.salt(), renewed.commitment().value())).isTrue();
        }
    }

    @Nested
    class Secrets {
        @Test
        void refuses_a_missing_or_weak_pepper() {
            assertThatThrownBy(() -> Peppers.fromBase64("pepper-1", ""))
                    .isInstanceOf(KeyConfigurationException.class)
                    .hasMessageContaining("commitment pepper pepper-1 is not set");
            assertThatThrownBy(() -> Peppers.fromBase64("pepper-1",
                            Base64.getEncoder().encodeToString(new byte[32])))
                    .isInstanceOf(KeyConfigurationException.class)
                    .hasMessageContaining("looks non-random");
        }

        @Test
        void never_prints_the_pepper_or_the_salt() {
            final String pepperBase64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(PEPPER_HEX));

            assertThat(Peppers.fromBase64("pepper-1", pepperBase64).toString())
                    .contains("pepper-1")
                    .doesNotContain(pepperBase64);
            assertThat(SALT.toString()).doesNotContain(SALT_HEX.substring(0, 8));
            assertThat(SCHEME.toString()).doesNotContain(pepperBase64);
        }

        @Test
        void refuses_a_salt_of_the_wrong_length() {
            assertThatThrownBy(() -> new CommitmentSalt(new byte[16]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("32 bytes");
        }
    }

    private static final String PINNED = "0fee436db4175fe2ed8323c8591a9f2cb82a49ecdb6b3cbaf0fdcac8f952c811";
}
