package org.safepassage.chaincode.model;

import java.time.Instant;

/**
 * A subject identified at a post ({@code RecordScan}). Not stored in the world state: it is the payload of the scan's
 * event, so the red-flag rules see where a child was presented even when no request or crossing followed.
 *
 * @param scanId the scanning transaction's id
 * @param scannedBy the scanning terminal's ledger identity ({@code MSP/common name})
 */
public record Scan(String scanId, String subjectId, String post, String scannedBy, Instant scannedAt) {
    public Scan {
        Require.ledgerId("scanId", scanId);
        Require.opaqueId("subjectId", subjectId);
        Require.post("post", post);
        Require.present("scannedBy", scannedBy);
        Require.present("scannedAt", scannedAt);
    }
}
