/**
 * The personal-data vault's cryptographic core: per-subject envelope encryption.
 *
 * <p>Entry point: {@link org.safepassage.enrollment.vault.SubjectVault}. Each subject gets a random 256-bit data
 * key (DEK); every personal field and template is sealed with AES-256-GCM under that key, with the subject id and
 * field name bound in as associated data, so a ciphertext cannot be moved to another subject or field. DEKs are
 * stored only wrapped by a {@link org.safepassage.enrollment.vault.KeyEncryptionKey} (from configuration today,
 * a PKCS#11 HSM later) in a {@link org.safepassage.enrollment.vault.DataKeyStore}. Destroying a subject's wrapped
 * DEK ({@link org.safepassage.enrollment.vault.SubjectVault#destroySubjectKey}) crypto-shreds every ciphertext of
 * that subject, wherever copies of it survive (backups, WAL, replicas).
 */
package org.safepassage.enrollment.vault;
