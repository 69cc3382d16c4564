package org.safepassage.enrollment.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
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
 * Turns every failure into an {@link ApiError} with the right status ({@link ErrorAnswers}), so a client never has
 * to parse an HTML page or guess from a bare status code. Unexpected failures are logged with their stack trace and
 * answered without detail: request bodies hold personal data and are never echoed or logged.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(final ApiException e) {
        return ErrorAnswers.answer(e);
    }

    @ServerExceptionMapper({JsonProcessingException.class, com.fasterxml.jackson.core.JsonParseException.class,
            com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
            com.fasterxml.jackson.databind.exc.InvalidFormatException.class,
            com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException.class,
            com.fasterxml.jackson.databind.exc.ValueInstantiationException.class})
    public Response json(final JsonProcessingException e) {
        return ErrorAnswers.malformed(e);
    }

    @ServerExceptionMapper
    public Response refused(final ChaincodeRefusedException e) {
        return ErrorAnswers.answer(e.getCode().httpStatus(), new ApiError(e.getCode().name(),
                "the ledger refused: " + e.getMessage(), Map.of("ledger", true)));
    }

    @ServerExceptionMapper
    public Response ledgerDown(final LedgerUnavailableException e) {
        LOG.warnf("ledger unavailable: %s", e.getMessage());
        return api(new ApiException(Reason.LEDGER_UNAVAILABLE, "the ledger cannot be reached; try again"));
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated() {
        return Response.fromResponse(api(new ApiException(Reason.UNAUTHENTICATED, "sign in first")))
                .header("WWW-Authenticate", "Basic realm=\"SafePassage\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(final ForbiddenException e) {
        return api(new ApiException(Reason.FORBIDDEN, "your role may not do this"));
    }

    @ServerExceptionMapper
    public Response web(final WebApplicationException e) {
        return ErrorAnswers.web(e, this::unexpected);
    }

    @ServerExceptionMapper
    public Response unexpected(final Throwable e) {
        LOG.error("unexpected failure", e);
        return api(new ApiException(Reason.INTERNAL_ERROR, "internal error; nothing was half-written"));
    }
}
