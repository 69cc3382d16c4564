package org.safepassage.devpeer;

import java.security.SecureRandom;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.safepassage.chaincode.model.CommitmentScheme;
import org.safepassage.chaincode.model.ProtectionClass;
import org.safepassage.chaincode.model.RegisterSubjectCommand;

/** Fresh, valid commands for the tests. */
final class Commands {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Commands() {}

    static String newId(final String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "");
    }

    static String commitment() {
        final byte[] commitment = new byte[32];
        RANDOM.nextBytes(commitment);
        return HexFormat.of().formatHex(commitment);
    }

    static RegisterSubjectCommand minor(final int guardians, final int quorum) {
        final List<String> refs = IntStream.range(0, guardians).mapToObj(i -> newId("guardian")).toList();
        return new RegisterSubjectCommand(newId("subject"), commitment(), CommitmentScheme.FP_V1, ProtectionClass.MINOR,
                refs, quorum, YearMonth.now().plusYears(10));
    }

    static RegisterSubjectCommand survivor() {
        return new RegisterSubjectCommand(newId("subject"), commitment(), CommitmentScheme.FP_V1,
                ProtectionClass.SURVIVOR, List.of(), 0, null);
    }
}
