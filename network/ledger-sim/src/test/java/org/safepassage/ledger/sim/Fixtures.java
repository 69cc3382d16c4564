package org.safepassage.ledger.sim;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/** Shared identities and helpers; key generation is cheap but not free, so identities are made once. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final CertificateAuthority GUARDIAN_CA = CertificateAuthority.create("GuardianOrgMSP");
    static final Identity ALICE = GUARDIAN_CA.issue("alice", "client", Map.of("role", "guard"));
    static final Identity BOB = GUARDIAN_CA.issue("bob", "client", Map.of());

    private Fixtures() {}

    static byte[] utf8(final String value) {
        return value.getBytes(UTF_8);
    }

    /** Commits plain writes straight into a world state, as block {@code blockNum}, one transaction. */
    static void seed(final WorldState state, final long blockNum, final String... keysAndValues) {
        final ReadWriteSet.Write[] writes = new ReadWriteSet.Write[keysAndValues.length / 2];
        for (int i = 0; i < writes.length; i++) {
            writes[i] = new ReadWriteSet.Write(keysAndValues[2 * i], utf8(keysAndValues[2 * i + 1]));
        }
        final ReadWriteSet rwSet = new ReadWriteSet(List.of(), List.of(), Arrays.asList(writes), List.of());
        state.commit(blockNum, List.of(new WorldState.BlockTx("seed-" + blockNum, NOW, rwSet, TxValidationCode.VALID)));
    }
}
