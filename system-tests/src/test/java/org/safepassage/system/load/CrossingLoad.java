package org.safepassage.system.load;

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
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.safepassage.chaincode.client.LedgerConnection;
import org.safepassage.chaincode.client.LedgerGateway;
import org.safepassage.chaincode.model.AuthoriseTripCommand;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.GuardianApproval;
import org.safepassage.chaincode.model.RecordScanCommand;
import org.safepassage.enrollment.biometrics.TestImages;
import org.safepassage.system.Await;
import org.safepassage.system.RunningSystem;

/**
 * Load driver for the crossing flow (not a test; see docs/performance.md, "Crossing flow"). Starts the whole system
 * as {@code ./run} does, enrolls people (adult survivors, who scan CLEAR/NOT_PROTECTED, and minors with a trip through
 * MD-LEUSENI, direction EXIT, pre-authorised on the ledger by the notifier, who scan CLEAR/PREAUTHORISED_TRIP), then
 * runs simulated posts concurrently, each its own thread and HTTPS client scanning re-captures (impressions other than
 * the enrolled one) for a bounded time and count, and prints throughput, scan-to-decision latency and errors by kind.
 *
 * <p>Every post presents the same client certificate, the BorderMSP guard's (terminal post-md-leuseni-01), although
 * devcrypto issues one per post terminal: the gateway sees 50 connections from one terminal, not 50 terminals.
 *
 * <p>Commit latency: a probe, the same guard identity through its own Fabric Gateway connection, submits
 * {@code RecordScan} (what every scan commits) for a random enrolled person and times it from submit to the commit
 * status (endorsement, ordering, validation and commit on the gateway's peer): 10 times one after another before the
 * load, and once a second during it.
 *
 * <p>Options ({@code --name=value}): {@code people} (20; every second one a minor), {@code posts} (50),
 * {@code seconds} (60, per post), {@code scans} (20, per post), {@code work} (target/crossing-load),
 * {@code ledger} ({@code devpeer}, or {@code fabric}: a real Fabric network brought up for the run as
 * {@code ./run --fabric} does, on its fixed ports).
 *
 * <p>{@code gallery} (0): before the people are enrolled, that many synthetic enrolled fingers (ISO/IEC 19794-2
 * records of {@code SyntheticIsoTemplates}, one finger per synthetic subject) are added through enrollment's
 * load-testing endpoint ({@code SyntheticGallery}: the vault and the gallery as an enrollment stores and loads them,
 * without commitment or ledger registration), in batches of {@code batch} (2000; each batch is one HTTP call, which
 * the test client gives 60 s), and the rate is printed.
 * {@code index} (false): starts enrollment with the candidate index enabled. {@code enrollment-heap} (unset): the
 * enrollment JVM's {@code -Xmx}.
 *
 * <p>{@code mode}: {@code closed} (default: each post scans again as soon as it has its answer, or after the wait a
 * 503 {@code IDENTIFY_BUSY} asks for) or {@code open}: scans
 * arrive at a fixed {@code rate} per second (10) for {@code seconds}, whatever the answers' latency, each on its own
 * request (as posts really see them: people do not wait for the previous person's answer); latency is measured from
 * each scan's scheduled arrival, so a stalled system is not hidden by sending less. {@code both}: the closed loop,
 * then the open loop, on the same system and gallery. {@code penetration} (unset): the index's short list as a share
 * of the gallery ({@code safepassage.biometrics.index.penetration}). {@code concurrent-searches} (unset): border
 * searches enrollment runs at once ({@code safepassage.identify.concurrent-searches}; 0 is one per core).
 */
public final class CrossingLoad {
    /* Under load, a step may take longer than the tests' minute. */
    private static final Duration LOADED_SYSTEM = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final String POST = "MD-LEUSENI";
    private static final int IMPRESSIONS = 3;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long START = System.nanoTime();

    private CrossingLoad() {}

    /** One enrolled person and the scan bodies the posts send for them. */
    private record Person(int finger, boolean minor, String subjectId, String expectedReason, List<byte[]> scans) {}

    public static void main(final String[] args) {
        try {
            drive(args);
        } catch (Throwable e) {
            // Exit even so: the reporting and ledger client threads would keep a failed run's JVM alive.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void drive(final String[] args) throws Exception {
        final Map<String, String> options = options(args);
        final int people = Integer.parseInt(options.getOrDefault("people", "20"));
        final int posts = Integer.parseInt(options.getOrDefault("posts", "50"));
        final int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        final int scansPerPost = Integer.parseInt(options.getOrDefault("scans", "20"));
        final Path work = Path.of(options.getOrDefault("work", "target/crossing-load")).toAbsolutePath();
        final RunningSystem.Ledger ledger = RunningSystem.Ledger.parse(options.getOrDefault("ledger", "devpeer"));
        final int gallery = Integer.parseInt(options.getOrDefault("gallery", "0"));
        final int batch = Integer.parseInt(options.getOrDefault("batch", "2000"));
        final boolean index = Boolean.parseBoolean(options.getOrDefault("index", "false"));
        final String mode = options.getOrDefault("mode", "closed");
        final double rate = Double.parseDouble(options.getOrDefault("rate", "10"));
        if (!List.of("closed", "open", "both").contains(mode)) {
            throw new IllegalArgumentException("mode: closed, open or both, not " + mode);
        }
        final Map<String, String> environment = new HashMap<>();
        environment.put("SAFEPASSAGE_LOAD_SYNTHETIC_GALLERY_ENABLED", Boolean.toString(gallery > 0));
        environment.put("SAFEPASSAGE_BIOMETRICS_INDEX_ENABLED", Boolean.toString(index));
        if (options.containsKey("penetration")) {
            environment.put("SAFEPASSAGE_BIOMETRICS_INDEX_PENETRATION", options.get("penetration"));
        }
        if (options.containsKey("enrollment-heap")) {
            environment.put("ENROLLMENT_JAVA_OPTS", "-Xmx" + options.get("enrollment-heap"));
        }
        if (options.containsKey("concurrent-searches")) {
            environment.put("SAFEPASSAGE_IDENTIFY_CONCURRENT_SEARCHES", options.get("concurrent-searches"));
        }

        if (!mode.equals("open")) {
            log("crossing load (closed loop) on the %s: %d people (%d minors with a pre-authorised trip), %d posts,"
                    + " each at most %d scans or %d s; gallery %d synthetic + %d; index %s", ledgerName(ledger), people,
                    people / 2, posts, scansPerPost, seconds, gallery, people, index ? "enabled" : "disabled");
        }
        if (!mode.equals("closed")) {
            log("crossing load (open loop%s) on the %s: %d people (%d minors with a pre-authorised trip), %.1f scans/s"
                    + " for %d s; gallery %d synthetic + %d; index %s", mode.equals("both") ? ", after the closed one"
                    : "", ledgerName(ledger), people, people / 2, rate, seconds, gallery, people,
                    index ? "enabled" : "disabled");
        }
        log("machine: %d cores, %s, Java %s, max heap %d MiB; load average %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.version"), Runtime.getRuntime().maxMemory() >> 20, loadAverage());
        wipe(work);
        Files.createDirectories(work);
        log("starting the system (network/run-system, SAFEPASSAGE_SKIP_BUILD=1, ledger %s) in %s", ledger, work);
        final long starting = System.nanoTime();
        try (RunningSystem system = RunningSystem.start(work.resolve("data"), ledger, null, environment)) {
            log("system up in %.1f s; logs in %s", (System.nanoTime() - starting) / 1e9, work.resolve("data/logs"));
            if (gallery > 0) {
                fillGallery(system, gallery, batch);
            }
            final List<Person> enrolled = enroll(system, people);
            warmUp(system, enrolled); // the first scan of each person verifies their record (an Argon2id each)
            final Map<String, double[]> beforeSingle = serverTimes(system);
            warmUp(system, enrolled);
            printServerTimes("one scan at a time", beforeSingle, serverTimes(system));
            try (CommitProbe probe = new CommitProbe(system, enrolled)) {
                probe.sequential(10);
                log("commit latency, idle (RecordScan, 10 one after another): %s", percentiles(probe.idle));
                // "both" measures the two loops on one gallery: filling a million takes longer than both runs.
                if (!mode.equals("open")) {
                    run(system, enrolled, posts, seconds, scansPerPost, probe);
                }
                if (!mode.equals("closed")) {
                    runOpen(system, enrolled, rate, seconds, probe);
                }
                log("commit latency under load (RecordScan once a second): %s; %d failed", percentiles(probe.loaded),
                        probe.failures.get());
            }
            log("stopping the system");
        }
        log("stopped; load average %s", loadAverage());
        System.exit(0); // the ledger client's gRPC threads would keep the JVM alive
    }

    private static String ledgerName(final RunningSystem.Ledger ledger) {
        return ledger == RunningSystem.Ledger.FABRIC ? "real Fabric network" : "devpeer";
    }

    // ---------------------------------------------------------------- the synthetic gallery

    /*
     * Synthetic enrolled fingers through enrollment's load-testing endpoint, in batches: the next batch's records are
     * generated (on the driver's cores) while enrollment stores and indexes the previous one.
     */
    private static void fillGallery(final RunningSystem system, final int size, final int batch) throws Exception {
        log("gallery: adding %d synthetic enrolled fingers in batches of %d", size, batch);
        final long begun = System.nanoTime();
        final java.util.concurrent.ExecutorService generator = Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<List<byte[]>> next = generator.submit(() -> records(0, Math.min(batch, size)));
            long generating = 0;
            long storing = 0;
            for (int from = 0; from < size; from += batch) {
                final long waited = System.nanoTime();
                final List<byte[]> records = next.get();
                generating += System.nanoTime() - waited;
                final int following = from + batch;
                if (following < size) {
                    next = generator.submit(() -> records(following, Math.min(following + batch, size)));
                }
                final long sent = System.nanoTime();
                final JsonNode answer = system.enrollment("POST", "/internal/v1/load/synthetic-gallery", "officer",
                        Map.of("templates", records));
                storing += System.nanoTime() - sent;
                if (answer.path("_status").asInt() != 200) {
                    throw new IllegalStateException("synthetic gallery batch at " + from + " failed: " + answer);
                }
                final int done = Math.min(following, size);
                if (done % 50_000 < batch || done == size) {
                    log("gallery: %d of %d added (%.0f/s so far); enrollment's gallery holds %d", done, size,
                            done / ((System.nanoTime() - begun) / 1e9), answer.path("gallery").asInt());
                }
            }
            final double seconds = (System.nanoTime() - begun) / 1e9;
            log("gallery: %d synthetic fingers in %.1f s, %.0f per second (waiting for generation %.1f s, enrollment "
                    + "storing and indexing %.1f s); load average %s", size, seconds, size / seconds,
                    generating / 1e9, storing / 1e9, loadAverage());
        } finally {
            generator.shutdownNow();
        }
    }

    /* Fingers far from the people's (seeds from 10,000,000 up), generated on every core. */
    private static List<byte[]> records(final int from, final int to) {
        return java.util.stream.IntStream.range(from, to).parallel()
                .mapToObj(i -> org.safepassage.enrollment.biometrics.SyntheticIsoTemplates.enrolled(10_000_000L + i))
                .toList();
    }

    // ---------------------------------------------------------------- enrollment

    /* False matches of the people's fingers against the synthetic gallery, each met at enrollment (a referral). */
    private static int falseReferrals;

    private static JsonNode enrollOnce(final RunningSystem system, final int i, final boolean minor, final int finger)
            throws Exception {
        final List<Map<String, Object>> guardians = new ArrayList<>();
        if (minor) {
            final String phone = String.format("+407552%05d", i);
            guardians.add(Map.of("name", "Guardian " + i, "relation", "mother", "phoneNumber", phone,
                    "language", "en", "verificationId", verify(system, phone)));
        }
        return system.enrollment("POST", "/api/v1/subjects", "officer", Map.of(
                "requestId", "load-" + i + "-" + HexFormat.of().formatHex(bytes(4)),
                "person", Map.of("givenNames", "Load", "familyName", "Person" + i,
                        "birthDate", LocalDate.now().minusYears(minor ? 9 : 30).toString(), "sex",
                        i % 4 < 2 ? "FEMALE" : "MALE"),
                "guardians", guardians,
                "approvalQuorum", minor ? 1 : 0,
                "consent", Map.of("consentedBy", minor ? "Guardian " + i : "Load Person" + i,
                        "legalBasis", "CONSENT", "consentedAt", Instant.now().minusSeconds(60).toString()),
                "fingerprints", List.of(Map.of("finger", "RIGHT_INDEX",
                        "image", TestImages.base64Png(finger, 0)))));
    }

    private static boolean isReferred(final JsonNode answer) {
        return answer.path("_status").asInt() == 409 && "DUPLICATE_REFERRED".equals(answer.path("code").asText());
    }

    private static List<Person> enroll(final RunningSystem system, final int people) throws Exception {
        final long begun = System.nanoTime();
        final List<Person> enrolled = new ArrayList<>();
        final Map<String, String> guardianRefs = new HashMap<>();
        for (int i = 0; i < people; i++) {
            final boolean minor = i % 2 == 1;
            // In a large synthetic gallery a person's finger may score over the threshold against an unrelated
            // synthetic one (a false match: about one search in six at 1,000,000, docs/performance.md); enrollment
            // then refers it, and the person is enrolled with another finger instead.
            int finger = 1000 + i;
            JsonNode answer = enrollOnce(system, i, minor, finger);
            for (int attempt = 1; attempt <= 5 && isReferred(answer); attempt++) {
                falseReferrals++;
                log("person %d: finger %d was referred as a duplicate of an enrolled synthetic finger (%s); trying "
                        + "finger %d", i, finger, answer.path("details").path("referralId").asText(),
                        finger + 100);
                finger += 100;
                answer = enrollOnce(system, i, minor, finger);
            }
            if (answer.path("_status").asInt() != 201) {
                throw new IllegalStateException("enrollment " + i + " failed: " + answer);
            }
            final String subjectId = answer.path("subjectId").asText();
            final List<byte[]> scans = new ArrayList<>();
            for (int impression = 1; impression <= IMPRESSIONS; impression++) {
                scans.add(JSON.writeValueAsBytes(Map.of("images", List.of(TestImages.base64Png(finger, impression)),
                        "direction", "EXIT")));
            }
            enrolled.add(new Person(finger, minor, subjectId, minor ? "PREAUTHORISED_TRIP" : "NOT_PROTECTED", scans));
            log("enrolled %d/%d: %s %s", i + 1, people, minor ? "minor" : "adult survivor", subjectId);
        }
        for (Person person : enrolled) {
            Await.until(() -> "REGISTERED".equals(system.enrollment("GET", "/api/v1/subjects/" + person.subjectId(),
                    "officer", null).path("ledgerState").asText()), "subject " + person.subjectId() + " on the ledger", LOADED_SYSTEM);
            if (person.minor()) {
                final JsonNode summary = system.enrollment("GET", "/api/v1/subjects/" + person.subjectId(), "officer",
                        null);
                guardianRefs.put(person.subjectId(), summary.path("guardians").path(0).path("guardianRef").asText());
            }
        }
        log("all %d registered on the ledger; %d enrollments referred as duplicates of synthetic fingers (false "
                + "matches) on the way", enrolled.size(), falseReferrals);
        final Path connection = system.connectionFile();
        try (LedgerGateway notifier = LedgerGateway.connect(LedgerConnection.read(connection), "ChildProtectionMSP",
                "notifier")) {
            final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            for (Person person : enrolled) {
                if (person.minor()) {
                    notifier.chaincode().trips().authorise(new AuthoriseTripCommand(person.subjectId(),
                            now.minus(1, ChronoUnit.HOURS), now.plus(7, ChronoUnit.DAYS), List.of(POST), List.of(),
                            Direction.EXIT, null, List.of(new GuardianApproval(guardianRefs.get(person.subjectId()),
                                    HexFormat.of().formatHex(bytes(32))))));
                }
            }
        }
        log("trips through %s (EXIT) authorised for the %d minors; enrollment phase took %.1f s", POST,
                enrolled.stream().filter(Person::minor).count(), (System.nanoTime() - begun) / 1e9);
        return enrolled;
    }

    private static String verify(final RunningSystem system, final String phone) throws Exception {
        final JsonNode started = system.enrollment("POST", "/api/v1/phone-verifications", "officer",
                Map.of("phoneNumber", phone, "language", "en"));
        if (started.path("_status").asInt() != 201) {
            throw new IllegalStateException("phone verification of " + phone + " failed: " + started);
        }
        final String id = started.path("verificationId").asText();
        final String[] sms = {null};
        Await.until(() -> {
            for (JsonNode message : system.phone("GET", "/phone/api/messages?number="
                    + URLEncoder.encode(phone, StandardCharsets.UTF_8), null)) {
                if (message.path("body").asText().contains("verification")
                        && !"inbound".equals(message.path("direction").asText())) {
                    sms[0] = message.path("body").asText();
                }
            }
            return sms[0] != null;
        }, "the verification SMS to " + phone, LOADED_SYSTEM);
        final Matcher code = CODE.matcher(sms[0]);
        if (!code.find()) {
            throw new IllegalStateException("no code in: " + sms[0]);
        }
        final JsonNode checked = system.enrollment("POST", "/api/v1/phone-verifications/" + id + "/check", "officer",
                Map.of("code", code.group(1)));
        if (!"VERIFIED".equals(checked.path("status").asText())) {
            throw new IllegalStateException("phone " + phone + " not verified: " + checked);
        }
        return id;
    }

    /** One scan per person, in turn: checks every one decides as expected and warms the services up. */
    private static void warmUp(final RunningSystem system, final List<Person> people) throws Exception {
        final HttpClient client = system.terminal("guard");
        final URI scans = system.gateway("/api/v1/scans");
        final long begun = System.nanoTime();
        final ConcurrentLinkedQueue<Long> single = new ConcurrentLinkedQueue<>();
        for (Person person : people) {
            final long sent = System.nanoTime();
            final HttpResponse<String> response = client.send(request(scans, person.scans().get(0), personAt(system, client)),
                    HttpResponse.BodyHandlers.ofString());
            single.add(System.nanoTime() - sent);
            final JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !"CLEAR".equals(body.path("decision").asText())
                    || !person.expectedReason().equals(body.path("reason").asText())) {
                throw new IllegalStateException("warm-up scan of " + person.subjectId() + " (" + person.expectedReason()
                        + " expected): HTTP " + response.statusCode() + " " + response.body());
            }
        }
        log("one at a time: %d sequential scans all CLEAR as expected, %.0f ms each on average; %s", people.size(),
                (System.nanoTime() - begun) / 1e6 / people.size(), percentiles(single));
    }

    // ---------------------------------------------------------------- the load

    /** Times RecordScan submits, as the guard, through its own Fabric Gateway connection. */
    private static final class CommitProbe implements AutoCloseable {
        final ConcurrentLinkedQueue<Long> idle = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> loaded = new ConcurrentLinkedQueue<>();
        final AtomicInteger failures = new AtomicInteger();
        private final LedgerGateway guard;
        private final List<Person> people;
        private final Random random = new Random(7);
        /* One per loaded phase: --mode=both has two. */
        private ScheduledExecutorService timer;

        CommitProbe(final RunningSystem system, final List<Person> people) throws Exception {
            this.guard = LedgerGateway.connect(LedgerConnection.read(system.connectionFile()), "BorderMSP", "guard");
            this.people = people;
        }

        void sequential(final int n) {
            for (int i = 0; i < n; i++) {
                submit(idle);
            }
        }

        void startLoaded() {
            timer = Executors.newSingleThreadScheduledExecutor();
            timer.scheduleWithFixedDelay(() -> submit(loaded), 0, 1, TimeUnit.SECONDS);
        }

        void stopLoaded() throws InterruptedException {
            timer.shutdown();
            timer.awaitTermination(130, TimeUnit.SECONDS);
        }

        private void submit(final ConcurrentLinkedQueue<Long> into) {
            final Person person = people.get(random.nextInt(people.size()));
            final long sent = System.nanoTime();
            try {
                guard.chaincode().crossings().recordScan(new RecordScanCommand(person.subjectId(), POST));
                into.add(System.nanoTime() - sent);
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                log("commit probe: %s", e);
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (timer != null) {
                timer.shutdownNow();
            }
            guard.close();
        }
    }

    private static void run(final RunningSystem system, final List<Person> people, final int posts, final int seconds,
            final int scansPerPost, final CommitProbe probe) throws Exception {
        final URI scans = system.gateway("/api/v1/scans");
        final List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            clients.add(system.terminal("guard"));
        }
        final Tally tally = new Tally();
        final AtomicInteger finishedPosts = new AtomicInteger();
        final CountDownLatch go = new CountDownLatch(1);
        final CountDownLatch done = new CountDownLatch(posts);
        final String loadBefore = loadAverage();
        final List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < posts; p++) {
            final int post = p;
            final Thread thread = new Thread(() -> {
                final Random random = new Random(post);
                try {
                    go.await();
                    final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                    for (int n = 0; n < scansPerPost && System.nanoTime() < deadline; n++) {
                        final Person person = people.get(random.nextInt(people.size()));
                        final byte[] body = person.scans().get(random.nextInt(IMPRESSIONS));
                        final long sent = System.nanoTime();
                        try {
                            final HttpResponse<String> response = clients.get(post).send(request(scans, body, personAt(system, clients.get(post))),
                                    HttpResponse.BodyHandlers.ofString());
                            tally.answered(person, response, System.nanoTime() - sent);
                            // A post told to retry waits as asked, as a guard would, instead of flooding the
                            // gateway with scans that are turned away.
                            Thread.sleep(retryAfterMillis(response));
                        } catch (IOException e) {
                            tally.failed(e);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    finishedPosts.incrementAndGet();
                    done.countDown();
                }
            }, "post-" + p);
            threads.add(thread);
            thread.start();
        }

        final Map<String, double[]> serverBefore = serverTimes(system);
        log("load: %d posts start now; load average %s", posts, loadBefore);
        final ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
        final long begun = System.nanoTime();
        final int[] last = {0};
        progress.scheduleAtFixedRate(() -> {
            final int now = tally.allNanos.size();
            log("  %5.0f s: %d answered (%.1f/s over the last 5 s), %d errors, %d posts finished, load %s",
                    (System.nanoTime() - begun) / 1e9, now, (now - last[0]) / 5.0,
                    tally.errorCount(), finishedPosts.get(), loadAverage());
            last[0] = now;
        }, 5, 5, TimeUnit.SECONDS);
        go.countDown();
        probe.startLoaded();
        // Each post stops starting scans after its time; one in flight may take up to the client's timeout.
        done.await(seconds + 180L, TimeUnit.SECONDS);
        final double wall = (System.nanoTime() - begun) / 1e9;
        probe.stopLoaded();
        progress.shutdownNow();
        final String loadAfter = loadAverage();
        final Map<String, double[]> serverAfter = serverTimes(system);

        final long errorCount = tally.errorCount();
        log("==== results: %d posts x at most %d scans / %d s, %d people (%d minors)", posts, scansPerPost, seconds,
                people.size(), people.stream().filter(Person::minor).count());
        log("wall time %.1f s; %d scans answered, %d as expected (CLEAR), %d errors; %d posts still busy",
                wall, tally.allNanos.size(), tally.okNanos.size(), errorCount, posts - finishedPosts.get());
        log("throughput: %.2f scans/s answered, %.2f scans/s as expected", tally.allNanos.size() / wall,
                tally.okNanos.size() / wall);
        log("scan-to-decision latency, expected decisions: %s", percentiles(tally.okNanos));
        log("scan-to-decision latency, all answered: %s", percentiles(tally.allNanos));
        tally.logErrors();
        printServerTimes("during the load", serverBefore, serverAfter);
        log("load average: %s before the load, %s after", loadBefore, loadAfter);
        for (Thread thread : threads) {
            thread.interrupt();
        }
    }

    /*
     * Open loop: one scan every 1/rate seconds for the given time, each sent when it is due whatever the answers
     * before it (asynchronous requests over a few HTTPS clients), its latency counted from when it was due.
     */
    private static void runOpen(final RunningSystem system, final List<Person> people, final double rate,
            final int seconds, final CommitProbe probe) throws Exception {
        final URI scans = system.gateway("/api/v1/scans");
        final List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            clients.add(system.terminal("guard"));
        }
        final int total = (int) Math.round(rate * seconds);
        final long interval = (long) (1e9 / rate);
        final Tally tally = new Tally();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final CountDownLatch answered = new CountDownLatch(total);
        final Random random = new Random(11);
        final String loadBefore = loadAverage();
        final Map<String, double[]> serverBefore = serverTimes(system);
        log("open loop: %d scans at %.1f/s start now; load average %s", total, rate, loadBefore);
        final ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
        final long begun = System.nanoTime();
        progress.scheduleAtFixedRate(() -> log("  %5.0f s: %d answered, %d in flight (max %d), %d errors, load %s",
                (System.nanoTime() - begun) / 1e9, tally.allNanos.size(), inFlight.get(), maxInFlight.get(),
                tally.errorCount(), loadAverage()), 5, 5, TimeUnit.SECONDS);
        probe.startLoaded();
        for (int n = 0; n < total; n++) {
            final long due = begun + n * interval;
            final long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            final Person person = people.get(random.nextInt(people.size()));
            final byte[] body = person.scans().get(random.nextInt(IMPRESSIONS));
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            final HttpClient client = clients.get(n % clients.size());
            client.sendAsync(request(scans, body, personAt(system, client)), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        if (failure != null) {
                            tally.failed(failure);
                        } else {
                            tally.answered(person, response, System.nanoTime() - due);
                        }
                        inFlight.decrementAndGet();
                        answered.countDown();
                    });
        }
        final double sending = (System.nanoTime() - begun) / 1e9;
        answered.await(180, TimeUnit.SECONDS);
        final double wall = (System.nanoTime() - begun) / 1e9;
        probe.stopLoaded();
        progress.shutdownNow();
        final String loadAfter = loadAverage();
        final Map<String, double[]> serverAfter = serverTimes(system);
        final long errorCount = tally.errorCount();
        log("==== results (open loop): %d scans offered at %.1f/s over %.1f s, %d people (%d minors)", total, rate,
                sending, people.size(), people.stream().filter(Person::minor).count());
        log("wall time %.1f s; %d answered, %d as expected (CLEAR), %d errors; at most %d in flight", wall,
                tally.allNanos.size(), tally.okNanos.size(), errorCount, maxInFlight.get());
        log("throughput: %.2f scans/s answered over the sending time", tally.allNanos.size() / sending);
        log("scan-to-decision latency from the scheduled arrival, expected decisions: %s",
                percentiles(tally.okNanos));
        log("scan-to-decision latency from the scheduled arrival, all answered: %s", percentiles(tally.allNanos));
        tally.logErrors();
        printServerTimes("during the load", serverBefore, serverAfter);
        log("load average: %s before the load, %s after", loadBefore, loadAfter);
    }

    /* The wait a 503 asks for in details.retryAfterSeconds (IDENTIFY_BUSY), or 0. */
    private static long retryAfterMillis(final HttpResponse<String> response) {
        if (response.statusCode() != 503) {
            return 0;
        }
        try {
            return JSON.readTree(response.body()).path("details").path("retryAfterSeconds").asLong(0) * 1000;
        } catch (IOException e) {
            return 0;
        }
    }

    /** What one run's scans came back with: the latencies of all answers and of the expected ones, errors by kind. */
    private static final class Tally {
        final ConcurrentLinkedQueue<Long> okNanos = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> allNanos = new ConcurrentLinkedQueue<>();
        private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        private final Map<String, String> examples = new ConcurrentHashMap<>();

        /** An answer to a scan of {@code person}, {@code took} nanoseconds after it was sent (or due). */
        void answered(final Person person, final HttpResponse<String> response, final long took) {
            allNanos.add(took);
            try {
                final JsonNode answer = response.body().isBlank() ? JSON.createObjectNode()
                        : JSON.readTree(response.body());
                if (response.statusCode() != 200) {
                    error("HTTP " + response.statusCode() + " " + answer.path("code").asText(
                            answer.path("error").asText("")), response.body());
                    return;
                }
                final String got = answer.path("decision").asText() + "/" + answer.path("reason").asText();
                if (got.equals("CLEAR/" + person.expectedReason())
                        && person.subjectId().equals(answer.path("subjectId").asText())) {
                    okNanos.add(took);
                } else {
                    error("wrong decision " + got, response.body());
                }
            } catch (IOException e) {
                failed(e);
            }
        }

        /** A scan that got no answer, or one that was not JSON. */
        void failed(final Throwable failure) {
            error(failure.getClass().getSimpleName(), String.valueOf(failure.getMessage()));
        }

        long errorCount() {
            return errors.values().stream().mapToLong(LongAdder::sum).sum();
        }

        void logErrors() {
            if (errors.isEmpty()) {
                log("errors: none");
            }
            new TreeMap<>(errors).forEach((kind, count) -> log("errors: %d x %s  e.g. %s", count.sum(), kind,
                    examples.getOrDefault(kind, "")));
        }

        private void error(final String kind, final String example) {
            errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
            examples.putIfAbsent(kind, example.length() > 300 ? example.substring(0, 300) : example);
        }
    }

    private static void printServerTimes(final String when, final Map<String, double[]> serverBefore,
            final Map<String, double[]> serverAfter) {
        serverAfter.forEach((what, after) -> {
            final double[] before = serverBefore.getOrDefault(what, new double[2]);
            final double count = after[0] - before[0];
            if (count > 0) {
                log("server side %s (Prometheus): %s %.0f times, mean %.1f ms", when, what, count,
                        (after[1] - before[1]) / count * 1000);
            }
        });
    }

    /** Count and total seconds of the requests that decide a scan, from the services' Prometheus endpoints. */
    private static Map<String, double[]> serverTimes(final RunningSystem system) {
        final Map<String, double[]> times = new TreeMap<>();
        try {
            final Map<String, Integer> ports = system.ports();
            add(times, "gateway POST /api/v1/scans", "http://127.0.0.1:" + ports.get("GATEWAY_ADMIN_PORT")
                    + "/q/metrics", "/api/v1/scans");
            add(times, "enrollment POST /internal/v1/identify (extraction + 1:N search)", "http://127.0.0.1:"
                    + ports.get("ENROLLMENT_PORT") + "/q/metrics", "/internal/v1/identify");
            steps(times, "gateway step ", "http://127.0.0.1:" + ports.get("GATEWAY_ADMIN_PORT") + "/q/metrics",
                    "safepassage_scan_step_seconds");
            steps(times, "enrollment identify step ", "http://127.0.0.1:" + ports.get("ENROLLMENT_PORT")
                    + "/q/metrics", "safepassage_identify_step_seconds");
        } catch (Exception e) {
            log("(no server-side figures: %s)", e);
        }
        return times;
    }

    private static void add(final Map<String, double[]> times, final String what, final String url, final String uri)
            throws Exception {
        final String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        final double[] total = new double[2];
        for (String line : metrics.split("\n")) {
            if (line.startsWith("http_server_requests_seconds_") && line.contains("uri=\"" + uri + "\"")
                    && line.contains("status=\"200\"")) {
                final double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                if (line.startsWith("http_server_requests_seconds_count")) {
                    total[0] += value;
                } else if (line.startsWith("http_server_requests_seconds_sum")) {
                    total[1] += value;
                }
            }
        }
        times.put(what, total);
    }

    /* The scan path's step timers (ScanService, IdentificationService): count and total seconds per step. */
    private static void steps(final Map<String, double[]> times, final String prefix, final String url,
            final String metric) throws Exception {
        final String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        final Pattern step = Pattern.compile("step=\"([a-z_]+)\"");
        for (String line : metrics.split("\n")) {
            final boolean count = line.startsWith(metric + "_count{");
            if (!count && !line.startsWith(metric + "_sum{")) {
                continue;
            }
            final Matcher name = step.matcher(line);
            if (name.find()) {
                final double[] total = times.computeIfAbsent(prefix + name.group(1), k -> new double[2]);
                total[count ? 0 : 1] += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
    }

    private static HttpRequest request(final URI scans, final byte[] body, final String authorization) {
        return HttpRequest.newBuilder(scans).timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /* The token of the guard logged in at a terminal (the gateway needs one besides the certificate); kept by the login
       until shortly before it expires, so asking per request costs a map look-up. */
    private static String personAt(final RunningSystem system, final HttpClient terminal) {
        try {
            return system.personAt(terminal);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String percentiles(final ConcurrentLinkedQueue<Long> nanos) {
        final long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return "none";
        }
        return String.format("p50 %d ms, p95 %d ms, p99 %d ms, max %d ms, mean %d ms (n=%d)", at(sorted, 0.50),
                at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1] / 1_000_000,
                (long) Arrays.stream(sorted).average().orElse(0) / 1_000_000, sorted.length);
    }

    /** Nearest-rank percentile, in ms. */
    private static long at(final long[] sorted, final double q) {
        final int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1_000_000;
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, String> options(final String[] args) {
        final Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value: " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }

    private static String loadAverage() {
        try {
            final String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static byte[] bytes(final int n) {
        final byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static void wipe(final Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }



    private static void log(final String format, final Object... args) {
        System.out.printf("[%7.1f s] %s%n", (System.nanoTime() - START) / 1e9, String.format(format, args));
        System.out.flush();
    }
}
