package org.safepassage.enrollment.erasure;

import java.time.Instant;
import java.util.List;

/**
 * What a person (or their guardian) receives after erasure: what was destroyed, when, and where the ledger records it.
 * Names no one: the subject id is the opaque id on their enrollment receipt.
 *
 * @param erased what was destroyed, e.g. "personal data", "guardian details (3)", "fingerprint templates (2)"
 * @param ledgerTxId the EraseSubject transaction, which anyone with ledger access can look up
 * @param issuer the distinguished name of the data-protection officer's certificate that signs this
 */
public record ErasureCertificate(String certificateId, String subjectId, String requestRef, Instant erasedAt,
        List<String> erased, String ledgerChannel, String ledgerTxId, Instant ledgerErasedAt, String issuer) {
    public ErasureCertificate {
        erased = List.copyOf(erased);
    }
}
