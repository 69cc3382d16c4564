package org.safepassage.service.origin;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a state-changing request (anything but GET, HEAD and OPTIONS) that a browser sent from another site: the
 * cross-site request forgery defence of OWASP's "verify origin with standard headers". A browser names the page that
 * made a request in {@code Origin} (every POST, PUT, PATCH and DELETE, a form's too) and says in
 * {@code Sec-Fetch-Site} whether it was the same site; a page on another site can set neither. The request is refused
 * with 403 {@code CROSS_ORIGIN_REFUSED} when its {@code Origin} is neither this service's own (scheme, host and port
 * of the request) nor one in {@code safepassage.http.allowed-origins} (a reverse proxy's public address, say), or when
 * it has no {@code Origin} but {@code Sec-Fetch-Site: cross-site}. A request with neither header comes from a
 * program, not a browser (another service, a terminal, a test), and cookies are not what authenticates those.
 */
@Provider
@PreMatching
public final class OriginCheck implements ContainerRequestFilter {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Set<String> allowedOrigins;

    /** The check, with the extra origins an operator allows (comma-separated, such as {@code https://id.example}). */
    public OriginCheck(
            @ConfigProperty(name = "safepassage.http.allowed-origins") final Optional<List<String>> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.orElse(List.of()).stream()
                .map(OriginCheck::normalise)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public void filter(final ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return;
        }
        final String origin = request.getHeaderString("Origin");
        final String fetchSite = request.getHeaderString("Sec-Fetch-Site");
        final boolean refused;
        if (origin != null) {
            refused = !allowed(normalise(origin), request.getUriInfo().getRequestUri());
        } else {
            refused = "cross-site".equalsIgnoreCase(fetchSite);
        }
        if (refused) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("code", "CROSS_ORIGIN_REFUSED",
                            "message", "a state-changing request from another site's page is refused"))
                    .build());
        }
    }

    private boolean allowed(final String origin, final URI request) {
        return origin.equals(originOf(request)) || allowedOrigins.contains(origin);
    }

    /** {@code scheme://host:port}, with the scheme's default port made explicit, lower case. */
    static String originOf(final URI uri) {
        final String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
        final int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        return scheme + "://" + (uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT)) + ":" + port;
    }

    static String normalise(final String origin) {
        try {
            final URI uri = URI.create(origin.trim());
            if (uri.getHost() == null) {
                return "null:" + origin; // "null" (a sandboxed page, a file) or garbage: never equal to an origin
            }
            return originOf(uri);
        } catch (IllegalArgumentException e) {
            return "null:" + origin;
        }
    }
}
