package org.safepassage.gateway.identify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Enrollment's answer to a scan.
 *
 * @param outcome {@code MATCH} or {@code NO_MATCH}
 * @param subjectId the matched subject
 * @param score the matcher's score
 * @param integrity {@code VERIFIED}, {@code MISMATCH} (the off-chain record was altered), {@code NOT_ON_LEDGER}, or
 *     {@code UNVERIFIED} (a live iris released no iris-fc-v1 key)
 * @param ledgerStatus the subject's ledger status as enrollment saw it
 * @param protectionClass {@code MINOR} or {@code SURVIVOR}
 * @param matchedBy the modalities that matched: {@code FINGERPRINT}, {@code IRIS} or both; null from an enrollment
 *     that predates irises
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Identification(String outcome, String subjectId, Double score, String integrity, String ledgerStatus,
        String protectionClass, List<String> matchedBy) {
    /** @return whether enrollment matched an enrolled subject */
    public boolean matched() {
        return "MATCH".equals(outcome) && subjectId != null;
    }

    /**
     * @return whether the live iris matched but released no iris-fc-v1 key (a noisy capture): the guard scans again,
     *     since the match is not proven against the ledger
     */
    public boolean unverified() {
        return "UNVERIFIED".equals(integrity);
    }

    /** @return whether the off-chain record no longer matches the ledger's commitment */
    public boolean tampered() {
        return "MISMATCH".equals(integrity);
    }
}
