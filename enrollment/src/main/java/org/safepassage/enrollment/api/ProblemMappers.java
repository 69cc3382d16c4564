package org.safepassage.enrollment.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.safepassage.chaincode.client.ChaincodeRefusedException;
import org.safepassage.chaincode.client.LedgerUnavailableException;
import org.safepassage.service.api.RequestErrors;

/**
 * Turns every failure into a {@link Problem} with the right status, so a client never has to parse an HTML page or
 * guess from a bare status code. Unexpected failures are logged with their stack trace and answered without detail:
 * request bodies hold personal data and are never echoed or logged.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(final ApiException e) {
        return respond(e);
    }

    @ServerExceptionMapper({JsonProcessingException.class, com.fasterxml.jackson.core.JsonParseException.class,
            com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
            com.fasterxml.jackson.databind.exc.InvalidFormatException.class,
            com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException.class,
            com.fasterxml.jackson.databind.exc.ValueInstantiationException.class})
    public Response json(final JsonProcessingException e) {
        // Validation in a record's constructor surfaces wrapped by Jackson: answer with the validation's reason.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                return respond(api);
            }
        }
        // Jackson's own message may quote the submitted value (a name, a birth date): name the field only.
        final String where = RequestErrors.field(e);
        return respond(new ApiException(Reason.MALFORMED_REQUEST,
                "request body is not the expected JSON" + (where.isEmpty() ? "" : " at " + where)));
    }

    @ServerExceptionMapper
    public Response refused(final ChaincodeRefusedException e) {
        final int status = e.getCode().httpStatus();
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new Problem(e.getCode().name(), "the ledger refused: " + e.getMessage(),
                        Map.of("ledger", true)))
                .build();
    }

    @ServerExceptionMapper
    public Response ledgerDown(final LedgerUnavailableException e) {
        LOG.warnf("ledger unavailable: %s", e.getMessage());
        return respond(new ApiException(Reason.LEDGER_UNAVAILABLE, "the ledger cannot be reached; try again"));
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated() {
        return Response.fromResponse(respond(new ApiException(Reason.UNAUTHENTICATED, "sign in first")))
                .header("WWW-Authenticate", "Basic realm=\"SafePassage\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(final ForbiddenException e) {
        return respond(new ApiException(Reason.FORBIDDEN, "your role may not do this"));
    }

    @ServerExceptionMapper
    public Response web(final WebApplicationException e) {
        // The JSON reader wraps some Jackson failures (a record's own validation among them) in a 400.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return json(json);
            }
        }
        final int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new Problem(RequestErrors.codeFor(status), e.getMessage(), Map.of())).build();
    }

    @ServerExceptionMapper
    public Response unexpected(final Throwable e) {
        LOG.error("unexpected failure", e);
        return respond(new ApiException(Reason.INTERNAL_ERROR, "internal error; nothing was half-written"));
    }

    private static Response respond(final ApiException e) {
        return Response.status(e.reason().status()).type(MediaType.APPLICATION_JSON).entity(Problem.of(e)).build();
    }
}
