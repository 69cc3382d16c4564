package org.safepassage.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code ./run}'s supervision: a component killed with {@code kill -9} is ready again while the others
 * keep answering their health checks, and {@code ./run status} counts the restart. Its own system (own data
 * directory and ports), since it kills components that the shared one's tests rely on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupervisionIT {
    /**
     * A bound against a restart that never comes, not a speed target: a service's JVM took 5-11 s to be ready again
     * on a quiet machine and over 15 s on one loaded by other builds. Each test prints the time it measured.
     */
    private static final Duration RESTART_LIMIT = Duration.ofSeconds(60);
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static RunningSystem system;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.startOwn("supervision-run");
    }

    @AfterAll
    static void stop() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void a_killed_service_is_restarted_while_the_others_keep_serving() throws Exception {
        killAndAwaitRestart("guardian-notify", List.of("enrollment", "gateway", "twilio"));
    }

    @Test
    @Order(2)
    void a_killed_devpeer_is_restarted_while_the_services_keep_serving() throws Exception {
        killAndAwaitRestart("devpeer", List.of("guardian-notify", "enrollment", "gateway", "twilio"));
        // The services reconnect to the restarted devpeer, which kept its ledger: a ledger read through enrollment.
        Await.until(() -> system.enrollment("GET", "/q/health/ready", "officer", null).path("status").asText()
                .equals("UP"), "enrollment ready after the devpeer's restart", RESTART_LIMIT);
    }

    @Test
    @Order(3)
    void a_killed_postgresql_server_is_restarted_and_the_services_reconnect() throws Exception {
        // kill -9 of the server itself, not of devpostgres in front of it: its supervisor must notice all the same
        killAndAwaitRestart("postgres", postmasterPid(), List.of("gateway", "twilio"));
        for (String service : List.of("enrollment", "guardian-notify")) {
            Await.until(() -> healthProblem(service) == null, service + " ready after PostgreSQL's restart",
                    Duration.ofSeconds(45));
        }
    }

    @Test
    @Order(4)
    void run_status_shows_each_component_and_its_restarts() throws Exception {
        final ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("run").toString(), "status")
                .directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().put("SAFEPASSAGE_DATA", system.data().toString());
        final Process process = builder.start();
        final String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).containsPattern("guardian-notify +ready +1 ")
                .containsPattern("devpeer +ready +1 ")
                .containsPattern("enrollment +ready +0 ")
                .containsPattern("postgres +ready +1 ");
    }

    private void killAndAwaitRestart(final String component, final List<String> others) throws Exception {
        killAndAwaitRestart(component, Long.parseLong(status(component)[2]), others);
    }

    private void killAndAwaitRestart(final String component, final long pid, final List<String> others)
            throws Exception {
        final String[] before = status(component);
        assertThat(before[0]).isEqualTo("ready");
        final int restarts = Integer.parseInt(before[1]);
        final ConcurrentLinkedQueue<String> outages = new ConcurrentLinkedQueue<>();
        final AtomicInteger rounds = new AtomicInteger();
        final Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (String other : others) {
                    final String problem = healthProblem(other);
                    if (problem != null) {
                        outages.add(Instant.now() + " " + other + ": " + problem);
                    }
                }
                rounds.incrementAndGet();
                try {
                    Thread.sleep(100); // a poll interval, not a wait for a condition
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "health-watcher");
        watcher.start();
        try {
            final Instant killed = Instant.now();
            assertThat(ProcessHandle.of(pid).orElseThrow().destroyForcibly()).isTrue(); // SIGKILL
            Await.until(() -> {
                final String[] now = status(component);
                return now[0].equals("ready") && Integer.parseInt(now[1]) == restarts + 1;
            }, component + " ready again after kill -9", RESTART_LIMIT);
            System.out.println(component + " was ready again " + Duration.between(killed, Instant.now()).toMillis()
                    + " ms after kill -9");
            final int seen = rounds.get();
            Await.until(() -> rounds.get() > seen, "one more round of health checks");
        } finally {
            watcher.interrupt();
            watcher.join();
        }
        assertThat(rounds.get()).isPositive();
        assertThat(outages).as("health checks of the others while %s restarted", component).isEmpty();
        assertThat(healthProblem(component)).as("%s after its restart", component).isNull();
    }

    /* Null when the component answers its health check (readiness for the services), else what went wrong. */
    private String healthProblem(final String component) {
        final Map<String, Integer> ports = system.ports();
        final String url = switch (component) {
            case "enrollment" -> "http://127.0.0.1:" + ports.get("ENROLLMENT_PORT") + "/q/health/ready";
            case "guardian-notify" -> "http://127.0.0.1:" + ports.get("NOTIFY_PORT") + "/q/health/ready";
            case "gateway" -> "http://127.0.0.1:" + ports.get("GATEWAY_ADMIN_PORT") + "/q/health/ready";
            case "twilio" -> "http://127.0.0.1:" + ports.get("TWILIO_PORT") + "/phone";
            case "devpeer", "postgres" -> null;
            default -> throw new IllegalArgumentException(component);
        };
        if (url == null) {
            return null;
        }
        try {
            final HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? null : response.statusCode() + " " + response.body();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /* The PostgreSQL server's own process (its postmaster), as it names itself in its data directory. */
    private static long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(system.data().resolve("postgres/postmaster.pid")).get(0).trim());
    }

    /* STATE RESTARTS PID SINCE, as run-system's supervisor of the component writes it. */
    private static String[] status(final String component) throws IOException {
        final Path file = system.data().resolve("run/" + component + ".status");
        return Files.exists(file) ? Files.readString(file).trim().split(" ") : new String[] {"absent", "0", "-", "0"};
    }
}
