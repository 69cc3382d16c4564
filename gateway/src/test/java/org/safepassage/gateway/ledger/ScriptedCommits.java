package org.safepassage.gateway.ledger;

import jakarta.enterprise.inject.Vetoed;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.safepassage.chaincode.client.Alerts;
import org.safepassage.chaincode.client.AuditAnchors;
import org.safepassage.chaincode.client.Crossings;
import org.safepassage.chaincode.client.LedgerEvents;
import org.safepassage.chaincode.client.SafePassageChaincode;
import org.safepassage.chaincode.client.Subjects;
import org.safepassage.chaincode.client.Submitted;
import org.safepassage.chaincode.client.Trips;
import org.safepassage.chaincode.model.Crossing;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.OpenCrossingRequestCommand;
import org.safepassage.chaincode.model.RecordCrossingCommand;
import org.safepassage.chaincode.model.RecordGuardianDecisionCommand;
import org.safepassage.chaincode.model.RecordScanCommand;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.gateway.support.GatewayTestEnvironment;
import org.safepassage.gateway.support.TestLedger;

/**
 * The posts' ledger (the devpeer, as each post) with one subject's {@code RecordScan} commits scripted: the first
 * asynchronous submission of a scan of that subject is endorsed as the devpeer reads the subject, but its commit is
 * {@link #firstCommit()}, a future the test completes (or fails) when it likes; a waiting submission of the same scan
 * afterwards (the scan service's resubmission) goes through {@code resubmission}. Everything else reaches the devpeer.
 * Installed over the application's bean with {@code QuarkusMock.installMockForType}; vetoed, so it is no bean itself.
 */
@Vetoed
public final class ScriptedCommits extends PostLedgers {
    /** What a resubmission of the scripted scan does, given the real, waiting submission. */
    @FunctionalInterface
    public interface Resubmission {
        /** Submits to the devpeer and waits, as the real client does. */
        Resubmission THROUGH = Supplier::get;

        Subject submit(Supplier<Subject> ledger);
    }

    private final String subjectId;
    private final Resubmission resubmission;
    private final CompletableFuture<Void> firstCommit;
    private final AtomicInteger submitted = new AtomicInteger();
    private final AtomicInteger resubmitted = new AtomicInteger();
    private final AtomicInteger resubmissionsDone = new AtomicInteger();

    private ScriptedCommits(final String subjectId, final CompletableFuture<Void> firstCommit,
            final Resubmission resubmission) {
        super(GatewayTestEnvironment.connectionFile(), "BorderMSP");
        this.subjectId = Objects.requireNonNull(subjectId, "subjectId");
        this.firstCommit = Objects.requireNonNull(firstCommit, "firstCommit");
        this.resubmission = Objects.requireNonNull(resubmission, "resubmission");
    }

    /**
     * Scripts the scans of {@code subjectId}.
     *
     * @param subjectId the scanned subject
     * @param firstCommit the outcome of the first submission's commit, completed by the test
     * @param resubmission what a resubmission does
     */
    public static ScriptedCommits of(final String subjectId, final CompletableFuture<Void> firstCommit,
            final Resubmission resubmission) {
        return new ScriptedCommits(subjectId, firstCommit, resubmission);
    }

    /** The first submission's commit, as the scan service sees it. */
    public CompletableFuture<Void> firstCommit() {
        return firstCommit;
    }

    /** How many scans of the subject were submitted without waiting. */
    public int submitted() {
        return submitted.get();
    }

    /** How many resubmissions started. */
    public int resubmitted() {
        return resubmitted.get();
    }

    /** How many resubmissions returned or threw. */
    public int resubmissionsDone() {
        return resubmissionsDone.get();
    }

    @Override
    public SafePassageChaincode as(final String ledgerUser) {
        return new Chaincode(TestLedger.as("BorderMSP", ledgerUser));
    }

    private final class Chaincode implements SafePassageChaincode {
        private final SafePassageChaincode real;

        Chaincode(final SafePassageChaincode real) {
            this.real = real;
        }

        @Override
        public SafePassageChaincode actingFor(final String actor) {
            return new Chaincode(real.actingFor(actor));
        }

        @Override
        public String chaincodeName() {
            return real.chaincodeName();
        }

        @Override
        public Subjects subjects() {
            return real.subjects();
        }

        @Override
        public Crossings crossings() {
            return new ScriptedCrossings(real);
        }

        @Override
        public Trips trips() {
            return real.trips();
        }

        @Override
        public Alerts alerts() {
            return real.alerts();
        }

        @Override
        public AuditAnchors auditAnchors() {
            return real.auditAnchors();
        }

        @Override
        public LedgerEvents events() {
            return real.events();
        }
    }

    private final class ScriptedCrossings implements Crossings {
        private final SafePassageChaincode real;

        ScriptedCrossings(final SafePassageChaincode real) {
            this.real = real;
        }

        @Override
        public Subject recordScan(final RecordScanCommand command) {
            if (!command.subjectId().equals(subjectId) || submitted.get() == 0) {
                return real.crossings().recordScan(command);
            }
            resubmitted.incrementAndGet();
            try {
                return resubmission.submit(() -> real.crossings().recordScan(command));
            } finally {
                resubmissionsDone.incrementAndGet();
            }
        }

        @Override
        public Submitted<Subject> recordScanAsync(final RecordScanCommand command) {
            if (!command.subjectId().equals(subjectId) || submitted.getAndIncrement() > 0) {
                return real.crossings().recordScanAsync(command);
            }
            // Endorsed as the devpeer would: the subject as it reads it now. Nothing reaches the orderer.
            final Subject read = real.subjects().read(command.subjectId());
            return new Submitted<>(read, TestLedger.id("scripted-tx"), firstCommit);
        }

        @Override
        public CrossingRequest openRequest(final OpenCrossingRequestCommand command) {
            return real.crossings().openRequest(command);
        }

        @Override
        public CrossingRequest recordDecision(final RecordGuardianDecisionCommand command) {
            return real.crossings().recordDecision(command);
        }

        @Override
        public CrossingRequest expireRequest(final String requestId) {
            return real.crossings().expireRequest(requestId);
        }

        @Override
        public CrossingRequest cancelRequest(final String requestId) {
            return real.crossings().cancelRequest(requestId);
        }

        @Override
        public CrossingRequest readRequest(final String requestId) {
            return real.crossings().readRequest(requestId);
        }

        @Override
        public Crossing recordCrossing(final RecordCrossingCommand command) {
            return real.crossings().recordCrossing(command);
        }

        @Override
        public List<Crossing> listCrossings(final String subjectId) {
            return real.crossings().listCrossings(subjectId);
        }
    }
}
