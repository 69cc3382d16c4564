package org.safepassage.guardian.redflag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.chaincode.client.EventStream;
import org.safepassage.chaincode.client.LedgerConnection;
import org.safepassage.chaincode.client.LedgerGateway;
import org.safepassage.chaincode.client.ReceivedEvent;
import org.safepassage.chaincode.client.SafePassageChaincode;
import org.safepassage.chaincode.model.Alert;
import org.safepassage.chaincode.model.AlertType;
import org.safepassage.chaincode.model.CommitmentScheme;
import org.safepassage.chaincode.model.Crossing;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.LegalBasis;
import org.safepassage.chaincode.model.OpenCrossingRequestCommand;
import org.safepassage.chaincode.model.Outcome;
import org.safepassage.chaincode.model.ProtectionClass;
import org.safepassage.chaincode.model.RecordCrossingCommand;
import org.safepassage.chaincode.model.RecordScanCommand;
import org.safepassage.chaincode.model.RedFlagRule;
import org.safepassage.chaincode.model.RegisterSubjectCommand;
import org.safepassage.devstack.DevPeerProcess;

/**
 * The engine against the devpeer as the analytics identity: a pass stopped mid-stream, as a crash would stop it, then
 * passes from the first block (the oldest checkpoint there is) raise every alert exactly once.
 */
class RedFlagResumeTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final PhoneBook NO_PHONES = new PhoneBook() {
        @Override
        public Optional<String> phoneOf(final String requestId, final String guardianRef) {
            return Optional.empty();
        }

        @Override
        public Set<String> phonesOf(final String requestId) {
            return Set.of();
        }
    };

    @TempDir
    Path work;

    @Test
    void a_pass_stopped_mid_stream_then_passes_from_the_first_block_raise_each_alert_once() throws Exception {
        try (DevPeerProcess peer = DevPeerProcess.start(work.resolve("ledger"), work.resolve("crypto"), work)) {
            final LedgerConnection connection = LedgerConnection.read(peer.connectionFile());
            try (LedgerGateway officer = LedgerGateway.connect(connection, "RegistryMSP", "officer");
                    LedgerGateway guard = LedgerGateway.connect(connection, "BorderMSP", "guard");
                    LedgerGateway analytics = LedgerGateway.connect(connection, "ChildProtectionMSP", "analytics")) {
                final String companion = id("companion");
                final List<String> children = List.of(minor(officer), minor(officer), minor(officer), minor(officer));
                guard.chaincode().crossings().recordScan(new RecordScanCommand(children.get(1), "MD-LEUSENI"));
                for (final String child : children) {
                    guard.chaincode().crossings().openRequest(new OpenCrossingRequestCommand(child, "MD-LEUSENI",
                            Direction.EXIT, companion, 900));
                }
                deny(guard.chaincode(), children.get(0), "MD-LEUSENI");
                final String last = deny(guard.chaincode(), children.get(0), "MD-SCULENI").crossingId();
                final SafePassageChaincode ledger = analytics.chaincode();
                final List<Alert> found = new ArrayList<>();

                // the first pass dies right after raising its first alert, the rest of the stream unread
                final RedFlagRun crashed = new RedFlagRun(RedFlagSettings.defaults(), NO_PHONES, ledger.alerts(),
                        found::add);
                read(ledger, crashed, e -> !crashed.raised().isEmpty());
                assertThat(crashed.raised()).isEqualTo(Map.of(RedFlagRule.COMPANION_MANY_CHILDREN, 1));

                final RedFlagRun resumed = new RedFlagRun(RedFlagSettings.defaults(), NO_PHONES, ledger.alerts(),
                        found::add);
                read(ledger, resumed, e -> e.transactionId().equals(last));
                final RedFlagRun again = new RedFlagRun(RedFlagSettings.defaults(), NO_PHONES, ledger.alerts(),
                        found::add);
                read(ledger, again, e -> e.transactionId().equals(last));

                assertThat(resumed.raised()).isEqualTo(Map.of(RedFlagRule.POST_SHOPPING, 1));
                assertThat(again.raised()).isEmpty();
                // every pass is told of every hit it found, raised by it or before it: 1, then 2, then 2
                assertThat(found).hasSize(5).extracting(Alert::alertId).containsOnly(
                        found.get(0).alertId(), found.get(2).alertId());
                final List<Alert> redFlags = ledger.alerts().listOpen().stream()
                        .filter(a -> a.type() == AlertType.RED_FLAG).toList();
                assertThat(redFlags).extracting(Alert::rule).containsExactlyInAnyOrder(
                        RedFlagRule.COMPANION_MANY_CHILDREN, RedFlagRule.POST_SHOPPING);
                assertThat(redFlags.get(0).evidence()).isNotEmpty();
            }
        }
    }

    @Test
    void the_reconciliation_across_two_countries_raises_each_unmatched_crossing_once_however_often_it_is_read()
            throws Exception {
        try (DevPeerProcess peer = DevPeerProcess.start(work.resolve("ledger"), work.resolve("crypto"), work)) {
            final LedgerConnection connection = LedgerConnection.read(peer.connectionFile());
            try (LedgerGateway officer = LedgerGateway.connect(connection, "RegistryMSP", "officer");
                    LedgerGateway moldova = LedgerGateway.connect(connection, "BorderMSP", "guard");
                    LedgerGateway romania = LedgerGateway.connect(connection, "RomaniaBorderMSP", "guard");
                    LedgerGateway analytics = LedgerGateway.connect(connection, "ChildProtectionMSP", "analytics")) {
                final String matched = adult(officer);
                final String leftOnly = adult(officer);
                final String arrivedOnly = adult(officer);
                cross(moldova.chaincode(), matched, "MD-LEUSENI", Direction.EXIT);
                cross(romania.chaincode(), matched, "RO-SCULENI", Direction.ENTRY);
                cross(moldova.chaincode(), leftOnly, "MD-SCULENI", Direction.EXIT);
                Thread.sleep(6_000);
                // past the 5-second window: this entry's transaction time fires the unmatched exit
                cross(romania.chaincode(), arrivedOnly, "RO-ALBITA", Direction.ENTRY);
                Thread.sleep(6_000);
                // and a later transaction fires the unmatched entry: the one scan at Giurgiulesti
                moldova.chaincode().crossings().recordScan(new RecordScanCommand(matched, "MD-GIURGIULESTI"));
                final RedFlagSettings settings = new RedFlagSettings(4, java.time.Duration.ofDays(30), 5,
                        java.time.Duration.ofDays(30), java.time.Duration.ofDays(60), java.time.Duration.ofHours(72), 3,
                        java.time.Duration.ofDays(90), java.time.Duration.ofSeconds(30), 3,
                        java.time.Duration.ofSeconds(5), Set.of("MD", "RO"), Set.of(), java.time.Instant.EPOCH, "MD");
                final SafePassageChaincode ledger = analytics.chaincode();
                final List<Alert> found = new ArrayList<>();
                final Predicate<ReceivedEvent> lastScan = e -> e.event().scan() != null
                        && e.event().scan().post().equals("MD-GIURGIULESTI");

                final RedFlagRun crashed = new RedFlagRun(settings, NO_PHONES, ledger.alerts(), found::add);
                read(ledger, crashed, e -> !crashed.raised().isEmpty());
                final RedFlagRun resumed = new RedFlagRun(settings, NO_PHONES, ledger.alerts(), found::add);
                read(ledger, resumed, lastScan);
                final RedFlagRun again = new RedFlagRun(settings, NO_PHONES, ledger.alerts(), found::add);
                read(ledger, again, lastScan);

                assertThat(crashed.raised().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
                assertThat(resumed.raised().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
                assertThat(again.raised()).isEmpty();
                assertThat(ledger.alerts().listOpen().stream().filter(a -> a.type() == AlertType.RED_FLAG))
                        .extracting(Alert::rule, Alert::subjectId).containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple(RedFlagRule.EXIT_WITHOUT_ARRIVAL, leftOnly),
                                org.assertj.core.groups.Tuple.tuple(RedFlagRule.ARRIVAL_WITHOUT_EXIT, arrivedOnly));
            }
        }
    }

    private static void cross(final SafePassageChaincode border, final String subject, final String post,
            final Direction direction) {
        border.crossings().recordScan(new RecordScanCommand(subject, post));
        border.crossings().recordCrossing(new RecordCrossingCommand(subject, post, direction, Outcome.ALLOWED, null,
                LegalBasis.notRequired()));
    }

    private static String adult(final LedgerGateway officer) {
        final byte[] commitment = new byte[32];
        RANDOM.nextBytes(commitment);
        final String subjectId = id("subject");
        officer.chaincode().subjects().register(new RegisterSubjectCommand(subjectId,
                HexFormat.of().formatHex(commitment), CommitmentScheme.FP_V1, ProtectionClass.SURVIVOR, List.of(), 0,
                YearMonth.now().minusYears(1)));
        return subjectId;
    }

    /** Reads from the first block into the run until {@code stop} holds for an event just handled. */
    private static void read(final SafePassageChaincode ledger, final RedFlagRun run,
            final Predicate<ReceivedEvent> stop) {
        try (EventStream stream = ledger.events().strict().fromBlock(0)) {
            while (stream.hasNext()) {
                final ReceivedEvent event = stream.next();
                run.accept(event);
                if (stop.test(event)) {
                    return;
                }
            }
        }
    }

    private static Crossing deny(final SafePassageChaincode border, final String child, final String post) {
        return border.crossings().recordCrossing(new RecordCrossingCommand(child, post, Direction.EXIT,
                Outcome.DENIED, null, LegalBasis.notRequired()));
    }

    private static String minor(final LedgerGateway officer) {
        final byte[] commitment = new byte[32];
        RANDOM.nextBytes(commitment);
        final String subjectId = id("subject");
        officer.chaincode().subjects().register(new RegisterSubjectCommand(subjectId,
                HexFormat.of().formatHex(commitment), CommitmentScheme.FP_V1, ProtectionClass.MINOR,
                List.of(id("guardian")), 1, YearMonth.now().plusYears(10)));
        return subjectId;
    }

    private static String id(final String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "");
    }
}
