package org.safepassage.chaincode.client;

import java.util.List;
import org.safepassage.chaincode.model.AuthoriseTripCommand;
import org.safepassage.chaincode.model.PreAuthorisedTrip;
import org.safepassage.chaincode.model.RevokeTripCommand;

/**
 * The chaincode's {@code trip} contract: trips the guardians approved in advance, so a minor crosses without an SMS
 * round trip.
 *
 * <p>Submitting methods return once the transaction has committed; evaluating ones ask a single peer. Failures are
 * reported as on {@link Subjects}. Arguments must not be null. Thread-safe.
 */
public interface Trips {
    /**
     * Submits {@code AuthoriseTrip}.
     *
     * @param command the trip and the guardians' approvals
     * @return the active trip; its id is the transaction id
     */
    PreAuthorisedTrip authorise(AuthoriseTripCommand command);

    /**
     * Submits {@code RevokeTrip}: one guardian withdrew the trip.
     *
     * @param command the revocation
     * @return the revoked trip
     */
    PreAuthorisedTrip revoke(RevokeTripCommand command);

    /**
     * Evaluates {@code ListTrips}.
     *
     * @param subjectId the subject's id
     * @return the subject's trips, active and revoked
     */
    List<PreAuthorisedTrip> list(String subjectId);
}
