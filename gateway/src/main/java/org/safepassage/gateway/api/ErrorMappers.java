package org.safepassage.gateway.api;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.safepassage.chaincode.client.ChaincodeRefusedException;
import org.safepassage.chaincode.client.LedgerConflictException;
import org.safepassage.chaincode.client.LedgerException;
import org.safepassage.chaincode.client.LedgerUnavailableException;
import org.safepassage.service.api.ApiError;
import org.safepassage.service.api.ApiException;
import org.safepassage.service.api.ErrorAnswers;

/**
 * The gateway's own words for failures, beside the mappers every service shares
 * ({@link org.safepassage.service.api.ApiErrorMappers}): every answer is an {@link ApiError}, so a terminal never
 * parses an HTML page.
 * Ledger refusals keep the chaincode's {@code ErrorCode} and its HTTP status. Unexpected failures are logged and
 * answered without detail: scan bodies hold biometrics and document numbers and are never echoed or logged.
 */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response refused(final ChaincodeRefusedException e) {
        return respond(e.getCode().httpStatus(), new ApiError(e.getCode().name(),
                "the ledger refused: " + e.getExplanation(), Map.of("ledger", true)));
    }

    @ServerExceptionMapper
    public Response ledgerDown(final LedgerUnavailableException e) {
        LOG.warnf("ledger unavailable: %s", e.getMessage());
        return respond(503, new ApiError("LEDGER_UNAVAILABLE", "the ledger cannot be reached; try again",
                Map.of("outcomeUnknown", e.isOutcomeUnknown())));
    }

    @ServerExceptionMapper
    public Response conflict(final LedgerConflictException e) {
        return respond(409, new ApiError("LEDGER_CONFLICT",
                "a concurrent change to the same record won; read the state and try again", Map.of("retryable", true)));
    }

    @ServerExceptionMapper
    public Response ledger(final LedgerException e) {
        LOG.warnf("ledger failure: %s", e.getMessage());
        return respond(503, new ApiError("LEDGER_UNAVAILABLE", "the ledger call failed; read the state before retrying",
                Map.of()));
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated() {
        return respond(401, new ApiError("UNAUTHENTICATED",
                "present a terminal certificate and a valid access token of the person at it", Map.of()));
    }

    @ServerExceptionMapper
    public Response forbidden(final ForbiddenException e) {
        return respond(403, new ApiError("FORBIDDEN", "this terminal's role may not do this", Map.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(final Throwable e) {
        LOG.error("unexpected failure", e);
        return respond(500, new ApiError("INTERNAL_ERROR", "internal error", Map.of()));
    }

    private static Response respond(final int status, final ApiError error) {
        return ErrorAnswers.answer(status, error);
    }
}
