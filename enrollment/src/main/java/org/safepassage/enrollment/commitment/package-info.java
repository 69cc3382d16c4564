/**
 * Biometric commitments, scheme {@code fp-v1}: what the ledger holds instead of any biometric data.
 *
 * <p>Entry point: {@link org.safepassage.enrollment.commitment.FpV1Commitments}. A commitment is a keyed, slow
 * derivation of a key derived from the enrolled template: {@code k = HKDF-SHA256(template, salt,
 * "safepassage/fp-v1/key")}, then {@code Argon2id(k, salt, secret = pepper-derived, ad = domain tag ‖ scheme id)}.
 * The per-subject {@link org.safepassage.enrollment.commitment.CommitmentSalt} stays off-chain in the vault; the
 * system {@link org.safepassage.enrollment.commitment.Pepper} is held like a key, so the replicated commitment cannot
 * be attacked offline even by someone holding a copy of the gallery without the pepper. Fingerprint matchers give
 * scores, not stable keys: a fresh scan is matched off-chain and the commitment is recomputed from the stored
 * template, which detects an altered off-chain record.
 */
package org.safepassage.enrollment.commitment;
