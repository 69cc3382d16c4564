package org.safepassage.chaincode.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;

/**
 * Input of {@code alert:RaiseRedFlag}: a red-flag rule matched these ledger events.
 *
 * @param subjectId the subject of the event that completed the pattern
 * @param post the post of that event, if it had one
 * @param evidence the matched events, each transaction once, at most {@value #MAX_EVIDENCE}
 */
public record RedFlagCommand(RedFlagRule rule, String subjectId, String post, List<RedFlagEvidence> evidence) {
    public static final int MAX_EVIDENCE = 50;

    public RedFlagCommand {
        Require.present("rule", rule);
        Require.opaqueId("subjectId", subjectId);
        if (post != null) {
            Require.post("post", post);
        }
        evidence = Require.list("evidence", evidence);
        Require.that(!evidence.isEmpty() && evidence.size() <= MAX_EVIDENCE,
                "evidence: between 1 and " + MAX_EVIDENCE + " events");
        final var seen = new HashSet<String>();
        for (final RedFlagEvidence e : evidence) {
            Require.that(seen.add(e.transactionId()), "evidence: duplicate transaction " + e.transactionId());
        }
    }

    /**
     * The alert's id, derived from the rule and the evidence's transaction ids alone (in any order), so the same hit
     * found twice, after a crash or by reading the stream again from an old checkpoint, is the same alert.
     */
    public String alertId() {
        final var ids = evidence.stream().map(RedFlagEvidence::transactionId).sorted().toList();
        final String canonical = rule.name() + "\n" + String.join("\n", ids);
        try {
            final byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return "redflag-" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
