package org.safepassage.guardian.verification;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.safepassage.service.api.ApiError;
import org.safepassage.service.api.ErrorAnswers;

/**
 * guardian-notify's own words for sign-in failures, beside the mappers every service shares
 * ({@link org.safepassage.service.api.ApiErrorMappers}): bad input is a 4xx with a reason, never a 500.
 */
final class ErrorMappers {
    // People and services alike present the identity provider's access token (docs/identity.md).
    private static final String CHALLENGE = "Bearer realm=\"safepassage\"";

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

    private static Response challenge() {
        return Response.status(401)
                .header("WWW-Authenticate", CHALLENGE)
                .type(MediaType.APPLICATION_JSON)
                .entity(error(ErrorCode.UNAUTHENTICATED, "sign in first: a person with the identity provider's token"
                        + " or the screens' session, a service with its own client's token"))
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
