package org.safepassage.chaincode.client;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.safepassage.chaincode.model.AcknowledgeAlertCommand;
import org.safepassage.chaincode.model.Alert;
import org.safepassage.chaincode.model.AlertResolution;
import org.safepassage.chaincode.model.AlertType;
import org.safepassage.chaincode.model.AuthoriseTripCommand;
import org.safepassage.chaincode.model.CommitmentScheme;
import org.safepassage.chaincode.model.Crossing;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.Decision;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.EraseSubjectCommand;
import org.safepassage.chaincode.model.ErasureTombstone;
import org.safepassage.chaincode.model.GuardianApproval;
import org.safepassage.chaincode.model.LegalBasis;
import org.safepassage.chaincode.model.OpenCrossingRequestCommand;
import org.safepassage.chaincode.model.Outcome;
import org.safepassage.chaincode.model.PreAuthorisedTrip;
import org.safepassage.chaincode.model.ProtectionClass;
import org.safepassage.chaincode.model.RecordCrossingCommand;
import org.safepassage.chaincode.model.RecordGuardianDecisionCommand;
import org.safepassage.chaincode.model.RecordScanCommand;
import org.safepassage.chaincode.model.RegisterSubjectCommand;
import org.safepassage.chaincode.model.RenewCommitmentCommand;
import org.safepassage.chaincode.model.ReplaceGuardiansCommand;
import org.safepassage.chaincode.model.RevokeTripCommand;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.chaincode.model.SubjectStatus;

/** Valid records and commands with fixed values. */
final class Records {
    static final String SUBJECT_ID = "subj-0001-aaaa-bbbb";
    static final String G1 = "guardian-0001-aaaa";
    static final String G2 = "guardian-0002-bbbb";
    static final String COMMITMENT = "ab".repeat(32);
    static final String NEW_COMMITMENT = "ef".repeat(32);
    static final String EVIDENCE = "cd".repeat(32);
    static final String POST = "MD-LEUSENI";
    static final String REQUEST_ID = "5b1c0f3e9a7d4c2b8e6f1a0d3c5b7e9f2a4c6e8b0d1f3a5c7e9b2d4f6a8c0e1b";
    static final String CROSSING_ID = "7e2d4f6a8c0e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b2d";
    static final String TRIP_ID = "9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b2d4f6a8c0e1b3d5f7a9c1e";
    static final String ALERT_ID = "3a5c7e9b2d4f6a8c0e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c";
    static final Instant T0 = Instant.parse("2026-11-29T10:15:30Z");

    private Records() {}

    static Subject subject() {
        return new Subject(SUBJECT_ID, COMMITMENT, CommitmentScheme.FP_V1, ProtectionClass.MINOR, List.of(G1, G2), 1,
                SubjectStatus.ACTIVE, YearMonth.of(2034, 5), T0, T0);
    }

    static RegisterSubjectCommand register() {
        return new RegisterSubjectCommand(SUBJECT_ID, COMMITMENT, CommitmentScheme.FP_V1, ProtectionClass.MINOR,
                List.of(G1, G2), 1, YearMonth.of(2034, 5));
    }

    static ReplaceGuardiansCommand replaceGuardians() {
        return new ReplaceGuardiansCommand(SUBJECT_ID, List.of(G2), 1);
    }

    static RenewCommitmentCommand renewCommitment() {
        return new RenewCommitmentCommand(SUBJECT_ID, NEW_COMMITMENT, CommitmentScheme.FP_V1);
    }

    static EraseSubjectCommand erase() {
        return new EraseSubjectCommand(SUBJECT_ID, "erasure-request-0001");
    }

    static ErasureTombstone tombstone() {
        return new ErasureTombstone(SUBJECT_ID, "erasure-request-0001", CROSSING_ID, T0);
    }

    static RecordScanCommand scan() {
        return new RecordScanCommand(SUBJECT_ID, POST);
    }

    static OpenCrossingRequestCommand openRequest() {
        return new OpenCrossingRequestCommand(SUBJECT_ID, POST, Direction.EXIT, null, 600);
    }

    static CrossingRequest request() {
        return CrossingRequest.open(REQUEST_ID, subject(), POST, Direction.EXIT, null, T0, T0.plusSeconds(600));
    }

    static RecordGuardianDecisionCommand decision() {
        return new RecordGuardianDecisionCommand(REQUEST_ID, G1, Decision.APPROVE, EVIDENCE);
    }

    static RecordCrossingCommand recordCrossing() {
        return new RecordCrossingCommand(SUBJECT_ID, POST, Direction.EXIT, Outcome.ALLOWED, null,
                LegalBasis.approval(REQUEST_ID));
    }

    static Crossing crossing() {
        return new Crossing(CROSSING_ID, SUBJECT_ID, POST, Direction.EXIT, Outcome.ALLOWED,
                LegalBasis.approval(REQUEST_ID), null, "BorderMSP/post-leuseni-01", T0);
    }

    static AuthoriseTripCommand authoriseTrip() {
        return new AuthoriseTripCommand(SUBJECT_ID, T0, T0.plusSeconds(86_400), List.of(POST), List.of(),
                Direction.EXIT, null, List.of(new GuardianApproval(G1, EVIDENCE)));
    }

    static PreAuthorisedTrip trip() {
        return authoriseTrip().toTrip(TRIP_ID, T0);
    }

    static RevokeTripCommand revokeTrip() {
        return new RevokeTripCommand(SUBJECT_ID, TRIP_ID, G1, EVIDENCE);
    }

    static AcknowledgeAlertCommand acknowledge() {
        return new AcknowledgeAlertCommand(ALERT_ID, AlertResolution.CHILD_SAFE);
    }

    static Alert alert() {
        return Alert.raise(ALERT_ID, AlertType.MISSING_CHILD_SCANNED, SUBJECT_ID, POST, null, null, T0);
    }
}
