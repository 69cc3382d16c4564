package org.safepassage.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safepassage.enrollment.biometrics.TestImages;
import org.safepassage.system.chaos.LedgerAudit;

/**
 * Issue 14's chaos test: while a load driver runs mixed traffic (phone verifications, enrollments of adults and
 * minors, scans, guardian replies through the Twilio stand-in, crossings), each component is killed with
 * {@code kill -9} in turn at a random moment (seeded by {@code -Dchaos.seed}, printed): the devpeer, the PostgreSQL
 * server, enrollment, the gateway and guardian-notify, each restarted by {@code run-system}'s supervisor. Afterwards:
 * every confirmed enrollment and crossing is on the ledger exactly once, no crossing request was opened twice for a
 * scan, no guardian got a second SMS for one request, every outbox is empty, and the ledger's hash chain verifies.
 * Its own system (own data directory and ports), since it kills components.
 */
class ChaosIT {
    private static final List<String> VICTIMS = List.of("devpeer", "postgres", "enrollment", "gateway",
            "guardian-notify");
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final String NOTIFIER_NUMBER = "+15005550006";
    private static final int WORKERS = 3;
    private static final int MIN_PEOPLE = 12;
    private static final int MAX_PEOPLE = 40;
    /* One person's whole journey, outages included; a journey past it is counted as abandoned, not failed. */
    private static final Duration JOURNEY = Duration.ofSeconds(150);
    private static final long START = System.nanoTime();

    private static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.startOwn("chaos-run");
    }

    @AfterAll
    static void stop() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    /** What the load driver saw of one person. */
    private static final class Person {
        final int index;
        final boolean minor;
        final String phone;
        volatile String subjectId;
        volatile String requestId;
        volatile boolean crossed;
        volatile String abandonedAt;

        Person(final int index, final String seed) {
            this.index = index;
            this.minor = index % 3 != 0;
            this.phone = String.format("+40756%s%03d", seed, index);
        }
    }

    @Test
    void every_confirmed_write_survives_kill_9_of_each_component_exactly_once() throws Exception {
        final long seed = Long.getLong("chaos.seed", System.currentTimeMillis());
        final Random random = new Random(seed);
        final String phoneSeed = String.format("%04d", Math.floorMod(seed, 10_000));
        log("chaos seed %d (rerun with -Dchaos.seed=%d)", seed, seed);

        final List<Person> people = new ArrayList<>();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        final AtomicInteger next = new AtomicInteger();
        final AtomicBoolean chaosOver = new AtomicBoolean();
        final List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            final HttpClient guard = system.terminal("guard");
            final Thread worker = new Thread(() -> {
                while (true) {
                    final int index = next.getAndIncrement();
                    if (index >= MAX_PEOPLE || (chaosOver.get() && index >= MIN_PEOPLE)) {
                        return;
                    }
                    final Person person = new Person(index, phoneSeed);
                    synchronized (people) {
                        people.add(person);
                    }
                    new Journey(person, guard, errors).run();
                }
            }, "load-" + w);
            workers.add(worker);
            worker.start();
        }

        // The faults: each component in turn, at a random moment, once the one before is ready again.
        final List<String> faults = new ArrayList<>();
        for (String victim : VICTIMS) {
            final long pause = 4_000 + random.nextInt(10_000);
            Thread.sleep(pause); // the random moment of the fault, not a wait for a condition
            final String[] before = status(victim);
            final long pid = victim.equals("postgres") ? postmasterPid() : Long.parseLong(before[2]);
            final double at = seconds();
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL
            final int restarts = Integer.parseInt(before[1]);
            Await.until(() -> {
                final String[] now = status(victim);
                return now[0].equals("ready") && Integer.parseInt(now[1]) > restarts;
            }, victim + " ready again after kill -9", Duration.ofSeconds(120));
            final String fault = String.format("kill -9 %s (pid %d) at %.1f s, after %.1f s of load; ready again %.1f s"
                    + " later", victim, pid, at, pause / 1000.0, seconds() - at);
            faults.add(fault);
            log("fault %d/%d: %s", faults.size(), VICTIMS.size(), fault);
        }
        chaosOver.set(true);
        for (Thread worker : workers) {
            worker.join(Duration.ofMinutes(4).toMillis());
            assertThat(worker.isAlive()).as("load worker still running").isFalse();
        }
        log("load over: %d people", people.size());

        // Outboxes: enrollment's ledger outbox, and guardian-notify's texts and decisions not yet done.
        final Map<String, Integer> outboxes = new TreeMap<>();
        Await.until(() -> {
            outboxes.putAll(outboxCounts());
            return outboxes.values().stream().allMatch(count -> count == 0);
        }, "every outbox empty", Duration.ofSeconds(120));

        final LedgerAudit ledger = LedgerAudit.read(system.connectionFile());
        final Map<String, Long> approvalTexts = new TreeMap<>();
        for (Person person : people) {
            if (person.minor && person.subjectId != null) {
                approvalTexts.put(person.phone, outboundTexts(person.phone, "To approve reply"));
            }
        }

        log("==== chaos test, seed %d", seed);
        faults.forEach(fault -> log("fault: %s", fault));
        final List<Person> enrolled = people.stream().filter(p -> p.subjectId != null).toList();
        final List<Person> crossed = people.stream().filter(p -> p.crossed).toList();
        log("load: %d people (%d minors), %d enrollments confirmed, %d crossing requests opened, %d crossings confirmed,"
                + " %d journeys abandoned", people.size(), people.stream().filter(p -> p.minor).count(),
                enrolled.size(), people.stream().filter(p -> p.requestId != null).count(), crossed.size(),
                people.stream().filter(p -> p.abandonedAt != null).count());
        people.stream().filter(p -> p.abandonedAt != null).forEach(p -> log("  abandoned: person %d (%s) at %s",
                p.index, p.minor ? "minor" : "adult", p.abandonedAt));
        new TreeMap<>(errors).forEach((kind, count) -> log("  retried after: %d x %s", count.sum(), kind));
        log("ledger: %d blocks, hash chain and data hashes verified; %d valid transactions, %d events",
                ledger.blocks(), ledger.validTransactions(), ledger.events());
        log("checked: %d enrollments registered exactly once, %d crossings recorded exactly once, %d crossing requests"
                + " opened at most once, %d guardians with at most one approval SMS (%d texts), outboxes %s",
                enrolled.size(), crossed.size(), people.stream().filter(p -> p.minor).count(), approvalTexts.size(),
                approvalTexts.values().stream().mapToLong(Long::longValue).sum(), outboxes);

        for (Person person : enrolled) {
            assertThat(ledger.count("SubjectRegistered", person.subjectId))
                    .as("SubjectRegistered for confirmed enrollment %d", person.index).isEqualTo(1);
        }
        for (Person person : crossed) {
            assertThat(ledger.count("CrossingRecorded", person.subjectId))
                    .as("CrossingRecorded for confirmed crossing of person %d", person.index).isEqualTo(1);
        }
        for (Person person : enrolled) {
            assertThat(ledger.count("CrossingRecorded", person.subjectId)).as("crossings of %d", person.index)
                    .isLessThanOrEqualTo(1);
            assertThat(ledger.count("CrossingRequested", person.subjectId))
                    .as("crossing requests opened for person %d", person.index).isLessThanOrEqualTo(1);
        }
        assertThat(ledger.subjectsRegisteredTwice()).as("subjects registered twice").isEmpty();
        approvalTexts.forEach((phone, texts) -> assertThat(texts).as("approval texts to %s", phone)
                .isLessThanOrEqualTo(1));
        assertThat(outboxes.values()).allMatch(count -> count == 0);
        assertThat(faults).hasSize(VICTIMS.size());
        assertThat(crossed).as("crossings confirmed under chaos").isNotEmpty();
    }

    /** One person, from phone verification to the crossing, retrying each step through the outages. */
    private static final class Journey {
        private final Person person;
        private final HttpClient guard;
        private final Map<String, LongAdder> errors;
        private final Instant deadline = Instant.now().plus(JOURNEY);
        private final int finger;

        Journey(final Person person, final HttpClient guard, final Map<String, LongAdder> errors) {
            this.person = person;
            this.guard = guard;
            this.errors = errors;
            this.finger = 3000 + person.index;
        }

        void run() {
            try {
                final List<Map<String, Object>> guardians = new ArrayList<>();
                if (person.minor) {
                    guardians.add(Map.of("name", "Guardian " + person.index, "relation", "mother", "phoneNumber",
                            person.phone, "language", "en", "verificationId", step("verification", this::verify)));
                }
                final Map<String, Object> enrollment = Map.of(
                        "requestId", "chaos-" + person.phone.substring(1),
                        "person", Map.of("givenNames", "Chaos", "familyName", "Person" + person.index, "birthDate",
                                LocalDate.now().minusYears(person.minor ? 10 : 35).toString(), "sex", "FEMALE"),
                        "guardians", guardians,
                        "approvalQuorum", person.minor ? 1 : 0,
                        "consent", Map.of("consentedBy", person.minor ? "Guardian " + person.index : "Chaos Person",
                                "legalBasis", "CONSENT", "consentedAt", Instant.now().minusSeconds(60).toString()),
                        "fingerprints", List.of(Map.of("finger", "RIGHT_INDEX",
                                "image", TestImages.base64Png(finger, 0))));
                person.subjectId = step("enrollment", () -> {
                    final JsonNode answer = system.enrollment("POST", "/api/v1/subjects", "officer", enrollment);
                    final int status = answer.path("_status").asInt();
                    return status == 201 || status == 200 ? answer.path("subjectId").asText() : fail(answer);
                });
                step("registration on the ledger", () -> "REGISTERED".equals(system.enrollment("GET",
                        "/api/v1/subjects/" + person.subjectId, "officer", null).path("ledgerState").asText())
                        ? "" : fail(null));
                final String decision = step("scan", () -> {
                    final JsonNode scan = system.gateway(guard, "POST", "/api/v1/scans", Map.of("images",
                            List.of(TestImages.base64Png(finger, 1)), "direction", "EXIT"));
                    if (scan.path("_status").asInt() != 200) {
                        return fail(scan);
                    }
                    if (scan.hasNonNull("requestId")) {
                        person.requestId = scan.path("requestId").asText();
                    }
                    return scan.path("decision").asText();
                });
                if (!person.minor) {
                    assertThat(decision).isEqualTo("CLEAR");
                    return;
                }
                assertThat(decision).isEqualTo("GUARDIAN_APPROVAL_NEEDED");
                final String code = step("approval SMS", () -> {
                    final String sms = lastText(person.phone, "To approve reply");
                    return sms == null ? fail(null) : code(sms);
                });
                step("guardian's reply", () -> {
                    final JsonNode reply = system.phone("POST", "/phone/api/reply",
                            Map.of("from", person.phone, "to", NOTIFIER_NUMBER, "body", "APPROVE " + code));
                    return reply.path("webhookStatus").asInt() == 200 ? "" : fail(reply);
                });
                step("approval on the ledger", () -> "APPROVED".equals(system.gateway(guard, "GET",
                        "/api/v1/requests/" + person.requestId, null).path("status").asText()) ? "" : fail(null));
                final AtomicBoolean tried = new AtomicBoolean();
                step("crossing", () -> {
                    final JsonNode crossing = system.gateway(guard, "POST", "/api/v1/requests/" + person.requestId
                            + "/crossing", Map.of("outcome", "ALLOWED"));
                    final int status = crossing.path("_status").asInt();
                    // An earlier try whose answer was lost may have recorded it: then the request is used up.
                    if (status == 200 || tried.get() && "REQUEST_ALREADY_USED".equals(crossing.path("code").asText())) {
                        return "";
                    }
                    tried.set(true);
                    return fail(crossing);
                });
                person.crossed = true;
            } catch (Abandoned e) {
                person.abandonedAt = e.getMessage();
            }
        }

        private String verify() throws Exception {
            final JsonNode started = system.enrollment("POST", "/api/v1/phone-verifications", "officer",
                    Map.of("phoneNumber", person.phone, "language", "en"));
            if (started.path("_status").asInt() != 201) {
                return fail(started);
            }
            final String id = started.path("verificationId").asText();
            final Instant until = Instant.now().plusSeconds(30);
            String sms = null;
            while (sms == null && Instant.now().isBefore(until)) {
                sms = lastText(person.phone, "verification");
                Thread.sleep(300); // a poll interval of the guardian's inbox
            }
            if (sms == null) {
                return fail(null);
            }
            final JsonNode checked = system.enrollment("POST", "/api/v1/phone-verifications/" + id + "/check",
                    "officer", Map.of("code", code(sms)));
            return "VERIFIED".equals(checked.path("status").asText()) ? id : fail(checked);
        }

        @FunctionalInterface
        private interface Step {
            String attempt() throws Exception;
        }

        /* Tries a step until it succeeds, counting each failure by kind; past the journey's deadline, abandons. */
        private String step(final String name, final Step step) throws Abandoned {
            while (true) {
                String kind;
                try {
                    return step.attempt();
                } catch (StepFailed e) {
                    kind = e.getMessage();
                } catch (IOException e) {
                    kind = e.getClass().getSimpleName();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Abandoned(name + " (interrupted)");
                } catch (Exception e) {
                    kind = e.toString();
                }
                if (kind != null) {
                    errors.computeIfAbsent(name + ": " + kind, k -> new LongAdder()).increment();
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new Abandoned(name);
                }
                try {
                    Thread.sleep(500); // the driver's pause between tries of a failed step
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Abandoned(name + " (interrupted)");
                }
            }
        }
    }

    /* A failed try: why, by kind (HTTP status and error code), or null for "not yet". */
    private static <T> T fail(final JsonNode answer) throws StepFailed {
        throw new StepFailed(answer == null ? null : "HTTP " + answer.path("_status").asInt() + " "
                + answer.path("code").asText(answer.path("error").asText("")));
    }

    private static final class StepFailed extends Exception {
        private static final long serialVersionUID = 1L;

        StepFailed(final String kind) {
            super(kind, null, false, false);
        }
    }

    private static final class Abandoned extends Exception {
        private static final long serialVersionUID = 1L;

        Abandoned(final String step) {
            super(step, null, false, false);
        }
    }

    private static String lastText(final String phone, final String containing) throws Exception {
        String found = null;
        for (JsonNode message : messages(phone)) {
            if (message.path("body").asText().contains(containing) && !"inbound".equals(
                    message.path("direction").asText())) {
                found = message.path("body").asText();
            }
        }
        return found;
    }

    private static long outboundTexts(final String phone, final String containing) throws Exception {
        long count = 0;
        for (JsonNode message : messages(phone)) {
            if (message.path("body").asText().contains(containing) && !"inbound".equals(
                    message.path("direction").asText())) {
                count++;
            }
        }
        return count;
    }

    private static JsonNode messages(final String phone) throws Exception {
        return system.phone("GET", "/phone/api/messages?number=" + URLEncoder.encode(phone, StandardCharsets.UTF_8),
                null);
    }

    private static String code(final String sms) throws StepFailed {
        final Matcher matcher = CODE.matcher(sms);
        if (!matcher.find()) {
            throw new StepFailed("no code in an SMS");
        }
        return matcher.group(1);
    }

    /* Rows of work not yet done in each outbox, by name. */
    private static Map<String, Integer> outboxCounts() throws SQLException {
        final Map<String, Integer> counts = new TreeMap<>();
        try (Connection enrollment = database("enrollment")) {
            counts.put("enrollment ledger_outbox (pending or dead)", count(enrollment,
                    "select count(*) from ledger_outbox"));
        }
        try (Connection notify = database("guardian_notify")) {
            counts.put("guardian-notify texts not sent", count(notify,
                    "select count(*) from guardian_message where state in ('NEW', 'SENDING')"));
            counts.put("guardian-notify decisions not on the ledger", count(notify, "select count(*) from "
                    + "guardian_message where decision is not null and decision_state in ('SUBMITTING', 'LEDGER_FAILED')"));
            counts.put("guardian-notify escalations not sent", count(notify,
                    "select count(*) from duty_escalation where state = 'SENDING'"));
        }
        return counts;
    }

    private static int count(final Connection connection, final String sql) throws SQLException {
        try (var statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Connection database(final String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + system.ports().get("POSTGRES_PORT") + "/"
                + name, "postgres", system.secrets().get("POSTGRES_ADMIN_PASSWORD"));
    }

    private static long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(system.data().resolve("postgres/postmaster.pid")).get(0).trim());
    }

    /* STATE RESTARTS PID SINCE, as run-system's supervisor of the component writes it. */
    private static String[] status(final String component) throws IOException {
        final Path file = system.data().resolve("run/" + component + ".status");
        return Files.exists(file) ? Files.readString(file).trim().split(" ") : new String[] {"absent", "0", "-", "0"};
    }

    private static double seconds() {
        return (System.nanoTime() - START) / 1e9;
    }

    private static void log(final String format, final Object... args) {
        System.out.printf("[chaos %6.1f s] %s%n", seconds(), String.format(format, args));
        System.out.flush();
    }
}
