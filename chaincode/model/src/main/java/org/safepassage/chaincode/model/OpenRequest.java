package org.safepassage.chaincode.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which crossing request a subject has open: the per-subject marker the chaincode keeps under
 * {@code openrequest [subjectId]} so that {@code OpenCrossingRequest} refuses a second one as
 * {@link ErrorCode#REQUEST_ALREADY_OPEN}. Opaque ids only, no personal data.
 *
 * <p>The refusal names the open request in its explanation ({@link #explanation()}), because a Fabric Gateway passes a
 * chaincode error's message on to the client but drops its payload; {@link #fromExplanation} reads it back, so the
 * wording lives in this one place for the chaincode and the client.
 *
 * @param subjectId the subject
 * @param requestId the subject's open request (the id of the transaction that opened it)
 */
public record OpenRequest(String subjectId, String requestId) {
    /* Ledger ids have no spaces (Identifiers.LEDGER_ID_PATTERN), so the id ends at the next space or the end. */
    private static final Pattern NAMED = Pattern.compile("already has open crossing request (\\S+)");

    public OpenRequest {
        Require.opaqueId("subjectId", subjectId);
        Require.ledgerId("requestId", requestId);
    }

    /**
     * The explanation of a {@link ErrorCode#REQUEST_ALREADY_OPEN} refusal.
     *
     * @return e.g. {@code subject S already has open crossing request R}
     */
    public String explanation() {
        return "subject " + subjectId + " already has open crossing request " + requestId;
    }

    /**
     * The open request a refusal's explanation names.
     *
     * @param explanation the explanation of a {@link ErrorCode#REQUEST_ALREADY_OPEN} refusal, without the code
     * @return the request's id, or empty if the explanation names none
     */
    public static Optional<String> fromExplanation(final String explanation) {
        if (explanation == null) {
            return Optional.empty();
        }
        final Matcher matcher = NAMED.matcher(explanation);
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Require.ledgerId("requestId", matcher.group(1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
