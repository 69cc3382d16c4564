package org.safepassage.system.screens;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.client.LedgerConnection;
import org.safepassage.chaincode.client.LedgerGateway;
import org.safepassage.chaincode.model.Alert;
import org.safepassage.chaincode.model.AlertStatus;
import org.safepassage.chaincode.model.AlertType;
import org.safepassage.chaincode.model.RedFlagRule;
import org.safepassage.enrollment.biometrics.TestImages;
import org.safepassage.system.Await;
import org.safepassage.system.RunningSystem;

/**
 * The neighbouring country on the ledger, end to end on the devpeer: the whole system with Romania's border gateway
 * ({@code run-system --neighbour}: the same gateway code as RomaniaBorderMSP, its own terminals and CA). Three adults
 * cross: one leaves through Moldova's MD-LEUSENI and enters through Romania's RO-SCULENI (reconciled, no alert), one
 * leaves Moldova and never reaches Romania's post ("exit without arrival"), one enters Romania with no exit from
 * Moldova ("arrival without exit"). The reconciliation window is 20 seconds here (12 hours shipped), so the ledger's
 * clock passes it during the test. Then an analyst, in Chromium, goes from the red flag to its evidence on the child's
 * timeline and concludes on it; the ledger records the conclusion.
 */
class NeighbourReconciliationIT {
    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));
    private static final Duration WINDOW = Duration.ofSeconds(20);

    private static RunningSystem system;
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(Screenshots.DIRECTORY);
        final Path work = Path.of("target", "neighbour-run").toAbsolutePath();
        if (Files.exists(work)) {
            try (var paths = Files.walk(work)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(work);
        system = RunningSystem.start(work.resolve("data"), Map.of(
                "SAFEPASSAGE_NEIGHBOUR", "1",
                "SAFEPASSAGE_REDFLAG_ARRIVAL_WITHIN", WINDOW.toString(),
                "SAFEPASSAGE_REDFLAG_RETRY_EVERY", "PT1S"));
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true));
        PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void exits_and_entries_of_two_countries_reconcile_and_an_analyst_concludes_on_an_unmatched_one() throws Exception {
        final String matched = enrollAdult(811);
        final String leftOnly = enrollAdult(812);
        final String arrivedOnly = enrollAdult(813);
        final HttpClient moldova = system.terminal("guard");
        final HttpClient romania = system.terminal("RomaniaBorderMSP", "guard");

        cross(moldova, false, 811, matched, "EXIT");
        cross(romania, true, 811, matched, "ENTRY");
        cross(moldova, false, 812, leftOnly, "EXIT");
        cross(romania, true, 813, arrivedOnly, "ENTRY");

        // The neighbour's terminal cannot act as a Moldovan post, nor read Moldova's crossings: the ledger refuses.
        try (LedgerGateway roGuard = LedgerGateway.connect(LedgerConnection.read(system.connectionFile()),
                "RomaniaBorderMSP", "guard")) {
            Assertions.assertThatThrownBy(() -> roGuard.chaincode().crossings().listCrossings(matched))
                    .hasMessageContaining("ACCESS_DENIED");
        }

        // Past the window, any later transaction moves the ledger's clock: a scan at Moldova's post.
        Thread.sleep(WINDOW.plusSeconds(3).toMillis());
        final JsonNode later = system.gateway(moldova, "POST", "/api/v1/scans",
                Map.of("images", List.of(TestImages.base64Png(811, 3)), "direction", "ENTRY"));
        Assertions.assertThat(later.path("decision").asText()).as(later.toString()).isEqualTo("CLEAR");

        try (LedgerGateway analyst = LedgerGateway.connect(LedgerConnection.read(system.connectionFile()),
                "ChildProtectionMSP", "analyst")) {
            Await.until(() -> redFlag(analyst.chaincode().alerts().listOpen(), RedFlagRule.EXIT_WITHOUT_ARRIVAL,
                    leftOnly).isPresent() && redFlag(analyst.chaincode().alerts().listOpen(),
                    RedFlagRule.ARRIVAL_WITHOUT_EXIT, arrivedOnly).isPresent(), "both unmatched crossings flagged");
            final List<Alert> open = analyst.chaincode().alerts().listOpen();
            Assertions.assertThat(open).filteredOn(a -> a.type() == AlertType.RED_FLAG
                    && a.subjectId().equals(matched)).as("the reconciled traveller").isEmpty();
            Assertions.assertThat(open).filteredOn(a -> a.rule() == RedFlagRule.EXIT_WITHOUT_ARRIVAL).singleElement()
                    .satisfies(a -> Assertions.assertThat(a.post()).isEqualTo("MD-LEUSENI"));
            Assertions.assertThat(open).filteredOn(a -> a.rule() == RedFlagRule.ARRIVAL_WITHOUT_EXIT).singleElement()
                    .satisfies(a -> Assertions.assertThat(a.post()).isEqualTo("RO-SCULENI"));

            final String alertId = redFlag(open, RedFlagRule.EXIT_WITHOUT_ARRIVAL, leftOnly).orElseThrow().alertId();
            concludeInTheBrowser(alertId, leftOnly);

            Await.until(() -> analyst.chaincode().alerts().read(alertId).status() == AlertStatus.ACKNOWLEDGED,
                    "the conclusion on the ledger");
            Assertions.assertThat(analyst.chaincode().alerts().read(alertId).acknowledgement().resolution().name())
                    .isEqualTo("CASE_OPENED");
        }
    }

    /** The analyst's walk: the red flag among the alerts, its evidence on the child's timeline, then a conclusion. */
    private static void concludeInTheBrowser(final String alertId, final String subjectId) {
        final BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)
                .setLocale("en-GB"));
        context.setDefaultTimeout(60_000);
        final Page page = context.newPage();
        final String alerts = system.url("guardian-notify") + "/analyst/?rule=EXIT_WITHOUT_ARRIVAL";
        // The screen sends the browser to the IdP's login page, and back to the alerts once she signed in.
        page.navigate(alerts);
        page.locator("#username").fill("analyst");
        page.locator("#password").fill(system.demoPassword());
        page.locator("#kc-login").click();
        page.waitForURL(system.url("guardian-notify") + "/analyst/**");
        final Locator row = page.locator("[data-testid=alert-row][data-alert-id=\"" + alertId + "\"]");
        assertThat(row).isVisible();
        assertThat(row.locator("[data-testid=red-flag-rule]")).hasAttribute("data-rule", "EXIT_WITHOUT_ARRIVAL");
        assertThat(row).containsText("no entry");
        row.locator("[data-testid=red-flag-evidence] summary").click();
        final Locator evidence = row.locator("[data-testid=evidence-link]");
        assertThat(evidence).hasCount(1);
        Screenshots.take(page, "analyst-red-flag-evidence");

        // The evidence opens the child's timeline at the crossing that was never matched.
        evidence.click();
        page.waitForURL("**/analyst/subjects/" + subjectId + "#tx-*");
        final String anchor = page.url().substring(page.url().indexOf("#tx-") + 1);
        final Locator entry = page.locator("[id=\"" + anchor + "\"]");
        assertThat(entry).hasAttribute("data-kind", "CROSSING_RECORDED");
        assertThat(entry).containsText("MD-LEUSENI");
        Screenshots.take(page, "analyst-red-flag-timeline");

        // Back to the alert: the analyst concludes; it leaves the open list.
        page.navigate(alerts);
        row.locator("[data-testid=acknowledge-resolution]").selectOption("CASE_OPENED");
        row.locator("[data-testid=acknowledge-alert]").click();
        assertThat(page.locator("[data-testid=acknowledge-message]")).containsText("acknowledged");
        assertThat(row).hasCount(0);
        page.reload();
        assertThat(page.locator("[data-testid=alert-row][data-alert-id=\"" + alertId + "\"]")).hasCount(0);
        context.close();
    }

    private static Optional<Alert> redFlag(final List<Alert> alerts, final RedFlagRule rule, final String subject) {
        return alerts.stream().filter(a -> a.type() == AlertType.RED_FLAG && a.rule() == rule
                && a.subjectId().equals(subject)).findFirst();
    }

    /** A scan at the terminal's post (an adult: CLEAR), then the crossing recorded ALLOWED. */
    private static void cross(final HttpClient terminal, final boolean neighbour, final int finger,
            final String subjectId, final String direction) throws Exception {
        final Map<String, Object> scan = Map.of("images", List.of(TestImages.base64Png(finger, 1)),
                "direction", direction);
        final JsonNode scanned = neighbour ? system.neighbourGateway(terminal, "POST", "/api/v1/scans", scan)
                : system.gateway(terminal, "POST", "/api/v1/scans", scan);
        Assertions.assertThat(scanned.path("decision").asText()).as(scanned.toString()).isEqualTo("CLEAR");
        Assertions.assertThat(scanned.path("subjectId").asText()).isEqualTo(subjectId);
        final Map<String, Object> crossing = Map.of("subjectId", subjectId, "direction", direction,
                "outcome", "ALLOWED");
        final JsonNode recorded = neighbour ? system.neighbourGateway(terminal, "POST", "/api/v1/crossings", crossing)
                : system.gateway(terminal, "POST", "/api/v1/crossings", crossing);
        Assertions.assertThat(recorded.path("_status").asInt()).as(recorded.toString()).isEqualTo(200);
        Assertions.assertThat(recorded.path("post").asText()).isEqualTo(neighbour ? "RO-SCULENI" : "MD-LEUSENI");
    }

    private static String enrollAdult(final int finger) throws Exception {
        final JsonNode enrolled = system.enrollment("POST", "/api/v1/subjects", "officer", Map.of(
                "requestId", "neighbour-" + finger,
                "person", Map.of("givenNames", "Traveller", "familyName", "N" + finger,
                        "birthDate", LocalDate.now().minusYears(30).toString(), "sex", "FEMALE"),
                "guardians", List.of(),
                "approvalQuorum", 0,
                "consent", Map.of("consentedBy", "Traveller N" + finger, "legalBasis", "CONSENT",
                        "consentedAt", Instant.now().minusSeconds(60).toString()),
                "fingerprints", List.of(Map.of("finger", "RIGHT_INDEX", "image", TestImages.base64Png(finger, 0)))));
        Assertions.assertThat(enrolled.path("_status").asInt()).as(enrolled.toString()).isEqualTo(201);
        final String subjectId = enrolled.path("subjectId").asText();
        Await.until(() -> "REGISTERED".equals(system.enrollment("GET", "/api/v1/subjects/" + subjectId, "officer",
                null).path("ledgerState").asText()), "subject " + subjectId + " on the ledger");
        return subjectId;
    }
}
