package org.safepassage.twilio.standin;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * Runs the stand-in from the command line:
 *
 * <pre>
 * java -jar sms/twilio-standin/target/twilio-standin.jar --port 8090 --account-sid AC... --auth-token secret \
 *      --inbound-webhook http://localhost:8083/twilio/inbound [--host 0.0.0.0] [--latency-ms 500] \
 *      [--undeliverable +40700000000]...
 * </pre>
 *
 * It serves until the process is stopped.
 */
public final class Main {
    private static final Logger LOG = Logger.getLogger(Main.class.getName());

    private Main() {}

    /**
     * Starts the stand-in and waits.
     *
     * @param args the options above
     * @throws IOException if the port cannot be bound
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(final String[] args) throws IOException, InterruptedException {
        final TwilioStandIn.Builder builder = TwilioStandIn.builder().port(8090);
        // The auth token is a secret (it signs webhooks): from the environment, never the command line ps shows.
        final String token = System.getenv("TWILIO_AUTH_TOKEN");
        if (token != null && !token.isBlank()) {
            builder.authToken(token);
        }
        final List<String> undeliverable = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            final String option = args[i];
            if ("--help".equals(option) || "-h".equals(option)) {
                LOG.info(usage());
                return;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value\n" + usage());
            }
            final String value = args[++i];
            switch (option) {
                case "--port" -> builder.port(Integer.parseInt(value));
                case "--host" -> builder.host(value);
                case "--account-sid" -> builder.accountSid(value);
                case "--auth-token" -> builder.authToken(value);
                case "--inbound-webhook" -> builder.inboundWebhook(value);
                case "--latency-ms" -> builder.latency(Duration.ofMillis(Long.parseLong(value)));
                case "--undeliverable" -> undeliverable.add(value);
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + usage());
            }
        }
        final TwilioStandIn standIn = builder.start();
        undeliverable.forEach(standIn::undeliverable);
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            standIn.close();
            stopped.countDown();
        }));
        LOG.info(() -> "Twilio stand-in on " + standIn.baseUrl() + " (account " + standIn.accountSid()
                + "); phone inbox at " + standIn.baseUrl() + "/phone; inbound webhook "
                + standIn.inboundWebhook().orElse("(none)"));
        stopped.await();
    }

    private static String usage() {
        return "usage: [TWILIO_AUTH_TOKEN=...] twilio-standin [--port 8090] [--host 127.0.0.1] [--account-sid AC...]"
                + " [--inbound-webhook URL] [--latency-ms 50] [--undeliverable +E164]...";
    }
}
