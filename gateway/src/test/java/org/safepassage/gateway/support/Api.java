package org.safepassage.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The gateway's API over HTTPS, as one terminal. */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient client;
    private final String authorization;

    /** As a terminal with no person logged in at it. */
    public Api(final URL base, final HttpClient client) {
        this(base, client, null);
    }

    /** As a terminal with a person logged in: {@code authorization} is her {@code Bearer} token ({@link People}). */
    public Api(final URL base, final HttpClient client, final String authorization) {
        try {
            this.base = base.toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        this.client = client;
        this.authorization = authorization;
    }

    /** An answer: status and JSON body (a missing node if there was none). */
    public record Answer(int status, JsonNode body) {}

    public Answer post(final String path, final Object body) {
        try {
            final String json = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Answer get(final String path) {
        return send(request(path).GET().build());
    }

    /** Opens a server-sent event stream; each {@code data:} line's JSON lands in the returned queue. */
    public Events events(final String path) {
        final BlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();
        final var done = new java.util.concurrent.CompletableFuture<Integer>();
        client.sendAsync(request(path).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
                    response.body().forEach(line -> {
                        if (line.startsWith("data:")) {
                            try {
                                queue.add(JSON.readTree(line.substring(5).trim()));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    });
                    done.complete(response.statusCode());
                }).exceptionally(e -> {
                    done.completeExceptionally(e);
                    return null;
                });
        return new Events(queue, done);
    }

    /** A live event stream. */
    public record Events(BlockingQueue<JsonNode> queue, java.util.concurrent.CompletableFuture<Integer> done) {
        /** The next event, or null after {@code timeout}. */
        public JsonNode next(final Duration timeout) throws InterruptedException {
            return queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Waits for an event with this status, failing on timeout; returns it. */
        public JsonNode awaitStatus(final String status, final Duration timeout) throws InterruptedException {
            final long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end) {
                final JsonNode event = queue.poll(Math.max(1, (end - System.nanoTime()) / 1_000_000),
                        TimeUnit.MILLISECONDS);
                if (event != null && status.equals(event.path("status").asText())) {
                    return event;
                }
            }
            throw new AssertionError("no " + status + " event within " + timeout);
        }
    }

    private HttpRequest.Builder request(final String path) {
        final HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path));
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    private Answer send(final HttpRequest request) {
        try {
            final HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            final String body = response.body();
            return new Answer(response.statusCode(),
                    body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
