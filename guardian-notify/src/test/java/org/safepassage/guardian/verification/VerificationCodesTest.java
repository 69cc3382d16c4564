package org.safepassage.guardian.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerificationCodesTest {
    private static VerificationConfig withKey(final String key) {
        return new VerificationConfig() {
            @Override
            public String codeKey() {
                return key;
            }

            @Override
            public Duration codeValidity() {
                return Duration.ofMinutes(10);
            }

            @Override
            public int maxAttempts() {
                return 5;
            }
        };
    }

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void refuses_a_key_shorter_than_32_bytes() {
        final String short31 = Base64.getEncoder().encodeToString(new byte[31]);

        assertThatThrownBy(() -> new VerificationCodes(withKey(short31)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 32");
    }

    @Test
    void refuses_a_key_that_is_not_base64() {
        assertThatThrownBy(() -> new VerificationCodes(withKey("not base64 at all!")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Base64");
    }

    @Test
    void makes_six_digit_codes_and_opaque_ids() {
        final VerificationCodes codes = new VerificationCodes(withKey(KEY));
        final Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            final String code = codes.newCode();
            assertThat(code).matches("[0-9]{6}");
            seen.add(code);
        }
        assertThat(seen).hasSizeGreaterThan(150);
        assertThat(codes.newId()).matches("pv_[A-Za-z0-9_-]{22}").isNotEqualTo(codes.newId());
    }

    @Test
    void a_stored_digest_matches_only_its_code_on_its_verification() {
        final VerificationCodes codes = new VerificationCodes(withKey(KEY));
        final byte[] digest = codes.digest("pv_a", "123456");

        assertThat(codes.matches("pv_a", "123456", digest)).isTrue();
        assertThat(codes.matches("pv_a", "123457", digest)).isFalse();
        assertThat(codes.matches("pv_b", "123456", digest)).isFalse();
        assertThat(new String(digest, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("123456");
    }
}
