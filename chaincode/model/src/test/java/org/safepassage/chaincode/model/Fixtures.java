package org.safepassage.chaincode.model;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** Records for tests, with fixed values so serialised bytes can be pinned. */
final class Fixtures {
    static final String SUBJECT = "subj-0001-aaaa-bbbb";
    static final String G1 = "guardian-0001-aaaa";
    static final String G2 = "guardian-0002-bbbb";
    static final String G3 = "guardian-0003-cccc";
    static final String COMMITMENT = "ab".repeat(32);
    static final String EVIDENCE = "cd".repeat(32);
    static final Instant T0 = Instant.parse("2026-11-29T10:15:30Z");

    private Fixtures() {}

    static Subject minor(final int quorum, final String... guardians) {
        return new Subject(SUBJECT, COMMITMENT, CommitmentScheme.FP_V1, ProtectionClass.MINOR, List.of(guardians),
                quorum, SubjectStatus.ACTIVE, YearMonth.of(2034, 5), T0, T0);
    }
}
