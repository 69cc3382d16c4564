package org.safepassage.gateway.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safepassage.gateway.support.TestLedger.enrolled;
import static org.safepassage.gateway.support.TestLedger.id;
import static org.safepassage.gateway.support.TestLedger.image;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.OpenCrossingRequestCommand;
import org.safepassage.chaincode.model.RequestStatus;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.gateway.ledger.PostLedgers;
import org.safepassage.gateway.status.RequestTracker;
import org.safepassage.gateway.status.RestartedTracker;
import org.safepassage.gateway.support.Api;
import org.safepassage.gateway.support.GatewayTestEnvironment;
import org.safepassage.gateway.support.People;
import org.safepassage.gateway.support.Terminals;
import org.safepassage.gateway.support.TestLedger;
import org.safepassage.gateway.terminal.TerminalConfig;

/**
 * The ledger, not the gateway's memory, keeps one open request per child. Here the gateway's tracker knows of no open
 * request, as just after a restart (CI's ChaosIT found a second request opened then), while the ledger has one: the
 * scan is answered with that request, exactly as a rescan the tracker knew of, and no second request is opened.
 */
@QuarkusTest
@QuarkusTestResource(GatewayTestEnvironment.class)
class OpenRequestOnLedgerTest {
    @TestHTTPResource(value = "/", tls = true)
    URL base;

    @Inject
    PostLedgers ledgers;

    @Inject
    TerminalConfig terminals;

    private Api guard;

    @BeforeEach
    void restarted() {
        guard = new Api(base, Terminals.guard(), People.guard());
        QuarkusMock.installMockForType(RestartedTracker.replayedNothing(ledgers, terminals), RequestTracker.class);
    }

    @Test
    void a_scan_the_tracker_knows_nothing_about_gets_the_open_request_on_the_ledger() throws Exception {
        final Subject minor = TestLedger.minor(id("guardian"));
        final CrossingRequest first = TestLedger.guard().crossings().openRequest(
                new OpenCrossingRequestCommand(minor.subjectId(), "MD-LEUSENI", Direction.EXIT, null, null, true));
        final String finger = image(id("restart"));
        enrolled(finger, minor, "VERIFIED");

        final Api.Answer answer = guard.post("/api/v1/scans", Map.of("images", List.of(finger), "direction", "EXIT"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("decision").asText()).isEqualTo("GUARDIAN_APPROVAL_NEEDED");
        assertThat(answer.body().path("reason").asText()).isEqualTo("APPROVAL_REQUIRED");
        assertThat(answer.body().path("requestId").asText()).isEqualTo(first.requestId());
        assertThat(answer.body().path("expiresAt").asText()).isEqualTo(first.expiresAt().toString());
        assertThat(TestLedger.guard().crossings().readRequest(first.requestId()).status())
                .isEqualTo(RequestStatus.PENDING);
        assertThat(gatewayOpenings(minor)).as("OpenCrossingRequest committed by the gateway's scan").isZero();
        final Subject sibling = TestLedger.minor(id("guardian"));
        final String siblingsFinger = image(id("sibling"));
        enrolled(siblingsFinger, sibling, "VERIFIED");
        guard.post("/api/v1/scans", Map.of("images", List.of(siblingsFinger), "direction", "EXIT"));
        assertThat(gatewayOpenings(sibling)).as("what the count would see of an opening").isEqualTo(1);
    }

    @Test
    void a_scan_for_another_crossing_is_the_alert_a_known_open_request_gives() throws Exception {
        final Subject minor = TestLedger.minor(id("guardian"));
        TestLedger.guard().crossings().openRequest(
                new OpenCrossingRequestCommand(minor.subjectId(), "MD-LEUSENI", Direction.ENTRY, null, null, true));
        final String finger = image(id("restart"));
        enrolled(finger, minor, "VERIFIED");

        final Api.Answer answer = guard.post("/api/v1/scans", Map.of("images", List.of(finger), "direction", "EXIT"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("decision").asText()).isEqualTo("ALERT");
        assertThat(answer.body().path("reason").asText()).isEqualTo("REQUEST_PENDING_ELSEWHERE");
        assertThat(answer.body().has("requestId")).isFalse();
        assertThat(gatewayOpenings(minor)).isZero();
    }

    /*
     * Committed OpenCrossingRequest transactions of the gateway's scans for the subject: their command (canonical JSON,
     * in the block's proposal) is the only place "recordsScan":true precedes the subject's id with a ttl the gateway
     * sets. A refused proposal never reaches a block.
     */
    private static long gatewayOpenings(final Subject subject) throws Exception {
        final String chain = new String(Files.readAllBytes(GatewayTestEnvironment.WORK.resolve("ledger/blocks.log")),
                StandardCharsets.ISO_8859_1);
        return Pattern.compile(Pattern.quote("\"recordsScan\":true,\"subjectId\":\"" + subject.subjectId()
                + "\",\"ttlSeconds\":" + GatewayTestEnvironment.REQUEST_TTL.toSeconds())).matcher(chain).results()
                .count();
    }
}
