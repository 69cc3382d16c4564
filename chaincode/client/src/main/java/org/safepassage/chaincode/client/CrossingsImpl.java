package org.safepassage.chaincode.client;

import static org.safepassage.chaincode.client.ContractCalls.json;

import java.util.List;
import java.util.Objects;
import org.safepassage.chaincode.model.Crossing;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.OpenCrossingRequestCommand;
import org.safepassage.chaincode.model.RecordCrossingCommand;
import org.safepassage.chaincode.model.RecordGuardianDecisionCommand;
import org.safepassage.chaincode.model.RecordScanCommand;
import org.safepassage.chaincode.model.Subject;

final class CrossingsImpl implements Crossings {
    static final String CONTRACT = "crossing";

    private final ContractCalls calls;

    CrossingsImpl(final ContractCalls calls) {
        this.calls = calls;
    }

    @Override
    public Subject recordScan(final RecordScanCommand command) {
        return calls.submit("RecordScan", Subject.class, json(command));
    }

    @Override
    public Submitted<Subject> recordScanAsync(final RecordScanCommand command) {
        return calls.submitAsync("RecordScan", Subject.class, json(command));
    }

    @Override
    public CrossingRequest openRequest(final OpenCrossingRequestCommand command) {
        return calls.submit("OpenCrossingRequest", CrossingRequest.class, json(command));
    }

    @Override
    public CrossingRequest recordDecision(final RecordGuardianDecisionCommand command) {
        return calls.submit("RecordGuardianDecision", CrossingRequest.class, json(command));
    }

    @Override
    public CrossingRequest expireRequest(final String requestId) {
        return calls.submit("ExpireCrossingRequest", CrossingRequest.class, id(requestId));
    }

    @Override
    public CrossingRequest cancelRequest(final String requestId) {
        return calls.submit("CancelCrossingRequest", CrossingRequest.class, id(requestId));
    }

    @Override
    public CrossingRequest readRequest(final String requestId) {
        return calls.evaluate("ReadCrossingRequest", CrossingRequest.class, id(requestId));
    }

    @Override
    public Crossing recordCrossing(final RecordCrossingCommand command) {
        return calls.submit("RecordCrossing", Crossing.class, json(command));
    }

    @Override
    public List<Crossing> listCrossings(final String subjectId) {
        return calls.evaluateList("ListCrossings", Crossing.class, Objects.requireNonNull(subjectId, "subjectId"));
    }

    private static String id(final String requestId) {
        return Objects.requireNonNull(requestId, "requestId");
    }
}
