package org.safepassage.service.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The exception mappers every service has alike, found by Quarkus in this jar (it is indexed): an
 * {@link ApiException}, a body Jackson could not read, and a refusal the framework made by itself all become an
 * {@link ApiError} answer. What each service says in its own words (sign-in, the ledger, an unexpected failure) stays
 * in the service's own mappers.
 */
public class ApiErrorMappers {
    private static final Logger LOG = Logger.getLogger(ApiErrorMappers.class);

    @ServerExceptionMapper
    public Response api(final ApiException e) {
        return ErrorAnswers.answer(e);
    }

    /* Listed one by one: Quarkus has built-in mappers (with an empty body) for some of these, and the most specific
       mapper wins. */
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class, ValueInstantiationException.class})
    public Response json(final JsonProcessingException e) {
        return ErrorAnswers.malformed(e);
    }

    @ServerExceptionMapper
    public Response web(final WebApplicationException e, final UriInfo uri) {
        final Response answer = ErrorAnswers.web(e, failure -> {
            LOG.error("unexpected failure", failure);
            return ErrorAnswers.answer(500, new ApiError("INTERNAL_ERROR", "internal error", Map.of()));
        });
        // A 405 says which methods would do (RFC 9110); the framework's own refusal does not.
        if (answer.getStatus() == 405) {
            return AllowedMethods.of(uri.getPath()).map(allow -> Response.fromResponse(answer)
                    .header(HttpHeaders.ALLOW, allow).build()).orElse(answer);
        }
        return answer;
    }
}
