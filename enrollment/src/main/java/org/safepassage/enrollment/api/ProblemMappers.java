package org.safepassage.enrollment.api;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.safepassage.chaincode.client.ChaincodeRefusedException;
import org.safepassage.chaincode.client.LedgerUnavailableException;
import org.safepassage.service.api.ApiError;
import org.safepassage.service.api.ApiException;
import org.safepassage.service.api.ErrorAnswers;

/**
 * Enrollment's own words for failures, beside the mappers every service shares
 * ({@link org.safepassage.service.api.ApiErrorMappers}): every answer is an {@link ApiError} with the right status, so
 * a client never has to parse an HTML page or guess from a bare status code. Unexpected failures are logged with their stack trace and
 * answered without detail: request bodies hold personal data and are never echoed or logged.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response refused(final ChaincodeRefusedException e) {
        return ErrorAnswers.answer(e.getCode().httpStatus(), new ApiError(e.getCode().name(),
                "the ledger refused: " + e.getMessage(), Map.of("ledger", true)));
    }

    @ServerExceptionMapper
    public Response ledgerDown(final LedgerUnavailableException e) {
        LOG.warnf("ledger unavailable: %s", e.getMessage());
        return ErrorAnswers.answer(new ApiException(Reason.LEDGER_UNAVAILABLE, "the ledger cannot be reached; try again"));
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated() {
        return Response.fromResponse(ErrorAnswers.answer(new ApiException(Reason.UNAUTHENTICATED, "sign in first")))
                .header("WWW-Authenticate", "Bearer realm=\"SafePassage\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(final ForbiddenException e) {
        return ErrorAnswers.answer(new ApiException(Reason.FORBIDDEN, "your role may not do this"));
    }

    @ServerExceptionMapper
    public Response unexpected(final Throwable e) {
        LOG.error("unexpected failure", e);
        return ErrorAnswers.answer(new ApiException(Reason.INTERNAL_ERROR, "internal error; nothing was half-written"));
    }
}
