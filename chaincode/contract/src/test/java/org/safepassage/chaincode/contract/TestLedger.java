package org.safepassage.chaincode.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.safepassage.chaincode.model.CanonicalJson;
import org.safepassage.chaincode.model.CommitmentScheme;
import org.safepassage.chaincode.model.Endorsers;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.chaincode.model.LedgerEvent;
import org.safepassage.chaincode.model.ProtectionClass;
import org.safepassage.chaincode.model.RegisterSubjectCommand;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.ledger.sim.CertificateAuthority;
import org.safepassage.ledger.sim.Identity;
import org.safepassage.ledger.sim.LedgerSimulator;
import org.safepassage.ledger.sim.Result;
import org.safepassage.ledger.sim.SignaturePolicy;

/**
 * A fresh ledger simulator running the real contracts through the shim's contract router, with a clock the test moves
 * and real X.509 identities for every organisation and role.
 */
public final class TestLedger {
    private static final CertificateAuthority REGISTRY = CertificateAuthority.create("RegistryMSP");
    private static final CertificateAuthority BORDER = CertificateAuthority.create("BorderMSP");
    private static final CertificateAuthority CHILD_PROTECTION = CertificateAuthority.create("ChildProtectionMSP");
    private static final CertificateAuthority ROMANIA_BORDER = CertificateAuthority.create("RomaniaBorderMSP");
    private static final CertificateAuthority OUTSIDE = CertificateAuthority.create("OutsiderMSP");

    public static final Identity OFFICER = member(REGISTRY, "officer-01", "officer");
    public static final Identity REGISTRY_SUPERVISOR = member(REGISTRY, "registry-supervisor-01", "supervisor");
    public static final Identity DPO = member(REGISTRY, "dpo-01", "dpo");
    public static final Identity REGISTRY_NO_ROLE = member(REGISTRY, "registry-clerk-01", null);
    public static final Identity GUARD = member(BORDER, "post-md-leuseni-01", "guard");
    public static final Identity BORDER_SUPERVISOR = member(BORDER, "post-md-leuseni-supervisor", "supervisor");
    public static final Identity BORDER_NO_ROLE = member(BORDER, "border-clerk-01", null);
    /** A border identity claiming a registry role: roles count only inside their organisation. */
    public static final Identity BORDER_OFFICER = member(BORDER, "border-officer-01", "officer");
    /** The neighbouring country's border post terminal and supervisor. */
    public static final Identity RO_GUARD = member(ROMANIA_BORDER, "post-ro-sculeni-01", "guard");
    public static final Identity RO_SUPERVISOR = member(ROMANIA_BORDER, "post-ro-sculeni-supervisor", "supervisor");
    public static final Identity RO_NO_ROLE = member(ROMANIA_BORDER, "ro-border-clerk-01", null);
    public static final String RO_POST = "RO-SCULENI";
    public static final Identity NOTIFIER = member(CHILD_PROTECTION, "guardian-notify", "notifier");
    public static final Identity ANALYST = member(CHILD_PROTECTION, "analyst-01", "analyst");
    public static final Identity ANALYTICS = member(CHILD_PROTECTION, "redflag-analytics", "analytics");
    public static final Identity CHILD_PROTECTION_NO_ROLE = member(CHILD_PROTECTION, "cp-clerk-01", null);
    /** A stranger to the channel's organisations, with a role that would otherwise let it enroll. */
    public static final Identity OUTSIDER = member(OUTSIDE, "outsider-01", "officer");

    /** Every identity above, for access-control tests. */
    public static final List<Identity> EVERYONE = List.of(OFFICER, REGISTRY_SUPERVISOR, DPO, REGISTRY_NO_ROLE, GUARD,
            BORDER_SUPERVISOR, BORDER_NO_ROLE, BORDER_OFFICER, NOTIFIER, ANALYST, ANALYTICS, CHILD_PROTECTION_NO_ROLE,
            RO_GUARD, RO_SUPERVISOR, RO_NO_ROLE, OUTSIDER);

    public static final Instant START = Instant.parse("2026-11-29T08:00:00Z");
    public static final String POST = "MD-LEUSENI";
    public static final String EVIDENCE = "e1".repeat(32);

    static {
        RefusalLogging.install();
    }

    private final MovableClock clock = new MovableClock(START);
    /** Validates endorsements as Fabric does, with the chaincode's own policies; submit endorses as planned. */
    private final LedgerSimulator simulator = new LedgerSimulator(LedgerSimulator.DEFAULT_CHANNEL_ID,
            LedgerSimulator.DEFAULT_PEER_MSP_ID, clock, SignaturePolicy.compile(Endorsers.chaincodePolicy()));
    private final AtomicInteger sequence = new AtomicInteger();
    private Result last;

    private static Identity member(final CertificateAuthority ca, final String name, final String role) {
        return ca.issue(name, "client", role == null ? Map.of() : Map.of("role", role));
    }

    public LedgerSimulator simulator() {
        return simulator;
    }

    public Instant now() {
        return clock.instant();
    }

    public void advance(final Duration duration) {
        clock.advance(duration);
    }

    /** Submits a transaction; the result is kept for {@link #lastEvent()}. */
    public Result submit(final Identity caller, final String function, final String... args) {
        last = simulator.submit(caller, function, args);
        return last;
    }

    /** Submits a transaction that must commit VALID, and parses its result. */
    public <T> T ok(final Identity caller, final Class<T> type, final String function, final String... args) {
        final Result result = submit(caller, function, args);
        assertThat(result.status()).as("%s: %s", function, result.message()).isEqualTo(200);
        assertThat(result.validationCode()).isEqualTo(TxValidationCode.VALID);
        return CanonicalJson.parse(result.payload(), type);
    }

    /** Submits a transaction that must commit VALID, and parses its list result. */
    public <T> List<T> okList(final Identity caller, final Class<T> type, final String function,
            final String... args) {
        final Result result = submit(caller, function, args);
        assertThat(result.status()).as("%s: %s", function, result.message()).isEqualTo(200);
        return CanonicalJson.parseList(result.payloadAsString(), type);
    }

    /**
     * Submits a transaction that the chaincode must refuse, and returns the refusal's code. A refused transaction is
     * never committed, and its code is both the payload and the message's prefix.
     */
    public ErrorCode refusal(final Identity caller, final String function, final String... args) {
        final long height = simulator.blockHeight();
        final Result result = submit(caller, function, args);
        assertThat(result.status()).as("%s must be refused, answered %s", function, result.payloadAsString())
                .isEqualTo(500);
        assertThat(result.isCommitted()).isFalse();
        assertThat(simulator.blockHeight()).isEqualTo(height);
        final ErrorCode code = ErrorCode.valueOf(result.payloadAsString());
        assertThat(result.message()).startsWith(code.name() + ": ");
        return code;
    }

    /** The event of the last submitted transaction, checked against its name on the ledger. */
    public LedgerEvent lastEvent() {
        assertThat(last.endorsement().event()).as("the last transaction emitted an event").isNotNull();
        final LedgerEvent event = CanonicalJson.parse(last.endorsement().event().payload(), LedgerEvent.class);
        assertThat(last.endorsement().event().name()).isEqualTo(event.type().eventName());
        return event;
    }

    public boolean lastEmittedNothing() {
        return last.endorsement().event() == null;
    }

    /** A fresh opaque id, such as enrollment mints. */
    public String newId(final String prefix) {
        return String.format("%s-%012d-test", prefix, sequence.incrementAndGet());
    }

    /** A fresh commitment (32 bytes, hex). */
    public String newCommitment() {
        final byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) sequence.incrementAndGet());
        bytes[0] = 0x5a;
        return HexFormat.of().formatHex(bytes);
    }

    /** Registers an active minor with {@code guardians} new guardians and an M-of-N quorum. */
    public Subject registerMinor(final int quorum, final int guardians) {
        final List<String> refs = java.util.stream.IntStream.range(0, guardians)
                .mapToObj(i -> newId("guardian"))
                .toList();
        return ok(OFFICER, Subject.class, "subject:RegisterSubject", json(new RegisterSubjectCommand(newId("subject"),
                newCommitment(), CommitmentScheme.FP_V1, ProtectionClass.MINOR, refs, quorum,
                YearMonth.from(START.atOffset(ZoneOffset.UTC)).plusYears(10))));
    }

    /** Registers an adult survivor without guardians. */
    public Subject registerSurvivor() {
        return ok(OFFICER, Subject.class, "subject:RegisterSubject", json(new RegisterSubjectCommand(newId("subject"),
                newCommitment(), CommitmentScheme.FP_V1, ProtectionClass.SURVIVOR, List.of(), 0, null)));
    }

    public static String json(final Object record) {
        return CanonicalJson.toJson(record);
    }

    public static String utf8(final byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A clock the test moves by hand, so expiry rules can be exercised without waiting. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(final Instant start) {
            this.now = start;
        }

        void advance(final Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(final ZoneId zone) {
            throw new UnsupportedOperationException("the test clock is UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
