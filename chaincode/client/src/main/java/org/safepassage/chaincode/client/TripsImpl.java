package org.safepassage.chaincode.client;

import static org.safepassage.chaincode.client.ContractCalls.json;

import java.util.List;
import java.util.Objects;
import org.safepassage.chaincode.model.AuthoriseTripCommand;
import org.safepassage.chaincode.model.PreAuthorisedTrip;
import org.safepassage.chaincode.model.RevokeTripCommand;

final class TripsImpl implements Trips {
    static final String CONTRACT = "trip";

    private final ContractCalls calls;

    TripsImpl(final ContractCalls calls) {
        this.calls = calls;
    }

    @Override
    public PreAuthorisedTrip authorise(final AuthoriseTripCommand command) {
        return calls.submit("AuthoriseTrip", PreAuthorisedTrip.class, json(command));
    }

    @Override
    public PreAuthorisedTrip revoke(final RevokeTripCommand command) {
        return calls.submit("RevokeTrip", PreAuthorisedTrip.class, json(command));
    }

    @Override
    public List<PreAuthorisedTrip> list(final String subjectId) {
        return calls.evaluateList("ListTrips", PreAuthorisedTrip.class, Objects.requireNonNull(subjectId, "subjectId"));
    }
}
