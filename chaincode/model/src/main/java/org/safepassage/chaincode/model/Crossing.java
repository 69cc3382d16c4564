package org.safepassage.chaincode.model;

import java.time.Instant;

/**
 * A crossing recorded by a border post: what happened, where, and on what basis.
 *
 * @param crossingId the id of the recording transaction
 * @param companionRef keyed hash of the accompanying adult's travel document, or absent
 * @param recordedBy the recording terminal's ledger identity ({@code MSP/common name}), so the ledger shows which post
 *     recorded what
 */
public record Crossing(
        String crossingId,
        String subjectId,
        String post,
        Direction direction,
        Outcome outcome,
        LegalBasis basis,
        String companionRef,
        String recordedBy,
        Instant recordedAt) {

    public Crossing {
        Require.ledgerId("crossingId", crossingId);
        Require.opaqueId("subjectId", subjectId);
        Require.post("post", post);
        Require.present("direction", direction);
        Require.present("outcome", outcome);
        Require.present("basis", basis);
        Require.optionalOpaqueId("companionRef", companionRef);
        Require.present("recordedBy", recordedBy);
        Require.present("recordedAt", recordedAt);
    }
}
