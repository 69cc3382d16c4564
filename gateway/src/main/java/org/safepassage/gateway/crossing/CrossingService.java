package org.safepassage.gateway.crossing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.safepassage.chaincode.client.ChaincodeRefusedException;
import org.safepassage.chaincode.client.SafePassageChaincode;
import org.safepassage.chaincode.model.Crossing;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.chaincode.model.Identifiers;
import org.safepassage.chaincode.model.LegalBasis;
import org.safepassage.chaincode.model.Outcome;
import org.safepassage.chaincode.model.OverrideReason;
import org.safepassage.chaincode.model.RecordCrossingCommand;
import org.safepassage.chaincode.model.RequestStatus;
import org.safepassage.gateway.ledger.PostLedgers;
import org.safepassage.gateway.scan.ScanService;
import org.safepassage.gateway.status.RequestTracker;
import org.safepassage.gateway.terminal.Terminal;
import org.safepassage.service.api.ApiException;

/**
 * Reads a post's crossing requests and records what the post did with them. The ledger enforces the rules (approval
 * quorum, expiry, one use per approval, supervisor-only overrides); its refusals reach the terminal as 4xx with the
 * chaincode's code.
 */
@ApplicationScoped
public class CrossingService {
    private static final Logger LOG = Logger.getLogger(CrossingService.class);

    private final PostLedgers ledgers;
    private final RequestTracker tracker;

    CrossingService(final PostLedgers ledgers, final RequestTracker tracker) {
        this.ledgers = ledgers;
        this.tracker = tracker;
    }

    /**
     * A request of the terminal's post.
     *
     * @param terminal the caller
     * @param requestId the request's id
     * @return the request
     * @throws ApiException 400 for a malformed id, 404 if the ledger has no such request for this post
     */
    public CrossingRequest read(final Terminal terminal, final String requestId) {
        try {
            Identifiers.requireLedgerId("requestId", requestId);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("requestId", "a request id as returned by a scan");
        }
        final CrossingRequest request = ledgers.as(terminal).crossings().readRequest(requestId);
        if (!request.post().equals(terminal.post())) {
            // Another post's request: do not confirm it exists.
            throw new ApiException(404, ErrorCode.REQUEST_NOT_FOUND.name(), "no request " + requestId
                    + " at this post", null);
        }
        return request;
    }

    /**
     * Records the crossing of a request's subject, citing the request's approval.
     *
     * @param terminal the caller
     * @param requestId the request's id
     * @param input ALLOWED or DENIED
     * @return the recorded crossing
     */
    public CrossingView record(final Terminal terminal, final String requestId, final CrossingInput input) {
        final Outcome outcome = outcome(input);
        final CrossingRequest request = read(terminal, requestId);
        final SafePassageChaincode ledger = ledgers.as(terminal);
        final Crossing crossing = ledger.crossings().recordCrossing(new RecordCrossingCommand(request.subjectId(),
                request.post(), request.direction(), outcome, request.companionRef(), LegalBasis.approval(requestId)));
        if (outcome == Outcome.DENIED) {
            cancelIfOpen(ledger, request);
        }
        return CrossingView.of(crossing, requestId);
    }

    /**
     * Lets a request's subject cross on a supervisor's authority, with a reason code; the ledger raises an alert. The
     * request, no longer needed, is cancelled.
     *
     * @param terminal the supervisor
     * @param requestId the request's id
     * @param input the reason code
     * @return the recorded crossing
     */
    public CrossingView override(final Terminal terminal, final String requestId, final OverrideInput input) {
        final OverrideReason reason = reason(input);
        final CrossingRequest request = read(terminal, requestId);
        final SafePassageChaincode ledger = ledgers.as(terminal);
        final Crossing crossing = ledger.crossings().recordCrossing(new RecordCrossingCommand(request.subjectId(),
                request.post(), request.direction(), Outcome.ALLOWED, request.companionRef(),
                LegalBasis.override(reason)));
        cancelIfOpen(ledger, request);
        return CrossingView.of(crossing, requestId);
    }

    /**
     * Records the crossing of a person a scan cleared: with the pre-authorised trip if the scan named one, else as not
     * needing guardian consent. The ledger refuses an ALLOWED crossing of a protected minor without a valid basis.
     *
     * @param terminal the caller
     * @param input the scan's answer and what the guard did
     * @return the recorded crossing
     */
    public CrossingView recordCleared(final Terminal terminal, final ClearedCrossingInput input) {
        if (input == null) {
            throw new ApiException(400, "MALFORMED_REQUEST", "a JSON crossing body is required", null);
        }
        final String subjectId = opaque("subjectId", input.subjectId(), true);
        final String companionRef = opaque("companionRef", input.companionRef(), false);
        final Direction direction = ScanService.direction(input.direction());
        final Outcome outcome = outcome(new CrossingInput(input.outcome()));
        final LegalBasis basis;
        if (input.tripId() == null || input.tripId().isBlank()) {
            basis = LegalBasis.notRequired();
        } else {
            try {
                basis = LegalBasis.preauthorised(Identifiers.requireLedgerId("tripId", input.tripId().trim()));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("tripId", "a trip id as returned by a scan");
            }
        }
        final Crossing crossing = ledgers.as(terminal).crossings().recordCrossing(
                new RecordCrossingCommand(subjectId, terminal.post(), direction, outcome, companionRef, basis));
        return CrossingView.of(crossing, null);
    }

    private static String opaque(final String field, final String value, final boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ApiException.invalid(field, "required");
            }
            return null;
        }
        try {
            return Identifiers.requireOpaqueId(field, value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "an opaque id as returned by a scan");
        }
    }

    private void cancelIfOpen(final SafePassageChaincode ledger, final CrossingRequest request) {
        final boolean open = request.status() == RequestStatus.PENDING
                || request.status() == RequestStatus.APPROVED && request.crossingId() == null;
        if (!open) {
            return;
        }
        try {
            tracker.update(ledger.crossings().cancelRequest(request.requestId()));
        } catch (ChaincodeRefusedException e) {
            // Decided or expired in the meantime: nothing left to cancel.
            LOG.debugf("request %s not cancelled: %s", request.requestId(), e.getMessage());
        }
    }

    private static Outcome outcome(final CrossingInput input) {
        if (input == null || input.outcome() == null) {
            throw ApiException.invalid("outcome", "ALLOWED or DENIED");
        }
        try {
            return Outcome.valueOf(input.outcome().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("outcome", "ALLOWED or DENIED");
        }
    }

    private static OverrideReason reason(final OverrideInput input) {
        final String expected = "one of " + Arrays.toString(OverrideReason.values());
        if (input == null || input.reasonCode() == null) {
            throw ApiException.invalid("reasonCode", expected);
        }
        try {
            return OverrideReason.valueOf(input.reasonCode().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("reasonCode", expected);
        }
    }
}
