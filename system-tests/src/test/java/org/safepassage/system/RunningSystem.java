package org.safepassage.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The whole system exactly as {@code ./run} starts it ({@code network/run-system}, from the jars the reactor built),
 * on free ports and a fresh data directory, with HTTP helpers for each of its users. The ledger is the devpeer, or a
 * real Fabric network as {@code ./run --fabric} has it (see {@link Ledger}).
 */
public final class RunningSystem implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /**
     * The ledger behind the services.
     *
     * <p>{@code FABRIC} is the native network of {@code network/fabric/up}: one already running (its data folder
     * given, as CI does after bringing it up once for the real-network suite and this module), or one that
     * {@code run-system} brings up in the system's data folder and stops with it. Its ports are fixed: one at a time.
     */
    public enum Ledger {
        DEVPEER,
        FABRIC;

        /** The ledger named by the system property {@code safepassage.ledger} (devpeer unless it says fabric). */
        public static Ledger fromSystemProperty() {
            return parse(System.getProperty("safepassage.ledger", "devpeer"));
        }

        /** {@code devpeer} or {@code fabric}. */
        public static Ledger parse(final String name) {
            return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "devpeer", "" -> DEVPEER;
                case "fabric" -> FABRIC;
                default -> throw new IllegalArgumentException("ledger: devpeer or fabric, not " + name);
            };
        }
    }

    final Path data;
    final Map<String, Integer> ports = new HashMap<>();
    private final Ledger ledger;
    private final Path fabricData;
    private final Process process;
    private final Properties secrets = new Properties();
    private final HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /* The person logged in at each terminal client this system handed out (terminal(...)), by client identity. */
    private final Map<HttpClient, String> attendants =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    private org.safepassage.devstack.DemoLogin login;

    private RunningSystem(final Path data, final Ledger ledger, final Path runningFabric)
            throws IOException, InterruptedException {
        this(data, ledger, runningFabric, Map.of());
    }

    private RunningSystem(final Path data, final Ledger ledger, final Path runningFabric,
            final Map<String, String> environment) throws IOException, InterruptedException {
        this.data = data;
        this.ledger = ledger;
        this.fabricData = runningFabric != null ? runningFabric.toAbsolutePath() : data.resolve("fabric");
        final ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("network/run-system").toString(),
                data.toString()).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(data.resolveSibling(data.getFileName() + ".log").toFile());
        builder.environment().putAll(environment);
        builder.environment().put("SAFEPASSAGE_SKIP_BUILD", "1");
        builder.environment().put("SAFEPASSAGE_LEDGER", ledger.name().toLowerCase(java.util.Locale.ROOT));
        builder.environment().remove("SAFEPASSAGE_FABRIC_DATA");
        if (ledger == Ledger.FABRIC && runningFabric != null) {
            builder.environment().put("SAFEPASSAGE_FABRIC_DATA", fabricData.toString());
        }
        builder.environment().putAll(environment);
        final List<String> components = new java.util.ArrayList<>(List.of("DEVPEER_PORT", "POSTGRES_PORT",
                "TWILIO_PORT", "NOTIFY_PORT", "ENROLLMENT_PORT", "GATEWAY_PORT", "GATEWAY_ADMIN_PORT", "KEYCLOAK_PORT",
                "KEYCLOAK_MANAGEMENT_PORT"));
        // Only the ports of components that run: LockdownIT expects every port in ports() to be listening.
        if ("1".equals(environment.get("SAFEPASSAGE_NEIGHBOUR"))) {
            components.addAll(List.of("NEIGHBOUR_GATEWAY_PORT", "NEIGHBOUR_GATEWAY_ADMIN_PORT"));
        }
        for (String name : components) {
            final int port = freePort();
            ports.put(name, port);
            builder.environment().put(name, Integer.toString(port));
        }
        process = builder.start();
        final Path log = data.resolveSibling(data.getFileName() + ".log");
        final Instant deadline = Instant.now().plus(Duration.ofMinutes(12));
        while (!Files.exists(log) || !Files.readString(log).contains("SafePassage is running")) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the system did not start:\n"
                        + (Files.exists(log) ? Files.readString(log) : "") + tails());
            }
            Thread.sleep(500);
        }
        try (Reader reader = new StringReader(Files.readString(data.resolve("secrets.env")))) {
            secrets.load(reader);
        }
        login = org.safepassage.devstack.DemoLogin.at(issuer());
    }

    /** The system on the devpeer. */
    public static RunningSystem start(final Path data) throws IOException, InterruptedException {
        return new RunningSystem(data, Ledger.DEVPEER, null, Map.of());
    }

    /**
     * The system on the devpeer, with more environment for run-system and its components (e.g.
     * {@code SAFEPASSAGE_NEIGHBOUR=1} for the neighbouring country's gateway, or a service's setting as an environment
     * variable).
     */
    public static RunningSystem start(final Path data, final Map<String, String> environment)
            throws IOException, InterruptedException {
        return new RunningSystem(data, Ledger.DEVPEER, null, environment);
    }

    /**
     * A system of a test's own on the devpeer, for a test that harms it (kills components): in a fresh
     * {@code target/NAME} (emptied first; left afterwards for a look at the logs), on ports of its own.
     */
    public static RunningSystem startOwn(final String name) throws IOException, InterruptedException {
        final Path work = Path.of("target", name).toAbsolutePath();
        emptyDirectory(work);
        return start(work.resolve("data"));
    }

    private static void emptyDirectory(final Path work) throws IOException {
        if (Files.exists(work)) {
            try (var paths = Files.walk(work)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(work);
    }

    /**
     * The system on {@code ledger}.
     *
     * @param runningFabric with {@link Ledger#FABRIC}, the data folder of a network already running (left running),
     *     or null to have the system bring one up and stop it
     */
    public static RunningSystem start(final Path data, final Ledger ledger, final Path runningFabric)
            throws IOException, InterruptedException {
        return new RunningSystem(data, ledger, runningFabric, Map.of());
    }

    /**
     * The system on {@code ledger}, its components started with extra environment variables (settings such as
     * {@code SAFEPASSAGE_BIOMETRICS_INDEX_ENABLED}, or {@code ENROLLMENT_JAVA_OPTS}).
     */
    public static RunningSystem start(final Path data, final Ledger ledger, final Path runningFabric,
            final Map<String, String> environment) throws IOException, InterruptedException {
        return new RunningSystem(data, ledger, runningFabric, Map.copyOf(environment));
    }

    private static RunningSystem shared;

    /**
     * One system for every system test in this JVM, since starting one takes a minute or two; it stops when the JVM
     * exits. Its data and the components' logs stay under target/system-run for a look after a failure. The ledger
     * is the devpeer unless the system property {@code safepassage.ledger} says {@code fabric}; then the network
     * already running from the folder in {@code fabric.data} (the real-fabric profile of this module), or with no
     * such property one brought up for this system.
     */
    public static synchronized RunningSystem shared() throws IOException, InterruptedException {
        if (shared == null) {
            final Path work = Path.of("target", "system-run").toAbsolutePath();
            emptyDirectory(work);
            final String fabric = System.getProperty("fabric.data", "");
            final RunningSystem system = start(work.resolve("data"), Ledger.fromSystemProperty(),
                    fabric.isBlank() ? null : Path.of(fabric));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    system.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            shared = system;
        }
        return shared;
    }

    /** Where the system keeps its data: ledger, crypto, logs, secrets. */
    public Path data() {
        return data;
    }

    /** The ledger behind the services. */
    public Ledger ledger() {
        return ledger;
    }

    /** The ledger's connection file, which the services read (and a test's own ledger client can). */
    public Path connectionFile() {
        return ledger == Ledger.FABRIC ? fabricData.resolve("connection.json") : data.resolve("ledger/connection.json");
    }

    /** The ports run-system was given: ENROLLMENT_PORT, GATEWAY_ADMIN_PORT, ... */
    public Map<String, Integer> ports() {
        return Map.copyOf(ports);
    }

    /** The password of the demo log-ins: officer, supervisor, dpo and analyst. */
    /**
     * Every process of the running system: run-system and what it started, and processes that left the tree but work
     * on this system's data (PostgreSQL's server daemonises, and names its data directory in its arguments).
     */
    public java.util.List<ProcessHandle> processes() {
        final String dataDirectory = data.toAbsolutePath().toString();
        return java.util.stream.Stream.concat(
                        java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()),
                                process.descendants()),
                        ProcessHandle.allProcesses().filter(p -> p.info().arguments()
                                .map(args -> String.join(" ", args).contains(dataDirectory)).orElse(false)))
                .filter(ProcessHandle::isAlive).distinct().toList();
    }

    /** Every secret generated for this installation (keys, tokens, passwords), by name, from secrets.env. */
    public Map<String, String> secrets() {
        final Map<String, String> all = new HashMap<>();
        secrets.stringPropertyNames().forEach(name -> all.put(name, secrets.getProperty(name)));
        return all;
    }

    /** The issuer of the embedded realm, where people log in. */
    public String issuer() {
        return url("keycloak") + "/realms/safepassage";
    }

    /** Logins of the demo people at the realm, by the password grant (for API calls; screens use the login page). */
    public org.safepassage.devstack.DemoLogin login() {
        return login;
    }

    public String demoPassword() {
        return secrets.getProperty("DEMO_PASSWORD");
    }

    /** A border user's certificate (PEM), as a terminal presents it. */
    public Path terminalCertificate(final String user) {
        return terminalCertificate("BorderMSP", user);
    }

    /** A border user's private key (PKCS#8 PEM). */
    public Path terminalKey(final String user) {
        return terminalKey("BorderMSP", user);
    }

    /** A user's certificate of a border police organisation (BorderMSP, RomaniaBorderMSP). */
    public Path terminalCertificate(final String msp, final String user) {
        return data.resolve("crypto/" + msp + "/users/" + user + "/msp/signcerts/cert.pem");
    }

    /** A user's private key of a border police organisation. */
    public Path terminalKey(final String msp, final String user) {
        return data.resolve("crypto/" + msp + "/users/" + user + "/msp/keystore/key.pem");
    }

    /** The base URL of a component: enrollment, guardian-notify, twilio (plain HTTP) or gateway (HTTPS). */
    public String url(final String component) {
        return switch (component) {
            case "enrollment" -> "http://127.0.0.1:" + ports.get("ENROLLMENT_PORT");
            case "guardian-notify" -> "http://127.0.0.1:" + ports.get("NOTIFY_PORT");
            case "twilio" -> "http://127.0.0.1:" + ports.get("TWILIO_PORT");
            case "gateway" -> "https://localhost:" + ports.get("GATEWAY_PORT");
            case "keycloak" -> "http://127.0.0.1:" + ports.get("KEYCLOAK_PORT");
            default -> throw new IllegalArgumentException(component);
        };
    }

    /**
     * A JSON call to enrollment as one of its users: a person with her token from the IdP, or a service
     * ({@code gateway}, {@code notifier}) with its own client's token by client credentials, as the services call.
     */
    public JsonNode enrollment(final String method, final String path, final String user, final Object body)
            throws IOException, InterruptedException {
        final String authorization = switch (user) {
            case "gateway" -> serviceToken("gateway", "OIDC_GATEWAY_SECRET");
            case "notifier" -> serviceToken("guardian-notify", "OIDC_NOTIFY_SECRET");
            default -> login.authorization(user, demoPassword());
        };
        return send(plain, method, "http://127.0.0.1:" + ports.get("ENROLLMENT_PORT") + path, body, authorization);
    }

    /** A service client's access token, by the client credentials grant with its secret from secrets.env. */
    public String serviceToken(final String client, final String secretName) {
        return org.safepassage.service.token.ClientCredentials.at(
                URI.create(issuer() + "/protocol/openid-connect/token"), client, secrets.getProperty(secretName),
                plain, java.time.Clock.systemUTC()).authorization();
    }

    /** A JSON call to enrollment with the given Authorization header (or none). */
    public JsonNode enrollmentWith(final String method, final String path, final String authorization,
            final Object body) throws IOException, InterruptedException {
        return send(plain, method, "http://127.0.0.1:" + ports.get("ENROLLMENT_PORT") + path, body, authorization);
    }

    /** The IdP's subject ({@code sub}) of a demo person, from the access token the realm issues her. */
    public String subjectOf(final String user) throws IOException, InterruptedException {
        final String token = login.authorization(user, demoPassword()).substring("Bearer ".length());
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).path("sub").asText();
    }

    /**
     * The attributions the devpeer's blocks hold for one kind of transaction ({@code alert:AcknowledgeAlert}, say):
     * each names the person who acted and the ledger identity that signed, as {@code [actor, signer]}.
     */
    public java.util.List<String[]> attributions(final String transaction) throws IOException {
        final String chain = new String(Files.readAllBytes(data.resolve("ledger/blocks.log")),
                StandardCharsets.ISO_8859_1);
        final java.util.regex.Matcher found = java.util.regex.Pattern.compile(
                "\\{\"actor\":\"([^\"]+)\",\"at\":[^,]+,\"by\":\"([^\"]+)\","
                        + "\"transaction\":\"" + java.util.regex.Pattern.quote(transaction)
                        + "\",\"txId\":\"[0-9a-f]+\"\\}").matcher(chain);
        final java.util.List<String[]> attributions = new java.util.ArrayList<>();
        while (found.find()) {
            attributions.add(new String[] {found.group(1), found.group(2)});
        }
        return attributions;
    }

    /** A JSON call to guardian-notify with the given Authorization header (or none). */
    public JsonNode notifyWith(final String method, final String path, final String authorization,
            final Object body) throws IOException, InterruptedException {
        return send(plain, method, url("guardian-notify") + path, body, authorization);
    }

    /** A JSON call to Keycloak (its admin API, say), with the given Authorization header (or none). */
    public JsonNode keycloak(final String method, final String path, final String authorization, final Object body)
            throws IOException, InterruptedException {
        return send(plain, method, url("keycloak") + path, body, authorization);
    }

    /** A JSON call to the Twilio stand-in's phone page API. */
    public JsonNode phone(final String method, final String path, final Object body)
            throws IOException, InterruptedException {
        return send(plain, method, "http://127.0.0.1:" + ports.get("TWILIO_PORT") + path, body, null);
    }

    /** An HTTPS client presenting a border user's certificate, as a terminal does. */
    public HttpClient terminal(final String user) throws Exception {
        return terminal("BorderMSP", user);
    }

    /**
     * An HTTPS client presenting the certificate of a user of {@code msp} (RomaniaBorderMSP for the neighbour's
     * gateway, started with {@code SAFEPASSAGE_NEIGHBOUR=1}), trusting that organisation's TLS CA.
     */
    public HttpClient terminal(final String msp, final String user) throws Exception {
        final CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        final Certificate certificate;
        try (var in = Files.newInputStream(terminalCertificate(msp, user))) {
            certificate = x509.generateCertificate(in);
        }
        final String pem = Files.readString(terminalKey(msp, user));
        final PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", ""))));
        final KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry(user, key, new char[0], new Certificate[] {certificate});
        final KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, new char[0]);
        final KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (var in = Files.newInputStream(data.resolve("crypto/" + msp + "/peers/peer0/tls/ca.crt"))) {
            trusted.setCertificateEntry("border-tls", x509.generateCertificate(in));
        }
        final TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        final SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
        final HttpClient client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build();
        attendants.put(client, attendant(user));
        return client;
    }

    /**
     * The demo person who logs in at a border user's terminal, as the gateway requires besides the certificate: at
     * the supervisor's terminal the border supervisor, at Leuseni's guard terminal {@code guard}, at every other
     * post's terminal {@code guard2}.
     */
    public static String attendant(final String terminalUser) {
        return switch (terminalUser) {
            case "supervisor" -> "border-supervisor";
            case "guard" -> "guard";
            default -> "guard2";
        };
    }

    /** Has {@code person} (a demo user of the realm) log in at the terminal in place of its usual attendant. */
    public HttpClient attend(final HttpClient terminal, final String person) {
        attendants.put(terminal, person);
        return terminal;
    }

    /** {@code Bearer} access token of the person logged in at the terminal, by the realm's password grant. */
    public String personAt(final HttpClient terminal) throws IOException, InterruptedException {
        final String person = attendants.get(terminal);
        if (person == null) {
            throw new IllegalArgumentException("not a terminal of this system: no person logs in at it");
        }
        return login.authorization(person, demoPassword());
    }

    public URI gateway(final String path) {
        return URI.create("https://localhost:" + ports.get("GATEWAY_PORT") + path);
    }

    public JsonNode gateway(final HttpClient terminal, final String method, final String path, final Object body)
            throws IOException, InterruptedException {
        return send(terminal, method, gateway(path).toString(), body, personAt(terminal));
    }

    /** A JSON call to the gateway from a terminal with the given Authorization header (or none), whoever attends it. */
    public JsonNode gatewayWith(final HttpClient terminal, final String method, final String path,
            final String authorization, final Object body) throws IOException, InterruptedException {
        return send(terminal, method, gateway(path).toString(), body, authorization);
    }

    /** A JSON call to the neighbouring country's gateway (run with {@code SAFEPASSAGE_NEIGHBOUR=1}). */
    public JsonNode neighbourGateway(final HttpClient terminal, final String method, final String path,
            final Object body) throws IOException, InterruptedException {
        return send(terminal, method, "https://localhost:" + ports.get("NEIGHBOUR_GATEWAY_PORT") + path, body,
                personAt(terminal));
    }

    private static JsonNode send(final HttpClient client, final String method, final String url, final Object body,
            final String authorization) throws IOException, InterruptedException {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(150))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        final HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        final JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        if (json.isObject()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("_status", response.statusCode());
        }
        return json;
    }

    private String tails() throws IOException {
        final StringBuilder out = new StringBuilder();
        final Path logs = data.resolve("logs");
        if (Files.isDirectory(logs)) {
            try (var files = Files.list(logs)) {
                for (Path log : files.toList()) {
                    final var lines = Files.readAllLines(log);
                    out.append("\n== ").append(log.getFileName()).append('\n')
                            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
                }
            }
        }
        return out.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        // run-system stops the components, and a Fabric network it brought up (up to 15 s per process)
        if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
