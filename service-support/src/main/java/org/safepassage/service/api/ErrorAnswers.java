package org.safepassage.service.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Function;

/**
 * How every service's exception mappers turn a failure into an {@link ApiError} answer. The mappers themselves stay
 * in each service (thin, since each says its own words about sign-in and the ledger); what they have alike is here.
 */
public final class ErrorAnswers {
    private ErrorAnswers() {}

    /** The answer to an {@link ApiException}: its status, its body. */
    public static Response answer(final ApiException e) {
        return answer(e.status(), e.toError());
    }

    /** A JSON error answer. */
    public static Response answer(final int status, final ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(error).build();
    }

    /**
     * The answer to a body Jackson could not read: the validation's own answer when a record's constructor refused
     * it (Jackson wraps that), else 400 {@code MALFORMED_REQUEST} naming the field, never quoting the value (Jackson's
     * message may quote it: a name, a document number).
     */
    public static Response malformed(final JsonProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                return answer(api);
            }
        }
        final String where = RequestErrors.field(e);
        return answer(400, new ApiError("MALFORMED_REQUEST",
                "request body is not the expected JSON" + (where.isEmpty() ? "" : " at " + where),
                where.isEmpty() ? Map.of() : Map.of("field", where)));
    }

    /**
     * The answer to a refusal the framework made by itself (no such path, wrong method, unreadable body): a JSON
     * body with the matching code; a 5xx goes to {@code unexpected}.
     */
    public static Response web(final WebApplicationException e, final Function<Throwable, Response> unexpected) {
        // The JSON reader wraps some failures (a record's own validation among them) in a 400.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return malformed(json);
            }
            if (cause instanceof ApiException api) {
                return answer(api);
            }
        }
        final int status = e.getResponse().getStatus();
        if (e instanceof NotFoundException && e.getCause() != null) {
            // JAX-RS answers a query or path parameter it could not convert (limit=abc) 404, as if nothing were
            // there; it is bad input. The cause's message may quote the value: never echoed.
            return answer(400, new ApiError("MALFORMED_REQUEST", "a query or path parameter could not be read",
                    Map.of()));
        }
        if (status >= 500) {
            return unexpected.apply(e);
        }
        return answer(status, new ApiError(RequestErrors.codeFor(status), e.getMessage(), Map.of()));
    }
}
