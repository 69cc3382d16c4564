package org.safepassage.chaincode.model;

import java.time.Instant;

/**
 * The on-chain proof that a subject was erased (GDPR Art. 17).
 *
 * @param requestRef opaque reference of the verified erasure request kept by the data-protection officer
 * @param erasureTxId the id of the erasing transaction, quoted in the erasure certificate
 */
public record ErasureTombstone(String subjectId, String requestRef, String erasureTxId, Instant erasedAt) {
    public ErasureTombstone {
        Require.opaqueId("subjectId", subjectId);
        Require.opaqueId("requestRef", requestRef);
        Require.ledgerId("erasureTxId", erasureTxId);
        Require.present("erasedAt", erasedAt);
    }
}
