package org.safepassage.gateway.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safepassage.gateway.support.Api;
import org.safepassage.gateway.support.GatewayTestEnvironment;
import org.safepassage.gateway.support.Terminals;
import org.safepassage.gateway.support.TestLedger;

@QuarkusTest
@QuarkusTestResource(GatewayTestEnvironment.class)
class AuthenticationTest {
    @TestHTTPResource(value = "/", tls = true)
    URL base;

    @Test
    void refuses_a_connection_without_a_client_certificate() {
        final Api anonymous = new Api(base, Terminals.anonymous());

        assertThatThrownBy(() -> anonymous.get("/api/v1/service")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void refuses_a_certificate_from_another_organisations_ca() {
        final Api officer = new Api(base, Terminals.client("RegistryMSP", "officer"));

        assertThatThrownBy(() -> officer.get("/api/v1/service")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void forbids_a_border_certificate_that_names_no_configured_terminal() {
        final Api admin = new Api(base, Terminals.client("BorderMSP", "Admin"));

        final Api.Answer answer = admin.post("/api/v1/scans",
                Map.of("images", List.of(TestLedger.image("admin")), "direction", "EXIT"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body().path("code").asText()).isEqualTo("FORBIDDEN");
    }

    @Test
    void lets_a_configured_terminal_in() {
        final Api guard = new Api(base, Terminals.guard());

        assertThat(guard.get("/api/v1/service").status()).isEqualTo(200);
    }

    @Test
    void never_calls_enrollment_for_a_forbidden_caller() {
        final int before = GatewayTestEnvironment.identifyCalls();
        new Api(base, Terminals.client("BorderMSP", "Admin")).post("/api/v1/scans",
                Map.of("images", List.of(TestLedger.image("admin2")), "direction", "EXIT"));

        assertThat(GatewayTestEnvironment.identifyCalls()).isEqualTo(before);
    }
}
