package org.safepassage.twilio.standin;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** A tiny HTTP server that records the webhooks posted to it and answers a fixed status. */
final class WebhookReceiver implements AutoCloseable {
    record Received(String url, String signature, Map<String, String> params) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int answer = 200;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            final String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            received.add(new Received(
                    base() + exchange.getRequestURI(),
                    exchange.getRequestHeaders().getFirst("X-Twilio-Signature"),
                    Forms.parse(body)));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answer(final int status) {
        this.answer = status;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    Received await(final Predicate<Received> match) {
        return Awaitility.await("a matching webhook").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> received.stream().filter(match).findFirst(), java.util.Optional::isPresent).get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
