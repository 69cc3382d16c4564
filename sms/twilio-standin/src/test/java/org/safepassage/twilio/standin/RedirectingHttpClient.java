package org.safepassage.twilio.standin;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;

/**
 * twilio-java's own HTTP client, sending every request to the stand-in instead of {@code https://*.twilio.com}:
 * the SDK has no base-URL setting, so each request is copied into one whose URL keeps the path and query but takes
 * the stand-in's scheme, host and port. Everything else (auth, form body, headers, retries) is the SDK's.
 */
final class RedirectingHttpClient extends NetworkHttpClient {
    private final String baseUrl;

    RedirectingHttpClient(final String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public Response makeRequest(final Request request) {
        return super.makeRequest(new Redirected(request, baseUrl));
    }

    private static final class Redirected extends Request {
        private final URL target;

        Redirected(final Request original, final String baseUrl) {
            super(original.getMethod(), original.getUrl());
            if (original.getUsername() != null) {
                setAuth(original.getUsername(), original.getPassword());
            } else if (original.getAuthStrategy() != null) {
                setAuth(original.getAuthStrategy());
            }
            queryParams.putAll(original.getQueryParams());
            postParams.putAll(original.getPostParams());
            headerParams.putAll(original.getHeaderParams());
            setFormParameters(original.getFormParameters());
            setContentType(original.getContentType());
            setBody(original.getBody());
            setUserAgentExtensions(original.getUserAgentExtensions());
            try {
                this.target = URI.create(baseUrl + original.constructURL().getFile()).toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("bad stand-in URL " + baseUrl, e);
            }
        }

        @Override
        public URL constructURL() {
            return target;
        }
    }
}
