package org.safepassage.enrollment.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SubjectVaultTest {
    private static final String ALICE = "subj-alice";
    private static final String BOB = "subj-bob";

    private KeyEncryptionKey kek;
    private DataKeyStore store;
    private SubjectVault vault;

    @BeforeEach
    void set_up() {
        kek = TestKeys.randomKek("kek-1");
        store = DataKeyStore.inMemory();
        vault = SubjectVault.create(kek, store);
        vault.createSubjectKey(ALICE);
        vault.createSubjectKey(BOB);
    }

    private static void assertFailsWith(final VaultException.Reason reason, final ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(VaultException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Nested
    class Encrypt {
        @Test
        void round_trips_a_field() {
            final byte[] sealed = vault.encryptText(ALICE, VaultField.of("name.given"), "Amina");

            assertThat(vault.decryptText(ALICE, VaultField.of("name.given"), sealed)).isEqualTo("Amina");
        }

        @Test
        void writes_version_1_with_a_fresh_nonce_each_time() {
            final byte[] first = vault.encryptText(ALICE, VaultField.of("name.given"), "Amina");
            final byte[] second = vault.encryptText(ALICE, VaultField.of("name.given"), "Amina");

            assertThat(first[0]).isEqualTo(SubjectVault.CIPHERTEXT_V1);
            assertThat(first).hasSize(1 + 12 + "Amina".length() + 16);
            assertThat(first).isNotEqualTo(second);
        }

        @Test
        void does_not_contain_the_plaintext() {
            final byte[] plaintext = "+44 7700 900123 guardian phone".getBytes(StandardCharsets.UTF_8);

            final String sealed = new String(vault.encrypt(ALICE, VaultField.of("guardian.phone"), plaintext),
                    StandardCharsets.ISO_8859_1);

            assertThat(sealed).doesNotContain("7700");
        }

        @Test
        void refuses_a_subject_without_a_key() {
            assertFailsWith(VaultException.Reason.NO_SUBJECT_KEY, () -> vault.encryptText("subj-nobody", VaultField.of("f"), "x"));
        }

        @Test
        void refuses_to_create_a_second_key_for_a_subject() {
            assertFailsWith(VaultException.Reason.SUBJECT_KEY_EXISTS, () -> vault.createSubjectKey(ALICE));
        }
    }

    @Nested
    class Decrypt {
        @Test
        void refuses_a_ciphertext_moved_to_another_subject() {
            final byte[] sealed = vault.encryptText(ALICE, VaultField.of("name.given"), "Amina");

            assertFailsWith(VaultException.Reason.AUTHENTICATION_FAILED,
                    () -> vault.decrypt(BOB, VaultField.of("name.given"), sealed));
        }

        @Test
        void refuses_a_ciphertext_moved_to_another_field() {
            final byte[] sealed = vault.encryptText(ALICE, VaultField.of("name.given"), "Amina");

            assertFailsWith(VaultException.Reason.AUTHENTICATION_FAILED,
                    () -> vault.decrypt(ALICE, VaultField.of("name.family"), sealed));
        }

        @Test
        void refuses_an_altered_ciphertext() {
            final byte[] sealed = vault.encryptText(ALICE, VaultField.of("name.given"), "Amina");
            sealed[sealed.length - 20] ^= 0x01;

            assertFailsWith(VaultException.Reason.AUTHENTICATION_FAILED,
                    () -> vault.decrypt(ALICE, VaultField.of("name.given"), sealed));
        }

        @Test
        void refuses_an_unknown_format_version() {
            final byte[] sealed = vault.encryptText(ALICE, VaultField.of("name.given"), "Amina");
            sealed[0] = 0x02;

            assertFailsWith(VaultException.Reason.UNSUPPORTED_VERSION,
                    () -> vault.decrypt(ALICE, VaultField.of("name.given"), sealed));
        }

        @Test
        void refuses_a_truncated_ciphertext() {
            assertFailsWith(VaultException.Reason.MALFORMED_CIPHERTEXT,
                    () -> vault.decrypt(ALICE, VaultField.of("name.given"), new byte[] {SubjectVault.CIPHERTEXT_V1, 1, 2}));
        }
    }

    @Nested
    class CryptoShredding {
        @Test
        void destroying_the_data_key_makes_every_ciphertext_of_the_subject_unreadable() {
            final byte[] name = vault.encryptText(ALICE, VaultField.of("name.given"), "Amina");
            final byte[] template = vault.encrypt(ALICE, VaultField.of("template.fp.1"), new byte[] {1, 2, 3, 4});

            assertThat(vault.destroySubjectKey(ALICE)).isTrue();

            assertThat(vault.hasSubjectKey(ALICE)).isFalse();
            assertFailsWith(VaultException.Reason.NO_SUBJECT_KEY, () -> vault.decrypt(ALICE, VaultField.of("name.given"), name));
            assertFailsWith(VaultException.Reason.NO_SUBJECT_KEY,
                    () -> vault.decrypt(ALICE, VaultField.of("template.fp.1"), template));
        }

        @Test
        void a_new_key_for_the_same_subject_id_does_not_revive_old_ciphertexts() {
            final byte[] name = vault.encryptText(ALICE, VaultField.of("name.given"), "Amina");
            vault.destroySubjectKey(ALICE);

            vault.createSubjectKey(ALICE);

            assertFailsWith(VaultException.Reason.AUTHENTICATION_FAILED,
                    () -> vault.decrypt(ALICE, VaultField.of("name.given"), name));
        }

        @Test
        void leaves_other_subjects_readable() {
            final byte[] bobsName = vault.encryptText(BOB, VaultField.of("name.given"), "Bilal");

            vault.destroySubjectKey(ALICE);

            assertThat(vault.decryptText(BOB, VaultField.of("name.given"), bobsName)).isEqualTo("Bilal");
        }

        @Test
        void reports_when_there_was_nothing_to_destroy() {
            vault.destroySubjectKey(ALICE);

            assertThat(vault.destroySubjectKey(ALICE)).isFalse();
        }
    }

    @Nested
    class KekRotation {
        @Test
        void records_the_kek_id_and_a_versioned_aes_kw_wrapped_key() {
            final WrappedDataKey stored = store.find(ALICE).orElseThrow();

            assertThat(stored.kekId()).isEqualTo("kek-1");
            assertThat(stored.wrapped()).hasSize(1 + 40);
            assertThat(stored.wrapped()[0]).isEqualTo(SubjectVault.WRAPPED_KEY_V1);
            assertThat(stored.toString()).doesNotContainPattern("[0-9a-f]{16}");
        }

        @Test
        void a_vault_without_the_kek_cannot_open_the_subject() {
            final byte[] sealed = vault.encryptText(ALICE, VaultField.of("name.given"), "Amina");
            final SubjectVault other = SubjectVault.create(TestKeys.randomKek("kek-2"), store);

            assertFailsWith(VaultException.Reason.UNKNOWN_KEK, () -> other.decrypt(ALICE, VaultField.of("name.given"), sealed));
        }

        @Test
        void a_kek_with_the_right_id_but_wrong_key_cannot_unwrap() {
            final byte[] sealed = vault.encryptText(ALICE, VaultField.of("name.given"), "Amina");
            final SubjectVault impostor = SubjectVault.create(TestKeys.randomKek("kek-1"), store);

            assertFailsWith(VaultException.Reason.KEY_UNWRAP_FAILED,
                    () -> impostor.decrypt(ALICE, VaultField.of("name.given"), sealed));
        }

        @Test
        void rewrapping_moves_a_subject_to_the_new_kek_and_keeps_its_data_readable() {
            final byte[] sealed = vault.encryptText(ALICE, VaultField.of("name.given"), "Amina");
            final KeyEncryptionKey newKek = TestKeys.randomKek("kek-2");
            final SubjectVault rotating = SubjectVault.create(newKek, store, kek);

            assertThat(rotating.rewrap(ALICE)).isTrue();
            assertThat(rotating.rewrap(ALICE)).isFalse();

            assertThat(store.find(ALICE).orElseThrow().kekId()).isEqualTo("kek-2");
            final SubjectVault newOnly = SubjectVault.create(newKek, store);
            assertThat(newOnly.decryptText(ALICE, VaultField.of("name.given"), sealed)).isEqualTo("Amina");
        }

        @Test
        void refuses_two_keks_with_one_id() {
            assertThatThrownBy(() -> SubjectVault.create(kek, store, TestKeys.randomKek("kek-1")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("kek-1");
        }
    }
}
