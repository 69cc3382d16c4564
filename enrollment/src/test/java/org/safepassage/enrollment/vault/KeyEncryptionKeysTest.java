package org.safepassage.enrollment.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class KeyEncryptionKeysTest {
    @Nested
    class FromBase64 {
        @Test
        void refuses_a_missing_key_and_says_how_to_make_one() {
            assertThatThrownBy(() -> KeyEncryptionKeys.fromBase64("kek-1", null))
                    .isInstanceOf(KeyConfigurationException.class)
                    .hasMessageContaining("key-encryption key kek-1 is not set")
                    .hasMessageContaining("openssl rand -base64 32");
            assertThatThrownBy(() -> KeyEncryptionKeys.fromBase64("kek-1", "  "))
                    .isInstanceOf(KeyConfigurationException.class);
        }

        @Test
        void refuses_a_value_that_is_not_base64() {
            assertThatThrownBy(() -> KeyEncryptionKeys.fromBase64("kek-1", "not base64 at all!"))
                    .isInstanceOf(KeyConfigurationException.class)
                    .hasMessageContaining("not valid base64");
        }

        @Test
        void refuses_a_128_bit_key() {
            final String shortKey = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(
                    "000102030405060708090a0b0c0d0e0f"));

            assertThatThrownBy(() -> KeyEncryptionKeys.fromBase64("kek-1", shortKey))
                    .isInstanceOf(KeyConfigurationException.class)
                    .hasMessageContaining("must decode to 32 bytes")
                    .hasMessageContaining("not 16")
                    .hasMessageNotContaining(shortKey);
        }

        @Test
        void refuses_an_all_zero_or_patterned_key() {
            final String zeros = Base64.getEncoder().encodeToString(new byte[32]);
            final String pattern = Base64.getEncoder().encodeToString("abcdabcdabcdabcdabcdabcdabcdabcd".getBytes());

            assertThatThrownBy(() -> KeyEncryptionKeys.fromBase64("kek-1", zeros))
                    .isInstanceOf(KeyConfigurationException.class)
                    .hasMessageContaining("looks non-random");
            assertThatThrownBy(() -> KeyEncryptionKeys.fromBase64("kek-1", pattern))
                    .isInstanceOf(KeyConfigurationException.class)
                    .hasMessageContaining("looks non-random");
        }

        @Test
        void refuses_a_malformed_key_id() {
            assertThatThrownBy(() -> KeyEncryptionKeys.fromBase64("kek 1/bad", TestKeys.randomBase64Key()))
                    .isInstanceOf(KeyConfigurationException.class)
                    .hasMessageContaining("key-encryption key id");
        }

        @Test
        void never_shows_the_key_in_to_string() {
            final String key = TestKeys.randomBase64Key();
            final KeyEncryptionKey kek = KeyEncryptionKeys.fromBase64("kek-2026-11", key);

            assertThat(kek.toString()).contains("kek-2026-11").doesNotContain(key);
            assertThat(kek.keyId()).isEqualTo("kek-2026-11");
        }
    }

    @Nested
    class Wrap {
        @Test
        void matches_the_rfc_3394_aes_256_key_wrap_test_vector() {
            // RFC 3394 section 4.6: 256 bits of key data with a 256-bit KEK.
            final byte[] kekBytes = HexFormat.of().parseHex(
                    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
            final byte[] keyData = HexFormat.of().parseHex(
                    "00112233445566778899aabbccddeeff000102030405060708090a0b0c0d0e0f");
            final KeyEncryptionKey kek =
                    KeyEncryptionKeys.fromBase64("rfc3394", Base64.getEncoder().encodeToString(kekBytes));

            final byte[] wrapped = kek.wrap(keyData);

            assertThat(HexFormat.of().formatHex(wrapped)).isEqualTo("28c9f404c4b810f4cbccb35cfb87f826"
                    + "3f5786e2d80ed326cbc7f0e71a99f43bfb988b9b7a02dd21");
            assertThat(kek.unwrap(wrapped)).isEqualTo(keyData);
        }

        @Test
        void refuses_to_unwrap_under_another_kek() {
            final KeyEncryptionKey first = TestKeys.randomKek("kek-a");
            final KeyEncryptionKey second = TestKeys.randomKek("kek-a");
            final byte[] wrapped = first.wrap(new byte[32]);

            assertThatThrownBy(() -> second.unwrap(wrapped))
                    .isInstanceOfSatisfying(VaultException.class,
                            e -> assertThat(e.reason()).isEqualTo(VaultException.Reason.KEY_UNWRAP_FAILED));
        }

        @Test
        void refuses_to_unwrap_an_altered_key() {
            final KeyEncryptionKey kek = TestKeys.randomKek("kek-a");
            final byte[] wrapped = kek.wrap(new byte[32]);
            wrapped[5] ^= 1;

            assertThatThrownBy(() -> kek.unwrap(wrapped))
                    .isInstanceOfSatisfying(VaultException.class,
                            e -> assertThat(e.reason()).isEqualTo(VaultException.Reason.KEY_UNWRAP_FAILED));
        }
    }
}
