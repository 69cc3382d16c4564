package org.safepassage.enrollment.guardian;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.safepassage.enrollment.api.Reason;
import org.safepassage.enrollment.commitment.Pepper;
import org.safepassage.enrollment.subject.Fields;
import org.safepassage.service.api.ApiException;
import org.safepassage.service.db.Jdbc;

/**
 * Proves a guardian's phone number before it counts toward a quorum: guardian-notify texts a one-time code, the
 * officer types what the guardian read out, guardian-notify checks it. Here only the verification id and a keyed hash
 * of the number are kept, until an enrollment consumes the verification for that exact number.
 */
@ApplicationScoped
public class PhoneVerifications {
    private static final Logger LOG = Logger.getLogger(PhoneVerifications.class);
    private static final byte[] DIGEST_PURPOSE = "safepassage/enrollment/phone-digest".getBytes(StandardCharsets.US_ASCII);

    private final NotifierClient notifier;
    private final Jdbc jdbc;
    private final byte[] digestKey;

    PhoneVerifications(@RestClient final NotifierClient notifier, final Jdbc jdbc, final Pepper pepper) {
        this.notifier = notifier;
        this.jdbc = jdbc;
        this.digestKey = pepper.derive(DIGEST_PURPOSE.clone());
    }

    /** The state of a verification as the officer sees it. */
    public record Status(String verificationId, String status) {}

    public Status start(final String phoneNumber, final String language) {
        Fields.phoneNumber("phoneNumber", phoneNumber);
        Fields.guardianLanguage("language", language);
        final Map<?, ?> answer = call(() -> notifier.start(Map.of("phoneNumber", phoneNumber, "language", language)));
        final String id = String.valueOf(answer.get("verificationId"));
        jdbc.update("insert into phone_verification (verification_id, phone_digest, created_at) values (?, ?, ?)",
                id, digest(phoneNumber), Instant.now());
        return new Status(id, String.valueOf(answer.get("status")));
    }

    /** The longest code taken; guardian-notify checks the six digits. */
    static final int CODE_MAX = 12;

    public Status check(final String verificationId, final String code) {
        if (jdbc.queryOne("select 1 from phone_verification where verification_id = ?", row -> 1, verificationId)
                .isEmpty()) {
            throw new ApiException(Reason.VERIFICATION_NOT_FOUND, "no such phone verification");
        }
        final String trimmed = Fields.text("code", code, CODE_MAX);
        final Map<?, ?> answer = call(() -> notifier.check(verificationId, Map.of("code", trimmed)));
        final String status = String.valueOf(answer.get("status"));
        if ("VERIFIED".equals(status)) {
            jdbc.update("update phone_verification set verified_at = ? where verification_id = ? and verified_at is null",
                    Instant.now(), verificationId);
        }
        return new Status(verificationId, status);
    }

    /**
     * Uses up a verification for {@code phoneNumber}, inside the caller's transaction: true only if it was verified for
     * that number; a verification serves one guardian once.
     */
    public boolean consume(final String verificationId, final String phoneNumber) {
        final Optional<byte[]> stored = jdbc.queryOne(
                "select phone_digest from phone_verification where verification_id = ? and verified_at is not null",
                row -> row.getBytes(1), verificationId);
        if (stored.isEmpty() || !MessageDigest.isEqual(stored.get(), digest(phoneNumber))) {
            return false;
        }
        return jdbc.update("delete from phone_verification where verification_id = ?", verificationId) == 1;
    }

    private byte[] digest(final String phoneNumber) {
        try {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(digestKey, "HmacSHA256"));
            return mac.doFinal(phoneNumber.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static Map<?, ?> call(final java.util.function.Supplier<Response> request) {
        Response response;
        try {
            response = request.get();
        } catch (WebApplicationException e) {
            // The REST client turns every 4xx/5xx into an exception; its reasons are what the officer needs.
            response = e.getResponse();
        } catch (ProcessingException e) {
            LOG.warnf("guardian-notify unreachable: %s", e.getMessage());
            throw new ApiException(Reason.NOTIFIER_UNAVAILABLE, "the SMS service cannot be reached; try again");
        }
        try (Response answer = response) {
            final Map<?, ?> body = answer.hasEntity() ? answer.readEntity(Map.class) : Map.of();
            if (answer.getStatus() / 100 == 2) {
                return body;
            }
            final Reason reason = Arrays.stream(Reason.values())
                    .filter(r -> r.name().equals(body.get("code"))).findFirst().orElse(null);
            if (reason == null || answer.getStatus() >= 500) {
                LOG.warnf("guardian-notify answered %d %s", answer.getStatus(), body.get("code"));
                throw new ApiException(Reason.NOTIFIER_UNAVAILABLE, "the SMS service failed; try again");
            }
            final Map<String, Object> details = new java.util.HashMap<>();
            if (body.get("details") instanceof Map<?, ?> given && given.get("attemptsLeft") != null) {
                details.put("attemptsLeft", given.get("attemptsLeft"));
            }
            throw new ApiException(reason, String.valueOf(body.get("message")), details);
        }
    }
}
