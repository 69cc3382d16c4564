package org.safepassage.system.screens;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ClientCertificate;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.safepassage.devstack.demo.DemoSeed;
import org.safepassage.enrollment.biometrics.TestImages;
import org.safepassage.enrollment.biometrics.iris.TestEyes;
import org.safepassage.system.Await;
import org.safepassage.system.RunningSystem;

/**
 * The whole story in a real browser (Debian's Chromium, headless, driven by Playwright), on the whole system as
 * {@code ./run} starts it: an officer enrolls a child with two guardians whose phones are verified by SMS, a guard
 * scans the child, both guardians read the SMS on the phone page and approve, the guard's screen turns CLEAR without
 * a reload, the crossing is recorded and shows on the analyst's timeline; then the DPO erases the child and the
 * certificate verifies. Then, on the people {@code ./run --seed} loads, the other decisions: a missing child's ALERT,
 * a refusal by both guardians, a supervisor's override, an adult who is CLEAR at once (the seed also has her cross at
 * each of the three posts); the youngest demo child, enrolled by her eyes, is recognised by one; the analyst sees the
 * alerts and concludes on one, and the statistics count the refusal and the override and show every post. Then a
 * four-year-old is enrolled by irises alone, each eye checked by the quality gate on screen (a blurred capture refused
 * with its reason, then retaken), and a guard identifies her by one eye. Every screen passed is photographed at
 * 1280x800 and at a 768 px tablet width.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScreensIT {
    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    /* In every language the crossing SMS names the English keyword too, which is accepted from any guardian. */
    private static final Pattern APPROVAL = Pattern.compile("APPROVE \\d{6}");
    private static final List<String> PHONES = List.of("+40755200001", "+40755200002");
    private static final int FINGER = 302;
    /* Synthetic eyes no other test enrolls: the same eye twice would be a duplicate referral. */
    private static final int RIGHT_EYE = 431;
    private static final int LEFT_EYE = 432;

    private static RunningSystem system;
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(Screenshots.DIRECTORY);
        system = RunningSystem.shared();
        // Playwright's driver would fetch its own browser builds; CI has none to fetch, and Debian's Chromium is there.
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true));
        PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
    }

    @AfterAll
    static void stop() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    @Order(1)
    void a_child_enrolled_on_screen_crosses_with_both_guardians_approving_by_sms() throws Exception {
        final Page officer = page(loggedIn("officer"));
        final Page phone = page(browser.newContext(desktop()));

        // The officer enrolls a nine-year-old with two guardians, verifying each phone by a code sent by SMS.
        officer.navigate(system.url("enrollment") + "/ui/enroll");
        Screenshots.take(officer, "enrollment-1-person");
        testId(officer, "given-name").fill("Maria");
        testId(officer, "family-name").fill("Ionescu");
        testId(officer, "birth-date").fill(LocalDate.now().minusYears(9).toString());
        testId(officer, "sex").selectOption("FEMALE");
        next(officer);
        for (int i = 0; i < PHONES.size(); i++) {
            if (i > 0) {
                testId(officer, "add-guardian").click();
            }
            testId(officer, "guardian-name-" + i).fill(i == 0 ? "Elena Ionescu" : "Andrei Ionescu");
            testId(officer, "guardian-relation-" + i).fill(i == 0 ? "mother" : "father");
            testId(officer, "guardian-phone-" + i).fill(PHONES.get(i));
            testId(officer, "guardian-language-" + i).selectOption(i == 0 ? "ro" : "en");
            testId(officer, "send-code-" + i).click();
            testId(officer, "code-" + i).fill(code(readSms(phone, PHONES.get(i), CODE)));
            testId(officer, "verify-code-" + i).click();
            assertThat(testId(officer, "guardian-verified-" + i)).isVisible();
        }
        testId(officer, "quorum").selectOption("2");
        Screenshots.take(officer, "enrollment-2-guardians");
        next(officer);
        testId(officer, "consent-consented-by").fill("Elena Ionescu");
        testId(officer, "consent").check();
        Screenshots.take(officer, "enrollment-3-consent");
        next(officer);
        testId(officer, "fingerprints").setInputFiles(fingerprint(0));
        Screenshots.take(officer, "enrollment-4-fingerprints");
        next(officer);
        Screenshots.take(officer, "enrollment-5-review");
        testId(officer, "submit-enrollment").click();
        assertThat(testId(officer, "enrolled-subject-id")).hasText(Pattern.compile("\\S{16,64}"));
        final String subjectId = testId(officer, "enrolled-subject-id").textContent().trim();
        Screenshots.take(officer, "enrollment-6-enrolled");
        Await.until(() -> "REGISTERED".equals(system.enrollment("GET", "/api/v1/subjects/" + subjectId, "officer",
                null).path("ledgerState").asText()), "the child registered on the ledger");

        officer.navigate(system.url("enrollment") + "/ui/subjects");
        testId(officer, "subject-search").fill("Ionescu");
        assertThat(officer.locator("[data-testid=subject-row][data-subject-id=\"" + subjectId + "\"]")).isVisible();
        Screenshots.take(officer, "enrollment-subjects");

        // At the border the guard scans the child leaving: both guardians must approve.
        final Page guard = page(terminal("guard"));
        guard.navigate(system.url("gateway") + "/guard/");
        Screenshots.take(guard, "guard-1-ready");
        testId(guard, "scan-images").setInputFiles(fingerprint(1));
        testId(guard, "direction").selectOption("EXIT");
        testId(guard, "scan-submit").click();
        final Locator decision = testId(guard, "decision");
        assertThat(decision).hasAttribute("data-decision", "WAITING");
        assertThat(testId(guard, "decision-progress")).containsText("0 of 2");
        guard.evaluate("() => { window.sameDocument = true; }");
        Screenshots.take(guard, "guard-2-waiting");

        // Each guardian reads the SMS on their phone and approves with its code; the guard's screen follows live.
        approve(phone, PHONES.get(0));
        Screenshots.take(phone, "phone-guardian-replied");
        assertThat(testId(guard, "decision-progress")).containsText("1 of 2");
        Screenshots.take(guard, "guard-3-one-of-two");
        approve(phone, PHONES.get(1));
        assertThat(decision).hasAttribute("data-decision", "CLEAR");
        Assertions.assertThat(guard.evaluate("() => window.sameDocument === true"))
                .as("the guard's screen turned CLEAR without a reload").isEqualTo(true);
        Screenshots.take(guard, "guard-4-clear");
        for (String language : List.of("ro", "ru", "uk")) {
            testId(guard, "language").selectOption(language);
            assertThat(guard.locator("html")).hasAttribute("lang", language);
            assertThat(decision).not().containsText("CLEAR");
            Screenshots.take(guard, "guard-4-clear-" + language);
        }
        testId(guard, "language").selectOption("en");
        testId(guard, "record-crossing").click();
        assertThat(testId(guard, "crossing-recorded")).hasAttribute("data-crossing-id", Pattern.compile(".+"));
        final String crossingId = testId(guard, "crossing-recorded").getAttribute("data-crossing-id");
        Screenshots.take(guard, "guard-5-recorded");

        // The crossing is on the analyst's timeline of the child, from the ledger's events.
        final Page analyst = page(loggedIn("analyst"));
        final Locator crossed = analyst.locator("[data-testid=timeline-entry][data-kind=CROSSING_RECORDED]");
        Await.until(() -> {
            analyst.navigate(system.url("guardian-notify") + "/analyst/subjects/" + subjectId);
            return crossed.count() > 0;
        }, "the crossing on the analyst's timeline");
        assertThat(crossed.first()).containsText(crossingId.substring(0, 8));
        Assertions.assertThat(analyst.locator("[data-testid=timeline-entry][data-kind=GUARDIAN_DECISION]").count())
                .isEqualTo(2);
        Screenshots.take(analyst, "analyst-timeline");
        analyst.navigate(system.url("guardian-notify") + "/analyst/statistics");
        assertThat(testId(analyst, "chart-crossings-per-post")).isVisible();
        assertThat(testId(analyst, "chart-response-times")).isVisible();
        assertThat(testId(analyst, "chart-refusals-overrides")).isVisible();

        // The same finger offered again, as another person: a supervisor sees the referral, nothing is merged.
        final JsonNode duplicate = system.enrollment("POST", "/api/v1/subjects", "officer", Map.of(
                "requestId", "screens-duplicate-0001",
                "person", Map.of("givenNames", "Mara", "familyName", "Ionesco",
                        "birthDate", LocalDate.now().minusYears(25).toString(), "sex", "FEMALE"),
                "approvalQuorum", 0,
                "consent", Map.of("consentedBy", "Mara Ionesco", "legalBasis", "CONSENT",
                        "consentedAt", Instant.now().minusSeconds(60).toString()),
                "fingerprints", List.of(Map.of("finger", "RIGHT_INDEX", "image", TestImages.base64Png(FINGER, 2)))));
        Assertions.assertThat(duplicate.path("code").asText()).as(duplicate.toString()).isEqualTo("DUPLICATE_REFERRED");
        final Page supervisor = page(loggedIn("supervisor"));
        supervisor.navigate(system.url("enrollment") + "/ui/referrals");
        assertThat(testId(supervisor, "referral-row").first()).isVisible();
        Screenshots.take(supervisor, "enrollment-referrals");

        // The family asks for erasure: the DPO erases the child and the signed certificate verifies.
        final Page dpo = page(loggedIn("dpo"));
        dpo.navigate(system.url("enrollment") + "/ui/subjects/" + subjectId);
        Screenshots.take(dpo, "enrollment-subject");
        testId(dpo, "erase-subject").click();
        testId(dpo, "erasure-request-ref").fill("family-request-2026-0042");
        testId(dpo, "confirm-erase").click();
        assertThat(testId(dpo, "erasure-certificate")).isVisible();
        testId(dpo, "verify-certificate").click();
        assertThat(testId(dpo, "certificate-verified")).hasText("VALID");
        Screenshots.take(dpo, "enrollment-erasure-certificate");
    }

    @Test
    @Order(2)
    void the_demo_people_show_an_alert_a_refusal_an_override_and_a_clear_adult() throws Exception {
        final Path demo = system.data().resolve("demo");
        new DemoSeed(system.url("enrollment"), system.url("twilio"), system.demoPassword(), system.issuer(), demo,
                new DemoSeed.Border(system.url("gateway"), system.data().resolve("terminals"),
                        system.data().resolve("crypto/BorderMSP/peers/peer0/tls/ca.crt"))).seed();
        final Page guard = page(terminal("guard"));
        guard.navigate(system.url("gateway") + "/guard/");
        final Locator decision = testId(guard, "decision");

        // Ion was reported missing: the screen says hold him and call the duty officer.
        scan(guard, demo.resolve("ion-scan.png"));
        assertThat(decision).hasAttribute("data-decision", "ALERT");
        assertThat(testId(guard, "decision-instruction")).isVisible();
        Screenshots.take(guard, "guard-alert");
        testId(guard, "deny-crossing").click();
        assertThat(testId(guard, "crossing-recorded")).hasAttribute("data-outcome", "DENIED");

        // Svetlana is an adult survivor: CLEAR at once, no guardian is asked.
        testId(guard, "new-scan").click();
        scan(guard, demo.resolve("svetlana-scan.png"));
        assertThat(decision).hasAttribute("data-decision", "CLEAR");
        testId(guard, "record-crossing").click();
        assertThat(testId(guard, "crossing-recorded")).hasAttribute("data-outcome", "ALLOWED");

        // Sofia is four and was enrolled by her eyes alone: one eye, no finger, and her mother is asked.
        testId(guard, "new-scan").click();
        testId(guard, "scan-irises").setInputFiles(demo.resolve("sofia-eye-scan.png"));
        testId(guard, "direction").selectOption("EXIT");
        testId(guard, "scan-submit").click();
        assertThat(decision).hasAttribute("data-decision", "WAITING");
        assertThat(testId(guard, "decision-matched-by")).hasAttribute("data-matched-by", "IRIS");

        // Both of Ana's guardians refuse: nobody is left who could approve, so the screen turns REFUSED.
        testId(guard, "new-scan").click();
        scan(guard, demo.resolve("ana-scan.png"));
        assertThat(decision).hasAttribute("data-decision", "WAITING");
        final Page phone = page(browser.newContext(desktop()));
        for (String number : List.of("+40721000101", "+40721000102")) {
            final String sms = readSms(phone, number, APPROVAL);
            testId(phone, "reply-text").fill("REFUSE " + code(sms));
            testId(phone, "reply-send").click();
        }
        assertThat(decision).hasAttribute("data-decision", "REFUSED");
        Screenshots.take(guard, "guard-refused");
        Assertions.assertThat(testId(guard, "override-panel").count()).as("a guard cannot override").isZero();

        // Ana's mother then comes to the post in person: a supervisor scans Ana again and overrides, with the reason.
        final Page supervisor = page(terminal("supervisor"));
        supervisor.navigate(system.url("gateway") + "/guard/");
        scan(supervisor, demo.resolve("ana-scan.png"));
        assertThat(testId(supervisor, "decision")).hasAttribute("data-decision", "WAITING");
        testId(supervisor, "override-reason").selectOption("GUARDIAN_PRESENT_IN_PERSON");
        Screenshots.take(supervisor, "guard-supervisor-override");
        testId(supervisor, "override-submit").click();
        assertThat(testId(supervisor, "crossing-recorded")).hasAttribute("data-outcome", "ALLOWED");

        // The analyst sees the missing child's scan, the refusal and the override among the open alerts.
        final Page analyst = page(loggedIn("analyst"));
        analyst.navigate(system.url("guardian-notify") + "/analyst/");
        for (String kind : List.of("MISSING_CHILD_SCANNED", "REFUSED_CROSSING", "OVERRIDE")) {
            assertThat(analyst.locator("[data-testid=alert-row][data-alert-kind=" + kind + "]").first()).isVisible();
        }
        Screenshots.take(analyst, "analyst-alerts");
        // The analyst concludes on the missing child's alert: the ledger records it, and it leaves the open list.
        final Locator missing = analyst.locator("[data-testid=alert-row][data-alert-kind=MISSING_CHILD_SCANNED]");
        missing.locator("[data-testid=acknowledge-resolution]").selectOption("CASE_OPENED");
        missing.locator("[data-testid=acknowledge-alert]").click();
        assertThat(testId(analyst, "acknowledge-message")).containsText("acknowledged");
        assertThat(missing).hasCount(0);
        // The conclusion names the analyst who logged in, by her IdP subject, beside the analysts' one ledger seat.
        final String analystSubject = system.subjectOf("analyst");
        Await.until(() -> system.attributions("alert:AcknowledgeAlert").stream()
                .anyMatch(a -> a[0].equals(analystSubject)), "the conclusion attributed to the analyst");
        Assertions.assertThat(system.attributions("alert:AcknowledgeAlert"))
                .allSatisfy(a -> Assertions.assertThat(a[1]).startsWith("ChildProtectionMSP/analyst"));
        analyst.reload();
        assertThat(analyst.locator("[data-testid=alert-row][data-alert-kind=MISSING_CHILD_SCANNED]")).hasCount(0);
        Await.until(() -> {
            analyst.navigate(system.url("guardian-notify") + "/analyst/statistics");
            return !testId(analyst, "chart-refusals-overrides").textContent().contains("Nothing recorded");
        }, "the refusal and the override in the statistics");
        for (String post : List.of("MD-LEUSENI", "MD-SCULENI", "MD-GIURGIULESTI")) {
            assertThat(testId(analyst, "chart-crossings-per-post")).containsText(post);
        }
        Screenshots.take(analyst, "analyst-statistics");
    }

    @Test
    @Order(3)
    void a_young_child_enrolled_by_irises_on_screen_is_identified_by_one_eye_at_the_border() throws Exception {
        final Page officer = page(loggedIn("officer"));
        final Page phone = page(browser.newContext(desktop()));
        final String guardianPhone = "+40755200431";

        officer.navigate(system.url("enrollment") + "/ui/enroll");
        testId(officer, "given-name").fill("Ilinca");
        testId(officer, "family-name").fill("Ochisor");
        testId(officer, "birth-date").fill(LocalDate.now().minusYears(4).minusDays(20).toString());
        testId(officer, "sex").selectOption("FEMALE");
        next(officer);
        testId(officer, "guardian-name-0").fill("Ioana Ochisor");
        testId(officer, "guardian-relation-0").fill("mother");
        testId(officer, "guardian-phone-0").fill(guardianPhone);
        testId(officer, "guardian-language-0").selectOption("en");
        testId(officer, "send-code-0").click();
        testId(officer, "code-0").fill(code(readSms(phone, guardianPhone, CODE)));
        testId(officer, "verify-code-0").click();
        assertThat(testId(officer, "guardian-verified-0")).isVisible();
        next(officer);
        testId(officer, "consent-consented-by").fill("Ioana Ochisor");
        testId(officer, "consent").check();
        next(officer);

        // Four years old: the default is irises, fingers alone are not offered, and no fingerprint is asked for.
        assertThat(testId(officer, "modality-irises")).isChecked();
        assertThat(testId(officer, "modality-fingers")).isDisabled();
        assertThat(testId(officer, "fingerprints")).hasCount(0);

        // A blurred capture of the right eye is refused on the spot with the gate's reason; it blocks the next step.
        testId(officer, "iris-right").setInputFiles(eye("right-blurred", TestEyes.blurredPng(RIGHT_EYE, 0)));
        final Locator right = testId(officer, "iris-check-right");
        assertThat(right).hasAttribute("data-status", "REJECTED");
        assertThat(right).hasAttribute("data-rejection", "OUT_OF_FOCUS");
        assertThat(testId(officer, "iris-verdict-right")).containsText("blurred");
        Screenshots.take(officer, "enrollment-4-iris-refused");
        next(officer);
        assertThat(testId(officer, "irises-error")).containsText("right eye");

        // Retaken, and the left eye too: both accepted, with what the gate measured.
        testId(officer, "iris-right").setInputFiles(eye("right", TestEyes.png(RIGHT_EYE, 0)));
        assertThat(right).hasAttribute("data-status", "ACCEPTED");
        testId(officer, "iris-left").setInputFiles(eye("left", TestEyes.png(LEFT_EYE, 0)));
        assertThat(testId(officer, "iris-check-left")).hasAttribute("data-status", "ACCEPTED");
        assertThat(testId(officer, "iris-quality-left").locator("[data-measure=usableIrisArea]"))
                .containsText("%");
        assertThat(testId(officer, "iris-quality-right").locator("[data-measure=irisDiameter]"))
                .containsText("px");
        Screenshots.take(officer, "enrollment-4-irises");
        next(officer);
        assertThat(testId(officer, "review-modality")).hasAttribute("data-modality", "IRISES");
        assertThat(officer.locator("[data-testid=review-eye]")).hasCount(2);
        Screenshots.take(officer, "enrollment-5-review-irises");
        testId(officer, "submit-enrollment").click();
        assertThat(testId(officer, "enrolled-subject-id")).hasText(Pattern.compile("\\S{16,64}"));
        final String subjectId = testId(officer, "enrolled-subject-id").textContent().trim();
        Await.until(() -> "REGISTERED".equals(system.enrollment("GET", "/api/v1/subjects/" + subjectId, "officer",
                null).path("ledgerState").asText()), "the child registered on the ledger");
        final JsonNode ledger = system.enrollment("GET", "/api/v1/subjects/" + subjectId + "/ledger", "officer", null);
        Assertions.assertThat(ledger.path("scheme").asText()).as(ledger.toString()).isEqualTo("iris-fc-v1");
        officer.navigate(system.url("enrollment") + "/ui/subjects/" + subjectId);
        assertThat(testId(officer, "subject-eyes")).containsText("LEFT");
        assertThat(testId(officer, "subject-eyes")).containsText("RIGHT");
        assertThat(testId(officer, "subject-fingers")).hasText("—");

        // At the border the guard takes one eye, no fingers: the child is identified and her mother is asked.
        final Page guard = page(terminal("guard"));
        guard.navigate(system.url("gateway") + "/guard/");
        testId(guard, "scan-irises").setInputFiles(eye("left-at-border", TestEyes.png(LEFT_EYE, 5)));
        assertThat(testId(guard, "scan-iris-files")).containsText("1");
        testId(guard, "direction").selectOption("EXIT");
        Screenshots.take(guard, "guard-iris-ready");
        final Response scan = guard.waitForResponse(response -> response.url().endsWith("/api/v1/scans"),
                () -> testId(guard, "scan-submit").click());
        final JsonNode answer = RunningSystem.JSON.readTree(scan.text());
        Assertions.assertThat(answer.path("subjectId").asText()).as(answer.toString()).isEqualTo(subjectId);
        final Locator decision = testId(guard, "decision");
        assertThat(decision).hasAttribute("data-decision", "WAITING");
        assertThat(testId(guard, "decision-matched-by")).hasAttribute("data-matched-by", "IRIS");
        assertThat(testId(guard, "decision-progress")).containsText("0 of 1");
        Screenshots.take(guard, "guard-iris-waiting");
        approve(phone, guardianPhone);
        assertThat(decision).hasAttribute("data-decision", "CLEAR");
        testId(guard, "record-crossing").click();
        assertThat(testId(guard, "crossing-recorded")).hasAttribute("data-outcome", "ALLOWED");
        Screenshots.take(guard, "guard-iris-recorded");
    }

    private static void scan(final Page terminal, final Path image) {
        testId(terminal, "scan-images").setInputFiles(image);
        testId(terminal, "direction").selectOption("EXIT");
        testId(terminal, "scan-submit").click();
    }

    private void approve(final Page phone, final String number) throws Exception {
        final String sms = readSms(phone, number, APPROVAL);
        testId(phone, "reply-text").fill("APPROVE " + code(sms));
        testId(phone, "reply-send").click();
    }

    /** Opens the phone page of a number and returns the newest SMS to it matching the pattern. */
    private static String readSms(final Page phone, final String number, final Pattern containing) {
        phone.navigate(system.url("twilio") + "/phone?number=" + URLEncoder.encode(number, StandardCharsets.UTF_8));
        final Locator messages = phone.locator("[data-testid=sms-message]");
        final Locator matching = messages.filter(new Locator.FilterOptions().setHasText(containing));
        assertThat(matching.last()).isVisible();
        return matching.last().textContent();
    }

    private static String code(final String sms) {
        final Matcher matcher = CODE.matcher(sms);
        Assertions.assertThat(matcher.find()).as("a code in: " + sms).isTrue();
        return matcher.group(1);
    }

    private static Path fingerprint(final int impression) throws Exception {
        final Path file = Screenshots.DIRECTORY.resolveSibling("fingerprint-" + FINGER + "-" + impression + ".png");
        Files.write(file, TestImages.png(FINGER, impression));
        return file;
    }

    private static Path eye(final String name, final byte[] png) throws Exception {
        final Path file = Screenshots.DIRECTORY.resolveSibling("eye-" + name + ".png");
        Files.write(file, png);
        return file;
    }

    /** The one visible element with this test id (a wizard keeps its other steps' buttons in the page, hidden). */
    private static Locator testId(final Page page, final String id) {
        return page.locator("[data-testid=\"" + id + "\"]:visible");
    }

    private static void next(final Page page) {
        testId(page, "next").click();
    }

    private static Page page(final BrowserContext context) {
        context.setDefaultTimeout(60_000);
        return context.newPage();
    }

    private static Browser.NewContextOptions desktop() {
        return new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("en-GB");
    }

    /**
     * A browser logged in as one of the demo people, through Keycloak's own login page, as a person does: the screen
     * (enrollment's for the officer, supervisor and DPO; guardian-notify's for the analyst) sends the browser there,
     * and back once signed in.
     */
    private static BrowserContext loggedIn(final String user) {
        final String screen = user.equals("analyst")
                ? system.url("guardian-notify") + "/analyst/"
                : system.url("enrollment") + "/ui/subjects";
        final BrowserContext context = browser.newContext(desktop());
        final Page login = page(context);
        login.navigate(screen);
        Assertions.assertThat(login.url()).as("the screen sends the browser to the IdP's login page")
                .startsWith(system.issuer() + "/protocol/openid-connect/auth");
        login.locator("#username").fill(user);
        login.locator("#password").fill(system.demoPassword());
        Screenshots.take(login, "login-" + user);
        login.locator("#kc-login").click();
        login.waitForURL(screen + "**");
        login.close();
        return context;
    }

    /**
     * A terminal's browser: it presents the post's client certificate, trusts the dev TLS certificate, and the person
     * at it (the border supervisor at the supervisor's terminal, else a guard) has logged in through Keycloak's own
     * login page, where the guard's screen sends her.
     */
    private static BrowserContext terminal(final String user) {
        final BrowserContext context = browser.newContext(desktop().setIgnoreHTTPSErrors(true).setClientCertificates(
                List.of(new ClientCertificate(system.url("gateway")).setCertPath(system.terminalCertificate(user))
                        .setKeyPath(system.terminalKey(user)))));
        final String screen = system.url("gateway") + "/guard/";
        final String person = RunningSystem.attendant(user);
        final Page login = page(context);
        login.navigate(screen);
        Assertions.assertThat(login.url()).as("the guard's screen sends the browser to the IdP's login page")
                .startsWith(system.issuer() + "/protocol/openid-connect/auth");
        login.locator("#username").fill(person);
        login.locator("#password").fill(system.demoPassword());
        Screenshots.take(login, "login-" + person);
        login.locator("#kc-login").click();
        login.waitForURL(screen);
        login.close();
        return context;
    }
}
