package org.safepassage.guardian.sms;

import com.twilio.http.HttpMethod;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;

/**
 * twilio-java's HTTP client with two changes.
 *
 * <p>It never retries a POST. The SDK retries every request up to three times on any 5xx, but a 5xx on message
 * creation does not prove the message was not sent, so a retry may text the same code twice; a failed POST is
 * reported to the caller instead. GET and DELETE keep the SDK's retries.
 *
 * <p>It can send requests to another base URL (a local Twilio stand-in): the SDK has no setting for it, so each
 * request is copied into one that keeps path and query and takes the configured scheme, host and port.
 */
final class TwilioHttpClient extends NetworkHttpClient {
    private static final String TWILIO = "https://api.twilio.com";

    private final String baseUrl;

    TwilioHttpClient(final String baseUrl) {
        final String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.baseUrl = TWILIO.equals(trimmed) ? null : trimmed;
    }

    @Override
    public Response reliableRequest(
            final Request request, final int[] retryCodes, final int retries, final long delayMillis) {
        final int attempts = request.getMethod() == HttpMethod.POST ? 1 : retries;
        return super.reliableRequest(request, retryCodes, attempts, delayMillis);
    }

    @Override
    public Response makeRequest(final Request request) {
        return super.makeRequest(baseUrl == null ? request : new Redirected(request, baseUrl));
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
                // getFile() is the path and the query the SDK built for api.twilio.com
                this.target = URI.create(baseUrl + original.constructURL().getFile()).toURL();
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalArgumentException("bad safepassage.twilio.api-base-url", e);
            }
        }

        @Override
        public URL constructURL() {
            return target;
        }
    }
}
