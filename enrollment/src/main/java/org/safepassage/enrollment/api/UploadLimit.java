package org.safepassage.enrollment.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses an announced upload larger than the body limit before a byte of it is read, with the same JSON problem as
 * every other refusal (Vert.x's own limit answers 413 with an empty body). Uploads without a length still meet that
 * limit while streaming.
 */
@ApplicationScoped
public class UploadLimit {
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes final Router router) {
        final long limit = maxBodySize.asLongValue();
        final String problem = "{\"code\":\"" + Reason.PAYLOAD_TOO_LARGE.name() + "\",\"message\":\"the request body is "
                + "larger than " + limit + " bytes\",\"details\":{\"maxBytes\":" + limit + "}}";
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            final String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length, limit)) {
                context.response().setStatusCode(Reason.PAYLOAD_TOO_LARGE.status())
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(problem);
            } else {
                context.next();
            }
        });
    }

    private static boolean isOver(final String length, final long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
