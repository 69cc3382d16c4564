package org.safepassage.gateway.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safepassage.gateway.support.TestLedger.enrolled;
import static org.safepassage.gateway.support.TestLedger.id;
import static org.safepassage.gateway.support.TestLedger.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.model.RequestStatus;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.gateway.support.Api;
import org.safepassage.gateway.support.People;
import org.safepassage.gateway.support.GatewayTestEnvironment;
import org.safepassage.gateway.support.Terminals;
import org.safepassage.gateway.support.TestLedger;

@QuarkusTest
@QuarkusTestResource(GatewayTestEnvironment.class)
class ExpiryTest {
    @TestHTTPResource(value = "/", tls = true)
    URL base;

    @Test
    void expires_an_unanswered_request_and_tells_the_guard() throws Exception {
        final Api guard = new Api(base, Terminals.guard(), People.guard());
        final Subject minor = TestLedger.minor(id("guardian"));
        final String finger = image(id("waiting"));
        enrolled(finger, minor, "VERIFIED");
        final Api.Answer scan = guard.post("/api/v1/scans", Map.of("images", List.of(finger), "direction", "ENTRY"));
        final String requestId = scan.body().path("requestId").asText();
        final Api.Events events = guard.events("/api/v1/requests/" + requestId + "/events");
        assertThat(events.next(Duration.ofSeconds(20)).path("status").asText()).isEqualTo("PENDING");

        // The configured time to live is the ledger's minimum; the scheduler checks every second.
        final JsonNode expired = events.awaitStatus("EXPIRED",
                GatewayTestEnvironment.REQUEST_TTL.plus(Duration.ofSeconds(30)));

        assertThat(expired.path("requestId").asText()).isEqualTo(requestId);
        assertThat(TestLedger.guard().crossings().readRequest(requestId).status()).isEqualTo(RequestStatus.EXPIRED);
        final Api.Answer crossing = guard.post("/api/v1/requests/" + requestId + "/crossing",
                Map.of("outcome", "ALLOWED"));
        assertThat(crossing.status()).isEqualTo(422);
        // No person asked for the expiry: the ledger names the gateway itself, never nobody.
        final String chain = new String(Files.readAllBytes(GatewayTestEnvironment.WORK.resolve("ledger/blocks.log")),
                StandardCharsets.ISO_8859_1);
        assertThat(chain).containsPattern("\\{\"actor\":\"service:gateway\",\"at\":[^,]+,\"by\":\"[^\"]+\","
                + "\"transaction\":\"crossing:ExpireCrossingRequest\"");
    }
}
