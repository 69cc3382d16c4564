package org.safepassage.service.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A service's token by client credentials: asked for once per lifetime, renewed before expiry, refusals in words. */
class ClientCredentialsTest {
    private static final String SECRET = "s3cr3t-of-the-client";

    private HttpServer idp;
    private final List<String> forms = new CopyOnWriteArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicReference<String> refusal = new AtomicReference<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T10:00:00Z"));
    private ClientCredentials credentials;

    @BeforeEach
    void start() throws IOException {
        idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        idp.createContext("/token", exchange -> {
            forms.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            final String body = refusal.get() != null
                    ? "{\"error\":\"" + refusal.get() + "\",\"error_description\":\"no\"}"
                    : "{\"access_token\":\"token-" + issued.incrementAndGet() + "\",\"expires_in\":300,"
                            + "\"token_type\":\"Bearer\"}";
            final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(refusal.get() != null ? 401 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        idp.start();
        final Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(final java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        credentials = ClientCredentials.at(URI.create("http://127.0.0.1:" + idp.getAddress().getPort() + "/token"),
                "gateway", SECRET, HttpClient.newHttpClient(), clock);
    }

    @AfterEach
    void stop() {
        idp.stop(0);
    }

    @Test
    void asks_for_a_token_by_the_client_credentials_grant_as_its_own_client() {
        assertThat(credentials.authorization()).isEqualTo("Bearer token-1");
        assertThat(forms).singleElement().satisfies(form -> assertThat(form)
                .contains("grant_type=client_credentials", "client_id=gateway", "client_secret=" + SECRET));
    }

    @Test
    void keeps_the_token_until_shortly_before_it_expires() {
        assertThat(credentials.authorization()).isEqualTo("Bearer token-1");
        now.set(now.get().plus(Duration.ofSeconds(269)));
        assertThat(credentials.authorization()).isEqualTo("Bearer token-1");
        assertThat(forms).hasSize(1);
        // 30 seconds before the 300 s lifetime ends, a new one
        now.set(now.get().plus(Duration.ofSeconds(1)));
        assertThat(credentials.authorization()).isEqualTo("Bearer token-2");
        assertThat(forms).hasSize(2);
    }

    @Test
    void a_refusal_names_the_status_and_the_idps_code_but_never_the_secret() {
        refusal.set("unauthorized_client");
        assertThatThrownBy(credentials::authorization).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("401").hasMessageContaining("unauthorized_client")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void an_unreachable_idp_is_an_illegal_state_without_the_secret() {
        idp.stop(0);
        assertThatThrownBy(credentials::authorization).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unreachable").hasMessageNotContaining(SECRET);
    }

    @Test
    void refuses_null_arguments() {
        assertThatThrownBy(() -> ClientCredentials.at(null, "c", "s", HttpClient.newHttpClient(), Clock.systemUTC()))
                .isInstanceOf(NullPointerException.class);
    }
}
