package org.safepassage.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steps every crossing story takes over HTTP, whatever the biometrics: a guardian's phone verified by SMS as an
 * officer does it, the subject awaited on the ledger, the crossing SMS read and answered from the guardian's own phone
 * (the Twilio stand-in's API), and the crossing recorded. {@link CrossingFlowIT} walks them with fingerprints,
 * {@link IrisCrossingIT} with irises.
 */
final class CrossingSteps {
    /** The notifier's sending number at the stand-in: guardians reply to it. */
    static final String NOTIFIER_NUMBER = "+15005550006";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private final RunningSystem system;

    CrossingSteps(final RunningSystem system) {
        this.system = system;
    }

    /**
     * A guardian for an enrollment body, their phone verified first.
     *
     * @return name, relation, phone number, language {@code en} and the verification id
     */
    Map<String, Object> verifiedGuardian(final String name, final String relation, final String phone)
            throws Exception {
        return Map.of("name", name, "relation", relation, "phoneNumber", phone, "language", "en",
                "verificationId", verify(phone));
    }

    /** Consent given a minute ago by the named person, on the basis of consent. */
    static Map<String, Object> consentBy(final String consentedBy) {
        return Map.of("consentedBy", consentedBy, "legalBasis", "CONSENT",
                "consentedAt", Instant.now().minusSeconds(60).toString());
    }

    /** Verifies a phone: a code sent by SMS, read on the phone, checked; returns the verification id. */
    String verify(final String phone) throws Exception {
        final JsonNode started = system.enrollment("POST", "/api/v1/phone-verifications", "officer",
                Map.of("phoneNumber", phone, "language", "en"));
        assertThat(started.path("_status").asInt()).as(started.toString()).isEqualTo(201);
        final String id = started.path("verificationId").asText();
        final String sms = awaitSms(phone, "verification");
        final JsonNode checked = system.enrollment("POST", "/api/v1/phone-verifications/" + id + "/check", "officer",
                Map.of("code", code(sms)));
        assertThat(checked.path("status").asText()).as(checked.toString()).isEqualTo("VERIFIED");
        return id;
    }

    /** Waits until enrollment reports the subject registered on the ledger. */
    void awaitRegistered(final String subjectId) {
        Await.until(() -> "REGISTERED".equals(system.enrollment("GET", "/api/v1/subjects/" + subjectId, "officer", null)
                .path("ledgerState").asText()), "the subject on the ledger");
    }

    /** The newest SMS sent to the phone containing the text, once there is one. */
    String awaitSms(final String phone, final String containing) {
        final String[] found = {null};
        Await.until(() -> {
            for (JsonNode message : messages(phone)) {
                final String body = message.path("body").asText();
                if (body.contains(containing) && !inbound(message)) {
                    found[0] = body;
                }
            }
            return found[0] != null;
        }, "an SMS to " + phone + " containing " + containing);
        return found[0];
    }

    /**
     * Answers the crossing SMS from the guardian's phone with the keyword and its code, and checks the notifier took
     * the (signed) reply.
     *
     * @param keyword {@code APPROVE} or {@code REFUSE}
     * @return the SMS answered, for checks on what it says
     */
    String answer(final String phone, final String keyword) throws Exception {
        final String sms = awaitSms(phone, "APPROVE");
        final JsonNode reply = system.phone("POST", "/phone/api/reply",
                Map.of("from", phone, "to", NOTIFIER_NUMBER, "body", keyword + " " + code(sms)));
        assertThat(reply.path("webhookStatus").asInt()).as(reply.toString()).isEqualTo(200);
        return sms;
    }

    /** Records the crossing a settled request allows, as the guard does, and checks it was recorded. */
    JsonNode recordCrossing(final HttpClient guard, final String requestId, final String outcome) throws Exception {
        final JsonNode crossing = system.gateway(guard, "POST", "/api/v1/requests/" + requestId + "/crossing",
                Map.of("outcome", outcome));
        assertThat(crossing.path("_status").asInt()).as(crossing.toString()).isEqualTo(200);
        return crossing;
    }

    /** How many SMS sent to the phone contain the text. */
    long textsContaining(final String phone, final String text) throws Exception {
        long count = 0;
        for (JsonNode message : messages(phone)) {
            if (message.path("body").asText().contains(text) && !inbound(message)) {
                count++;
            }
        }
        return count;
    }

    /** Whether no message to or from the phone (inbound replies included) contains the text. */
    boolean noMessageContaining(final String phone, final String text) throws Exception {
        for (JsonNode message : messages(phone)) {
            if (message.path("body").asText().contains(text)) {
                return false;
            }
        }
        return true;
    }

    /** The six-digit code in an SMS. */
    static String code(final String sms) {
        final Matcher matcher = CODE.matcher(sms);
        assertThat(matcher.find()).as("a code in: " + sms).isTrue();
        return matcher.group(1);
    }

    private JsonNode messages(final String phone) throws Exception {
        return system.phone("GET", "/phone/api/messages?number=" + URLEncoder.encode(phone, StandardCharsets.UTF_8),
                null);
    }

    private static boolean inbound(final JsonNode message) {
        return "inbound".equals(message.path("direction").asText());
    }
}
