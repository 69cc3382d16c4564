package org.safepassage.twilio.standin;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A local stand-in for Twilio's SMS API, for tests and the embedded demo.
 *
 * <p>It serves the Messages resource of Twilio's REST API ({@code /2010-04-01/Accounts/{AccountSid}/Messages}) with
 * HTTP Basic authentication and Twilio's JSON shapes, so the real twilio-java client talks to it unchanged once its
 * requests are sent to {@link #baseUrl()} instead of {@code https://api.twilio.com}. Accepted messages are
 * "delivered" after a short simulated latency, and each status change is posted to the message's
 * {@code StatusCallback}, signed exactly as Twilio signs ({@link TwilioSignature}). Each handset number has an inbox
 * at {@code /phone}, whose reply form (or {@link #reply}) posts a signed inbound-message webhook to the configured
 * URL.
 *
 * <p>Create one with {@link #builder()}, {@link Builder#start() start} it, {@link #close() close} it. All methods are
 * thread-safe.
 */
public final class TwilioStandIn implements AutoCloseable {
    /** The account sid used when none is configured. */
    public static final String DEFAULT_ACCOUNT_SID = "AC5afe9a55a9e000000000000000000000";

    /** The auth token used when none is configured. */
    public static final String DEFAULT_AUTH_TOKEN = "standin0auth0token0000000000000";

    /** Twilio's API version, the first path segment of every REST call. */
    public static final String API_VERSION = "2010-04-01";

    private static final Logger LOG = Logger.getLogger(TwilioStandIn.class.getName());
    private static final int DEFAULT_VALIDITY_SECONDS = 36000;

    private final String accountSid;
    private final String authToken;
    private final Duration latency;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService requestThreads;
    private final ScheduledExecutorService deliveryThreads;
    private final HttpClient webhookClient;

    private final Map<String, SmsMessage> messages = new LinkedHashMap<>();
    private final Set<String> undeliverable = ConcurrentHashMap.newKeySet();
    private final Set<String> optedOut = ConcurrentHashMap.newKeySet();
    private final Map<String, Duration> queueDelays = new ConcurrentHashMap<>();
    private final List<WebhookCall> statusCallbacks = new CopyOnWriteArrayList<>();
    private final List<WebhookCall> inboundWebhooks = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresBeforeAccepting = new AtomicInteger();
    private final AtomicInteger failuresAfterAccepting = new AtomicInteger();
    private final AtomicInteger createRequests = new AtomicInteger();
    private final Map<String, AtomicInteger> createRequestsTo = new ConcurrentHashMap<>();
    private volatile String inboundWebhook;

    private TwilioStandIn(final Builder b) throws IOException {
        this.accountSid = b.accountSid;
        this.authToken = b.authToken;
        this.latency = b.latency;
        this.clock = b.clock;
        this.inboundWebhook = b.inboundWebhook;
        this.requestThreads = Executors.newFixedThreadPool(4, daemon("twilio-standin-http"));
        this.deliveryThreads = Executors.newScheduledThreadPool(2, daemon("twilio-standin-delivery"));
        // The client keeps its own executor: the delivery threads block in send(), so lending them to the client
        // deadlocked as soon as two callbacks were in flight. HTTP/1.1, as Twilio's webhooks are.
        this.webhookClient = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.server = HttpServer.create(new InetSocketAddress(b.host, b.port), 0);
        server.createContext("/" + API_VERSION + "/", new RestApi(this));
        server.createContext("/phone", new PhonePage(this));
        server.setExecutor(requestThreads);
        server.start();
    }

    /**
     * Starts configuring a stand-in: port 0 (any free port) on 127.0.0.1, {@link #DEFAULT_ACCOUNT_SID},
     * {@link #DEFAULT_AUTH_TOKEN}, 50 ms delivery latency, no inbound webhook.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Where the stand-in listens, to use in place of {@code https://api.twilio.com}.
     *
     * @return e.g. {@code http://127.0.0.1:41234}, without a trailing slash
     */
    public String baseUrl() {
        final InetSocketAddress address = server.getAddress();
        return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /**
     * The port the stand-in listens on.
     *
     * @return the bound port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The account sid clients must authenticate with.
     *
     * @return the account sid
     */
    public String accountSid() {
        return accountSid;
    }

    /**
     * The auth token clients must authenticate with and webhooks are signed with.
     *
     * @return the auth token
     */
    public String authToken() {
        return authToken;
    }

    /**
     * Sets or clears the URL inbound messages are posted to.
     *
     * @param url an absolute http(s) URL, or {@code null} for none
     */
    public void inboundWebhook(final String url) {
        this.inboundWebhook = url;
    }

    /**
     * The URL inbound messages are posted to.
     *
     * @return the URL, or empty
     */
    public Optional<String> inboundWebhook() {
        return Optional.ofNullable(inboundWebhook);
    }

    /**
     * Every message held, outbound and inbound, oldest first.
     *
     * @return a snapshot
     */
    public List<SmsMessage> messages() {
        synchronized (messages) {
            return List.copyOf(messages.values());
        }
    }

    /**
     * The messages sent to a number through the REST API, oldest first.
     *
     * @param number the handset number, E.164
     * @return a snapshot, possibly empty
     */
    public List<SmsMessage> messagesTo(final String number) {
        Objects.requireNonNull(number, "number");
        return messages().stream()
                .filter(m -> m.to().equals(number) && SmsMessage.OUTBOUND.equals(m.direction()))
                .toList();
    }

    /**
     * The conversation of one handset: what it received and what it sent, oldest first.
     *
     * @param number the handset number, E.164
     * @return a snapshot, possibly empty
     */
    public List<SmsMessage> conversation(final String number) {
        Objects.requireNonNull(number, "number");
        return messages().stream()
                .filter(m -> SmsMessage.OUTBOUND.equals(m.direction()) ? m.to().equals(number) : m.from().equals(number))
                .toList();
    }

    /**
     * One message by sid.
     *
     * @param sid the message sid
     * @return the message, or empty if unknown or deleted
     */
    public Optional<SmsMessage> message(final String sid) {
        synchronized (messages) {
            return Optional.ofNullable(messages.get(sid));
        }
    }

    /**
     * The status callbacks posted so far, in order.
     *
     * @return a snapshot
     */
    public List<WebhookCall> statusCallbacks() {
        return List.copyOf(statusCallbacks);
    }

    /**
     * The inbound-message webhooks posted so far, in order.
     *
     * @return a snapshot
     */
    public List<WebhookCall> inboundWebhooks() {
        return List.copyOf(inboundWebhooks);
    }

    /**
     * How many message-creation POSTs arrived, failed ones included.
     *
     * @return the count since start or {@link #reset()}
     */
    public int createRequests() {
        return createRequests.get();
    }

    /**
     * How many message-creation POSTs to one number arrived, failed ones included: what a test asserts about one
     * phone, whatever else the service under test is texting meanwhile.
     *
     * @param number the {@code To} number
     * @return the count since start or {@link #reset()}
     */
    public int createRequestsTo(final String number) {
        final AtomicInteger count = createRequestsTo.get(number);
        return count == null ? 0 : count.get();
    }

    /**
     * Makes the next {@code n} message-creation POSTs fail with HTTP 500 before anything is created, the way a
     * transient Twilio outage looks to a client.
     *
     * @param n how many requests to fail
     */
    public void failNextCreates(final int n) {
        failuresBeforeAccepting.set(n);
    }

    /**
     * Makes the next {@code n} message-creation POSTs create and send the message but still answer HTTP 500: the
     * case in which a client that retries blindly sends the same text twice.
     *
     * @param n how many requests to answer with 500 after accepting
     */
    public void failNextCreatesAfterAccepting(final int n) {
        failuresAfterAccepting.set(n);
    }

    /**
     * Makes messages to a number end {@code undelivered} (error 30003, unreachable handset) after being sent.
     *
     * @param number the handset number, E.164
     */
    public void undeliverable(final String number) {
        undeliverable.add(Objects.requireNonNull(number, "number"));
    }

    /**
     * Makes the API refuse messages to a number with error 21610, as Twilio does after the handset replied STOP.
     *
     * @param number the handset number, E.164
     */
    public void optedOut(final String number) {
        optedOut.add(Objects.requireNonNull(number, "number"));
    }

    /**
     * Keeps messages to a number queued this long before sending; a message whose {@code ValidityPeriod} runs out
     * first ends {@code failed} (error 30001) and is never delivered.
     *
     * @param number the handset number, E.164
     * @param delay how long messages wait in the queue
     */
    public void queueDelay(final String number, final Duration delay) {
        queueDelays.put(Objects.requireNonNull(number, "number"), Objects.requireNonNull(delay, "delay"));
    }

    /** Forgets every message, webhook, failure injection and per-number setting. */
    public void reset() {
        synchronized (messages) {
            messages.clear();
        }
        undeliverable.clear();
        optedOut.clear();
        queueDelays.clear();
        statusCallbacks.clear();
        inboundWebhooks.clear();
        failuresBeforeAccepting.set(0);
        failuresAfterAccepting.set(0);
        createRequests.set(0);
        createRequestsTo.clear();
    }

    /**
     * A handset texts a Twilio number: stores the inbound message and posts Twilio's signed inbound-message webhook
     * to the configured URL, synchronously.
     *
     * @param from the handset number
     * @param to the Twilio number it replies to
     * @param body the text
     * @return the webhook posted, with the receiver's HTTP status ({@code -1} if unreachable)
     * @throws IllegalStateException if no inbound webhook is configured
     */
    public WebhookCall reply(final String from, final String to, final String body) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
        final String url = inboundWebhook;
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("no inbound webhook configured");
        }
        final Instant now = clock.instant();
        final SmsMessage inbound = new SmsMessage(
                newSid(), accountSid, SmsMessage.INBOUND, from, to, "", body, "received", null, null, now, now, now,
                null, null);
        store(inbound);
        final Map<String, String> params = new LinkedHashMap<>();
        params.put("ToCountry", "");
        params.put("ToState", "");
        params.put("SmsMessageSid", inbound.sid());
        params.put("NumMedia", "0");
        params.put("ToCity", "");
        params.put("FromZip", "");
        params.put("SmsSid", inbound.sid());
        params.put("FromState", "");
        params.put("SmsStatus", "received");
        params.put("FromCity", "");
        params.put("Body", body);
        params.put("FromCountry", "");
        params.put("To", to);
        params.put("ToZip", "");
        params.put("NumSegments", Integer.toString(RestApi.segments(body)));
        params.put("MessageSid", inbound.sid());
        params.put("AccountSid", accountSid);
        params.put("From", from);
        params.put("ApiVersion", API_VERSION);
        final WebhookCall call = post(url, params);
        inboundWebhooks.add(call);
        return call;
    }

    /** Stops listening and drops pending deliveries. */
    @Override
    public void close() {
        server.stop(0);
        deliveryThreads.shutdownNow();
        requestThreads.shutdownNow();
    }

    // ---- used by the REST handler ----

    boolean authenticates(final String user, final String password) {
        return accountSid.equals(user) && authToken.equals(password);
    }

    boolean isOptedOut(final String number) {
        return optedOut.contains(number);
    }

    /** Counts the POST and says whether to answer 500 without creating anything. */
    boolean failBeforeAccepting(final String to) {
        createRequests.incrementAndGet();
        if (to != null) {
            createRequestsTo.computeIfAbsent(to, n -> new AtomicInteger()).incrementAndGet();
        }
        return failuresBeforeAccepting.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    boolean failAfterAccepting() {
        return failuresAfterAccepting.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    SmsMessage accept(
            final String from,
            final String to,
            final String messagingServiceSid,
            final String body,
            final String statusCallback,
            final Integer validityPeriod) {
        final Instant now = clock.instant();
        final SmsMessage queued = new SmsMessage(
                newSid(), accountSid, SmsMessage.OUTBOUND, from, to, messagingServiceSid, body, "queued", null, null,
                now, now, null, statusCallback, validityPeriod);
        store(queued);
        final Duration wait = queueDelays.getOrDefault(to, latency);
        deliveryThreads.schedule(() -> leaveQueue(queued.sid()), wait.toMillis(), TimeUnit.MILLISECONDS);
        return queued;
    }

    boolean delete(final String sid) {
        synchronized (messages) {
            return messages.remove(sid) != null;
        }
    }

    // ---- delivery simulation ----

    private void leaveQueue(final String sid) {
        final SmsMessage queued = message(sid).orElse(null);
        if (queued == null) {
            return;
        }
        final int validity = queued.validityPeriod() == null ? DEFAULT_VALIDITY_SECONDS : queued.validityPeriod();
        final Instant now = clock.instant();
        if (Duration.between(queued.dateCreated(), now).compareTo(Duration.ofSeconds(validity)) > 0) {
            transition(sid, "failed", 30001, "Queue overflow: the message expired in the queue (ValidityPeriod)");
            return;
        }
        transition(sid, "sent", null, null);
        deliveryThreads.schedule(
                () -> {
                    if (undeliverable.contains(queued.to())) {
                        transition(sid, "undelivered", 30003, "Unreachable destination handset");
                    } else {
                        transition(sid, "delivered", null, null);
                    }
                },
                latency.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void transition(final String sid, final String status, final Integer errorCode, final String error) {
        final SmsMessage updated;
        synchronized (messages) {
            final SmsMessage current = messages.get(sid);
            if (current == null) {
                return; // deleted meanwhile
            }
            updated = current.withStatus(status, errorCode, error, clock.instant());
            messages.put(sid, updated);
        }
        updated.statusCallbackUrl().ifPresent(url -> {
            final Map<String, String> params = new LinkedHashMap<>();
            params.put("SmsSid", updated.sid());
            params.put("SmsStatus", status);
            params.put("MessageStatus", status);
            params.put("To", updated.to());
            if (!updated.messagingServiceSid().isEmpty()) {
                params.put("MessagingServiceSid", updated.messagingServiceSid());
            }
            params.put("MessageSid", updated.sid());
            params.put("AccountSid", accountSid);
            params.put("From", updated.from());
            params.put("ApiVersion", API_VERSION);
            if (errorCode != null) {
                params.put("ErrorCode", errorCode.toString());
            }
            statusCallbacks.add(post(url, params));
        });
    }

    private WebhookCall post(final String url, final Map<String, String> params) {
        final String signature = TwilioSignature.sign(authToken, url, params);
        int status;
        try {
            final HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                    .header(TwilioSignature.HEADER, signature)
                    .header("I-Twilio-Idempotency-Token", UUID.randomUUID().toString())
                    .header("User-Agent", "TwilioProxy/1.1")
                    .POST(HttpRequest.BodyPublishers.ofString(Forms.encode(params)))
                    .build();
            status = webhookClient.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "webhook {0} unreachable: {1}", new Object[] {url, e.toString()});
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        return new WebhookCall(url, params, signature, status);
    }

    private void store(final SmsMessage message) {
        synchronized (messages) {
            messages.put(message.sid(), message);
        }
    }

    private static String newSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    private static java.util.concurrent.ThreadFactory daemon(final String name) {
        final AtomicInteger count = new AtomicInteger();
        return runnable -> {
            final Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Settings of a stand-in; every one has a default. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String accountSid = DEFAULT_ACCOUNT_SID;
        private String authToken = DEFAULT_AUTH_TOKEN;
        private String inboundWebhook;
        private Duration latency = Duration.ofMillis(50);
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * The address to bind.
         *
         * @param host a host name or IP address; default {@code 127.0.0.1}
         * @return this builder
         */
        public Builder host(final String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * The port to listen on.
         *
         * @param port 0 for any free port (the default), else 1-65535
         * @return this builder
         */
        public Builder port(final int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The account clients authenticate as.
         *
         * @param accountSid {@code AC} and 32 hex digits
         * @return this builder
         */
        public Builder accountSid(final String accountSid) {
            if (!Objects.requireNonNull(accountSid, "accountSid").matches("AC[0-9a-fA-F]{32}")) {
                throw new IllegalArgumentException("an account sid is AC and 32 hex digits");
            }
            this.accountSid = accountSid;
            return this;
        }

        /**
         * The auth token clients authenticate with and webhooks are signed with.
         *
         * @param authToken a non-blank secret
         * @return this builder
         */
        public Builder authToken(final String authToken) {
            if (Objects.requireNonNull(authToken, "authToken").isBlank()) {
                throw new IllegalArgumentException("blank auth token");
            }
            this.authToken = authToken;
            return this;
        }

        /**
         * Where inbound messages are posted.
         *
         * @param url an absolute http(s) URL, or {@code null} for none (the default)
         * @return this builder
         */
        public Builder inboundWebhook(final String url) {
            this.inboundWebhook = url;
            return this;
        }

        /**
         * How long a message waits in each step: queued to sent, sent to delivered.
         *
         * @param latency a non-negative duration; default 50 ms
         * @return this builder
         */
        public Builder latency(final Duration latency) {
            if (Objects.requireNonNull(latency, "latency").isNegative()) {
                throw new IllegalArgumentException("negative latency");
            }
            this.latency = latency;
            return this;
        }

        /**
         * The clock used for message dates and ValidityPeriod.
         *
         * @param clock the clock; default the system clock in UTC
         * @return this builder
         */
        public Builder clock(final Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Binds the port and starts serving.
         *
         * @return the running stand-in
         * @throws IOException if the port cannot be bound
         */
        public TwilioStandIn start() throws IOException {
            return new TwilioStandIn(this);
        }
    }
}
