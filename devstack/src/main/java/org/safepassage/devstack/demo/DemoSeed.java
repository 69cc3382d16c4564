package org.safepassage.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.safepassage.devstack.TerminalKeystores;

/**
 * Loads a few demo people into a running system ({@code ./run --seed}) the way an officer would: through
 * enrollment's API, each guardian's phone verified by the code the stand-in's phone received. It writes a second
 * impression of each person's finger to {@code OUT/NAME-scan.png}, for the guard's screen to scan, and flags one child
 * missing so a scan shows an ALERT. The youngest, under 6, is enrolled by both eyes and no finger (issue 17); another
 * capture of her left eye is {@code OUT/NAME-eye-scan.png}. Given the gateway, it then has the adult cross at each of the three border posts,
 * each post's terminal scanning her with its own certificate, so the analyst's charts have several posts. It runs once
 * per data directory ({@code OUT/seeded} marks it done).
 *
 * <p>{@code java -cp devpostgres.jar org.safepassage.devstack.demo.DemoSeed --enrollment URL --phones URL
 * --password P --issuer URL --out DIR [--gateway URL --terminals DIR --gateway-ca FILE]}; the officer logs in at the
 * issuer with the password grant ({@link org.safepassage.devstack.DemoLogin}), and so does the guard at each terminal
 * (the gateway takes a certificate only with its person's token): {@code guard} at Leuseni, {@code guard2} elsewhere
 */
public final class DemoSeed {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String enrollment;
    private final String phones;
    private final org.safepassage.devstack.DemoLogin login;
    private final String officerPassword;
    private final Path out;
    private final Border border;

    /**
     * How the posts' terminals reach the gateway.
     *
     * @param gateway the gateway's HTTPS base URL
     * @param terminals the terminals' PKCS#12 files ({@code TerminalKeystores}), protected by the demo password
     * @param gatewayCa the CA certificate (PEM) that issued the gateway's TLS certificate
     */
    public record Border(String gateway, Path terminals, Path gatewayCa) {}

    /* Svetlana's crossings: which post's terminal, and which way. */
    private static final List<String[]> CROSSINGS = List.of(new String[] {"guard-sculeni", "ENTRY"},
            new String[] {"guard-giurgiulesti", "EXIT"}, new String[] {"guard", "ENTRY"});

    record Guardian(String name, String relation, String phone, String language) {}

    /* finger: the synthetic finger's seed, 0 for none; eyes: the right eye's seed (the left is the next), 0: none. */
    record Person(String key, int finger, String givenNames, String familyName, int age, String sex,
            List<Guardian> guardians, int quorum, boolean flagMissing, int eyes) {}

    /* Invented people; numbers are in ranges no real subscriber has in the stand-in. */
    static final List<Person> PEOPLE = List.of(
            new Person("ana", 401, "Ana", "Popescu", 8, "FEMALE",
                    List.of(new Guardian("Elena Popescu", "mother", "+40721000101", "ro"),
                            new Guardian("Mihai Popescu", "father", "+40721000102", "ro")), 1, false, 0),
            new Person("daria", 402, "Daria", "Kovalenko", 11, "FEMALE",
                    List.of(new Guardian("Oksana Kovalenko", "mother", "+380670000201", "uk"),
                            new Guardian("Taras Kovalenko", "father", "+380670000202", "uk"),
                            new Guardian("Halyna Shevchuk", "grandmother", "+380670000203", "ru")), 2, false, 0),
            new Person("ion", 403, "Ion", "Rusu", 15, "MALE",
                    List.of(new Guardian("Maria Rusu", "mother", "+37369000301", "ro")), 1, true, 0),
            new Person("svetlana", 404, "Svetlana", "Morozova", 24, "FEMALE", List.of(), 0, false, 0),
            // Too young for fingerprints: enrolled by her eyes alone.
            new Person("sofia", 0, "Sofia", "Ceban", 4, "FEMALE",
                    List.of(new Guardian("Natalia Ceban", "mother", "+37369000501", "ro")), 1, false, 9_001));

    /**
     * @param enrollment the enrollment service's base URL
     * @param phones the Twilio stand-in's base URL, whose phone page shows the verification codes
     * @param officerPassword the demo officer's password
     * @param issuer the identity provider's realm (its issuer URL), where the officer logs in
     * @param out where the scan images and the marker go
     * @param border the gateway and the posts' terminals, or null to record no crossings
     */
    public DemoSeed(final String enrollment, final String phones, final String officerPassword, final String issuer,
            final Path out, final Border border) {
        this.enrollment = enrollment;
        this.phones = phones;
        this.officerPassword = officerPassword;
        this.border = border;
        this.login = org.safepassage.devstack.DemoLogin.at(issuer);
        this.out = out;
    }

    public static void main(final String[] args) throws Exception {
        final Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        // The officer's password is a secret: from the environment, which ps does not show.
        final String password = System.getenv("SAFEPASSAGE_DEMO_PASSWORD");
        if (password != null && !password.isBlank()) {
            options.putIfAbsent("--password", password);
        }
        for (String required : List.of("--enrollment", "--phones", "--password", "--issuer", "--out")) {
            if (!options.containsKey(required)) {
                System.err.println("demo-seed: " + required + " is required\nusage: java -cp devpostgres.jar "
                        + "org.safepassage.devstack.demo.DemoSeed --enrollment URL --phones URL --password P --issuer URL --out DIR"
                        + " [--gateway URL --terminals DIR --gateway-ca FILE]");
                System.exit(2);
            }
        }
        final Border border = options.containsKey("--gateway") ? new Border(options.get("--gateway"),
                Path.of(options.get("--terminals")), Path.of(options.get("--gateway-ca"))) : null;
        new DemoSeed(options.get("--enrollment"), options.get("--phones"), options.get("--password"),
                options.get("--issuer"), Path.of(options.get("--out")), border).seed();
    }

    /** Enrolls the demo people, unless this directory says it was done. */
    public void seed() throws IOException, InterruptedException, GeneralSecurityException {
        Files.createDirectories(out);
        if (Files.exists(out.resolve("seeded"))) {
            System.out.println("      demo people already loaded (" + out.resolve("seeded") + ")");
            return;
        }
        for (Person person : PEOPLE) {
            final String subjectId;
            try {
                subjectId = enroll(person);
            } catch (Refused refused) {
                if (refused.status != 409) {
                    throw refused;
                }
                // An earlier, interrupted seed enrolled this person already (or their finger): keep what is there.
                System.out.printf("      %-9s already enrolled: %s%n", person.key(), refused.getMessage());
                continue;
            }
            if (person.finger() != 0) {
                Files.write(out.resolve(person.key() + "-scan.png"), DemoFingers.png(person.finger(), 1));
            }
            if (person.eyes() != 0) {
                Files.write(out.resolve(person.key() + "-eye-scan.png"), eye(person.eyes() + 1, 5));
            }
            System.out.printf("      %-9s %s %s, %d, %d guardian(s), %d must approve%s: subject %s%n",
                    person.key(), person.givenNames(), person.familyName(), person.age(), person.guardians().size(),
                    person.quorum(), person.flagMissing() ? ", FLAGGED MISSING" : "", subjectId);
        }
        if (border != null) {
            crossAtEveryPost(PEOPLE.stream().filter(p -> p.guardians().isEmpty()).findFirst().orElseThrow());
        }
        Files.writeString(out.resolve("seeded"), Instant.now() + "\n");
    }

    /** The adult is scanned at each post by that post's terminal and crosses: CLEAR, no guardian is asked. */
    private void crossAtEveryPost(final Person adult) throws IOException, InterruptedException,
            GeneralSecurityException {
        int impression = 2;
        for (String[] crossing : CROSSINGS) {
            final HttpClient terminal = terminal(crossing[0]);
            // The gateway needs the person at the terminal too: Leuseni's guard is guard, the other posts' guard2.
            final String guard = login.authorization("guard".equals(crossing[0]) ? "guard" : "guard2", officerPassword);
            final JsonNode scan = send(terminal, "POST", border.gateway() + "/api/v1/scans", guard, Map.of(
                    "images", List.of(Base64.getEncoder().encodeToString(DemoFingers.png(adult.finger(), impression++))),
                    "direction", crossing[1]));
            if (!"CLEAR".equals(scan.path("decision").asText())) {
                throw new IllegalStateException("the demo adult did not scan CLEAR: " + scan);
            }
            send(terminal, "POST", border.gateway() + "/api/v1/crossings", guard, Map.of("subjectId",
                    scan.path("subjectId").asText(), "direction", crossing[1], "outcome", "ALLOWED"));
            System.out.printf("      %-9s crossed (%s) at the post of terminal %s%n", adult.key(), crossing[1],
                    crossing[0]);
        }
    }

    /** An HTTPS client presenting a post's terminal certificate and trusting the gateway's dev TLS CA. */
    private HttpClient terminal(final String user) throws IOException, GeneralSecurityException {
        final char[] password = officerPassword.toCharArray();
        final KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(TerminalKeystores.read(border.terminals().resolve(user + ".p12"), password), password);
        final KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (var in = Files.newInputStream(border.gatewayCa())) {
            trusted.setCertificateEntry("gateway-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        final TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        final SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build();
    }

    private String enroll(final Person person) throws IOException, InterruptedException {
        final List<Map<String, Object>> guardians = new ArrayList<>();
        for (Guardian guardian : person.guardians()) {
            guardians.add(Map.of("name", guardian.name(), "relation", guardian.relation(),
                    "phoneNumber", guardian.phone(), "language", guardian.language(),
                    "verificationId", verify(guardian)));
        }
        final String consentedBy = person.guardians().isEmpty()
                ? person.givenNames() + " " + person.familyName() : person.guardians().get(0).name();
        final JsonNode enrolled = call("POST", "/api/v1/subjects", Map.of(
                "requestId", "demo-seed-" + person.key(),
                "person", Map.of("givenNames", person.givenNames(), "familyName", person.familyName(),
                        "birthDate", LocalDate.now().minusYears(person.age()).minusDays(40).toString(),
                        "sex", person.sex()),
                "guardians", guardians,
                "approvalQuorum", person.quorum(),
                "consent", Map.of("consentedBy", consentedBy, "legalBasis", "CONSENT",
                        "consentedAt", Instant.now().minusSeconds(60).toString()),
                "fingerprints", person.finger() == 0 ? List.of() : List.of(Map.of("finger", "RIGHT_INDEX",
                        "image", Base64.getEncoder().encodeToString(DemoFingers.png(person.finger(), 0)))),
                "irises", person.eyes() == 0 ? List.of() : List.of(
                        Map.of("eye", "RIGHT", "image", Base64.getEncoder().encodeToString(eye(person.eyes(), 0))),
                        Map.of("eye", "LEFT",
                                "image", Base64.getEncoder().encodeToString(eye(person.eyes() + 1, 0))))));
        final String subjectId = enrolled.path("subjectId").asText();
        if (person.flagMissing()) {
            awaitRegistered(subjectId);
            call("POST", "/api/v1/subjects/" + subjectId + "/missing", null);
        }
        return subjectId;
    }

    /* A good near-infrared capture of a synthetic eye, as the iris camera would give it. */
    private static byte[] eye(final int seed, final int capture) {
        return SyntheticEye.of(seed).capture(SyntheticEye.Kind.GOOD, capture);
    }

    /** Starts a phone verification and answers it with the code the stand-in's phone received. */
    private String verify(final Guardian guardian) throws IOException, InterruptedException {
        final Instant asked = Instant.now();
        final String id = call("POST", "/api/v1/phone-verifications",
                Map.of("phoneNumber", guardian.phone(), "language", guardian.language())).path("verificationId").asText();
        final String code = awaitCode(guardian.phone(), asked);
        call("POST", "/api/v1/phone-verifications/" + id + "/check", Map.of("code", code));
        return id;
    }

    private String awaitCode(final String phone, final Instant since) throws IOException, InterruptedException {
        final Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            final HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(phones
                    + "/phone/api/messages?number=" + URLEncoder.encode(phone, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            String code = null;
            for (JsonNode message : JSON.readTree(response.body())) {
                final Matcher matcher = CODE.matcher(message.path("body").asText());
                if (!"inbound".equals(message.path("direction").asText()) && matcher.find()) {
                    code = matcher.group(1);
                }
            }
            if (code != null) {
                return code;
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("no verification SMS reached " + phone + " since " + since);
    }

    private void awaitRegistered(final String subjectId) throws IOException, InterruptedException {
        final Instant deadline = Instant.now().plusSeconds(60);
        while (!"REGISTERED".equals(call("GET", "/api/v1/subjects/" + subjectId, null).path("ledgerState").asText())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("subject " + subjectId + " did not reach the ledger");
            }
            Thread.sleep(300);
        }
    }

    /** A JSON call to enrollment as the demo officer. */
    private JsonNode call(final String method, final String path, final Object body)
            throws IOException, InterruptedException {
        return send(http, method, enrollment + path, login.authorization("officer", officerPassword), body);
    }

    private static JsonNode send(final HttpClient client, final String method, final String url,
            final String authorization, final Object body) throws IOException, InterruptedException {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        final HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new Refused(response.statusCode(), method + " " + url + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /** The service said no; the seed stops unless the person is already there. */
    static final class Refused extends IllegalStateException {
        final int status;

        Refused(final int status, final String message) {
            super(message);
            this.status = status;
        }
    }
}
