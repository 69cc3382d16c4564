package org.safepassage.guardian.verification;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.safepassage.service.api.ApiError;
import org.safepassage.service.api.ErrorAnswers;

/** Turns every refusal into JSON {@code {code, message}}: bad input is a 4xx with a reason, never a 500. */
final class ErrorMappers {
    private static final String CHALLENGE = "Basic realm=\"safepassage\"";

    @ServerExceptionMapper
    Response refused(final VerificationException e) {
        return ErrorAnswers.answer(e);
    }

    @ServerExceptionMapper
    Response malformed(final JsonProcessingException e) {
        return json(400, error(ErrorCode.MALFORMED_JSON, "the body is not the expected JSON object"));
    }

    // Quarkus has built-in mappers for these two, with an empty body: ours are more specific and win.
    @ServerExceptionMapper
    Response mismatched(final MismatchedInputException e) {
        return malformed(e);
    }

    @ServerExceptionMapper
    Response unparsable(final JsonParseException e) {
        return malformed(e);
    }

    @ServerExceptionMapper
    Response unauthenticated(final UnauthorizedException e) {
        return challenge();
    }

    @ServerExceptionMapper
    Response badCredentials(final AuthenticationFailedException e) {
        return challenge();
    }

    @ServerExceptionMapper
    Response forbidden(final ForbiddenException e) {
        return json(403, error(ErrorCode.FORBIDDEN, "this account may not use this resource"));
    }

    @ServerExceptionMapper
    Response web(final WebApplicationException e) {
        final int status = e.getResponse().getStatus();
        if (status >= 500) {
            return e.getResponse();
        }
        final Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException) {
            return malformed((JsonProcessingException) cause);
        }
        return switch (status) {
            case 404 -> json(status, error(ErrorCode.NOT_FOUND, "no such resource"));
            case 405 -> json(status, error(ErrorCode.METHOD_NOT_ALLOWED, "this path does not take that method"));
            case 415 -> json(status, error(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send application/json"));
            default -> json(status, error(ErrorCode.BAD_REQUEST, "the request was refused (HTTP " + status + ")"));
        };
    }

    private static Response challenge() {
        return Response.status(401)
                .header("WWW-Authenticate", CHALLENGE)
                .type(MediaType.APPLICATION_JSON)
                .entity(error(ErrorCode.UNAUTHENTICATED, "HTTP Basic credentials of a service account needed"))
                .build();
    }

    private static Response json(final int status, final ApiError error) {
        return ErrorAnswers.answer(status, error);
    }

    /** The body of an error answer with one of this API's codes. */
    static ApiError error(final ErrorCode code, final String message) {
        return new ApiError(code.name(), message, Map.of());
    }
}
