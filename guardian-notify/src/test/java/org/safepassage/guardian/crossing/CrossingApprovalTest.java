package org.safepassage.guardian.crossing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.client.LedgerConnection;
import org.safepassage.chaincode.client.LedgerGateway;
import org.safepassage.chaincode.model.CommitmentScheme;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.Decision;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.OpenCrossingRequestCommand;
import org.safepassage.chaincode.model.ProtectionClass;
import org.safepassage.chaincode.model.RegisterSubjectCommand;
import org.safepassage.chaincode.model.RequestStatus;
import org.safepassage.guardian.verification.InjectTwilioStandIn;
import org.safepassage.guardian.verification.TwilioStandInResource;
import org.safepassage.service.db.Jdbc;
import org.safepassage.twilio.standin.SmsMessage;
import org.safepassage.twilio.standin.TwilioStandIn;
import org.safepassage.twilio.standin.WebhookCall;

/**
 * The whole approval flow against real parts: PostgreSQL, the devpeer ledger process, the Twilio stand-in (signed
 * webhooks) and a stand-in for enrollment's guardian-contact API.
 */
@QuarkusTest
@WithTestResource(value = CrossingTestEnvironment.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TwilioStandInResource.class, scope = TestResourceScope.GLOBAL)
class CrossingApprovalTest {
    private static final String TWILIO_NUMBER = "+15005550006";
    private static final String POST = "MD-LEUSENI";
    private static final String DUTY_OFFICER = "+40219990000"; // %test.safepassage.crossing.duty-officer-number
    private static final Pattern CODE = Pattern.compile("APPROVE ([0-9]{6})");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static LedgerGateway officer;
    private static LedgerGateway guard;

    @InjectTwilioStandIn
    TwilioStandIn standIn;

    @Inject
    CrossingEventConsumer consumer;

    @Inject
    Jdbc jdbc;

    @Inject
    GuardianTexts texts;

    @Inject
    DutyEscalation escalation;

    @BeforeEach
    void fresh() throws IOException {
        standIn.reset();
        standIn.inboundWebhook(CrossingTestEnvironment.publicBaseUrl() + "/twilio/inbound");
        consumer.start();
        if (officer == null) {
            final LedgerConnection connection = LedgerConnection.read(CrossingTestEnvironment.ledgerConnection());
            officer = LedgerGateway.connect(connection, "RegistryMSP", "officer");
            guard = LedgerGateway.connect(connection, "BorderMSP", "guard");
        }
    }

    @AfterAll
    static void disconnect() {
        if (officer != null) {
            officer.close();
            guard.close();
        }
    }

    /** A registered minor whose guardians enrollment knows, with fresh phone numbers. */
    record Minor(String subjectId, List<String> guardianRefs, List<String> phones) {}

    static Minor minor(final int quorum, final String... languages) {
        final List<String> refs = new ArrayList<>();
        final List<String> phones = new ArrayList<>();
        for (final String language : languages) {
            final String ref = "guardian-" + UUID.randomUUID().toString().replace("-", "");
            final String phone = "+4071" + String.format("%07d", RANDOM.nextInt(10_000_000));
            CrossingTestEnvironment.guardian(ref, phone, language);
            refs.add(ref);
            phones.add(phone);
        }
        final byte[] commitment = new byte[32];
        RANDOM.nextBytes(commitment);
        final String subjectId = "subject-" + UUID.randomUUID().toString().replace("-", "");
        officer.chaincode().subjects().register(new RegisterSubjectCommand(subjectId,
                HexFormat.of().formatHex(commitment), CommitmentScheme.FP_V1, ProtectionClass.MINOR, refs, quorum,
                YearMonth.now().plusYears(10)));
        return new Minor(subjectId, refs, phones);
    }

    static CrossingRequest open(final Minor minor, final String companionRef) {
        return guard.chaincode().crossings().openRequest(
                new OpenCrossingRequestCommand(minor.subjectId(), POST, Direction.EXIT, companionRef, 900));
    }

    /** The actors the ledger's attribution records name beside every recorded guardian decision. */
    static List<String> decisionActors() {
        final String chain;
        try {
            chain = new String(java.nio.file.Files.readAllBytes(CrossingTestEnvironment.WORK.resolve("ledger")
                    .resolve("blocks.log")), StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        final java.util.regex.Matcher attribution = java.util.regex.Pattern.compile(
                "\\{\"actor\":\"([^\"]+)\",\"at\":[^,]+,\"by\":\"[^\"]+\","
                        + "\"transaction\":\"crossing:RecordGuardianDecision\"").matcher(chain);
        final List<String> actors = new java.util.ArrayList<>();
        while (attribution.find()) {
            actors.add(attribution.group(1));
        }
        return actors;
    }

    static CrossingRequest onLedger(final String requestId) {
        return guard.chaincode().crossings().readRequest(requestId);
    }

    /*
     * A positive barrier for "nothing was escalated": a later request whose guardians are all unreachable is due at
     * once, and its alert goes out in a round of the escalation check that began after it was opened. That round also
     * looked at every earlier pending request (escalationsDue reads them all, oldest first), so once this alert is
     * sent, any escalation of an earlier request that was going to happen has happened.
     */
    void escalationBarrier() {
        final Minor barrier = minor(1, "en");
        barrier.phones().forEach(standIn::undeliverable);
        final CrossingRequest request = open(barrier, null);
        await("the barrier request's duty officer alert", () -> count("SELECT count(*) FROM duty_escalation WHERE "
                + "request_id = ? AND state = 'SENT'", request.requestId()) == 1);
    }

    static void await(final String what, final BooleanSupplier condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(condition::getAsBoolean);
    }

    /** Waits for the one request text to a phone and returns its code. */
    String awaitCode(final String phone) {
        await("a text to " + phone, () -> !standIn.messagesTo(phone).isEmpty());
        final List<SmsMessage> texts = standIn.messagesTo(phone);
        assertThat(texts).hasSize(1);
        final Matcher code = CODE.matcher(texts.get(0).body());
        assertThat(code.find()).as("a code in %s", texts.get(0).body()).isTrue();
        return code.group(1);
    }

    WebhookCall reply(final String from, final String body) {
        final WebhookCall call = standIn.reply(from, TWILIO_NUMBER, body);
        assertThat(call.responseStatus()).isEqualTo(200);
        return call;
    }

    static String wrong(final String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    int count(final String sql, final Object... parameters) {
        return jdbc.queryOne(sql, row -> row.getInt(1), parameters).orElseThrow();
    }

    @Nested
    class Approval {
        @Test
        void two_of_three_guardians_approve_by_signed_sms_and_the_ledger_records_it() {
            final Minor minor = minor(2, "en", "ro", "uk");
            final String companion = "companion-" + UUID.randomUUID().toString().replace("-", "");
            final int tokensBefore = CrossingTestEnvironment.tokensIssued();
            final CrossingRequest request = open(minor, companion);

            final String en = awaitCode(minor.phones().get(0));
            final String ro = awaitCode(minor.phones().get(1));
            awaitCode(minor.phones().get(2));
            final SmsMessage english = standIn.messagesTo(minor.phones().get(0)).get(0);
            assertThat(english.body()).contains(POST).contains("leaving the country").contains("APPROVE " + en)
                    .contains("REFUSE " + en).contains(companion.substring(0, 8))
                    .doesNotContain(minor.subjectId()).doesNotContain(minor.guardianRefs().get(0));
            assertThat(english.validityPeriod()).isBetween(1, 600);
            assertThat(english.statusCallback()).isEqualTo(CrossingTestEnvironment.publicBaseUrl() + "/twilio/status");
            assertThat(standIn.messagesTo(minor.phones().get(1)).get(0).body()).contains("APROB " + ro)
                    .contains("ieșire din țară");
            assertThat(standIn.messagesTo(minor.phones().get(2)).get(0).body()).contains("СХВАЛИТИ");
            // Each contact look-up names the request it is for: enrollment's access audit records it.
            assertThat(CrossingTestEnvironment.contactQueries(minor.guardianRefs().get(0)))
                    .contains("requestId=" + request.requestId());
            // The look-ups carried guardian-notify's client-credentials token (enrollment's stand-in takes nothing
            // else), and the token is kept for its lifetime: three look-ups here ask for one token at most.
            assertThat(CrossingTestEnvironment.tokensIssued()).isPositive().isLessThanOrEqualTo(tokensBefore + 1);

            // the outbox holds only the code's keyed hash, the message sid and, by the signed callbacks, delivery
            await("delivery reports", () -> count("SELECT count(*) FROM guardian_message WHERE request_id = ? "
                    + "AND delivery_status = 'delivered'", request.requestId()) == 3);
            final List<byte[]> hashes = jdbc.query("SELECT code_hash FROM guardian_message WHERE request_id = ?",
                    row -> row.getBytes(1), request.requestId());
            assertThat(hashes).allSatisfy(hash -> assertThat(new String(hash, StandardCharsets.ISO_8859_1))
                    .doesNotContain(en).doesNotContain(ro));
            assertThat(jdbc.query("SELECT message_sid FROM guardian_message WHERE request_id = ? AND guardian_ref = ?",
                    row -> row.getString(1), request.requestId(), minor.guardianRefs().get(0)))
                    .containsExactly(english.sid());

            reply(minor.phones().get(0), "approve " + en);
            assertThat(onLedger(request.requestId()).status()).isEqualTo(RequestStatus.PENDING);
            reply(minor.phones().get(1), "APROB " + ro);

            final CrossingRequest decided = onLedger(request.requestId());
            assertThat(decided.status()).isEqualTo(RequestStatus.APPROVED);
            assertThat(decided.decisions()).hasSize(2).allSatisfy(d -> {
                assertThat(d.decision()).isEqualTo(Decision.APPROVE);
                assertThat(d.evidenceHash()).matches("[0-9a-f]{64}");
            });
            assertThat(decided.decisions()).extracting(d -> d.guardianRef())
                    .containsExactlyInAnyOrder(minor.guardianRefs().get(0), minor.guardianRefs().get(1));
            assertThat(standIn.messagesTo(minor.phones().get(0))).hasSize(2).last()
                    .satisfies(sms -> assertThat(sms.body()).contains("was recorded"));
            assertThat(standIn.messagesTo(minor.phones().get(1))).last()
                    .satisfies(sms -> assertThat(sms.body()).contains("a fost înregistrată"));
            await("the request's state", () -> jdbc.queryOne("SELECT status FROM crossing_request WHERE "
                    + "request_id = ?", row -> row.getString(1), request.requestId()).orElseThrow()
                    .equals("APPROVED"));
        }

        @Test
        void a_refusal_is_recorded_as_refuse() {
            final Minor minor = minor(1, "ru");
            final CrossingRequest request = open(minor, null);
            final String code = awaitCode(minor.phones().get(0));
            assertThat(standIn.messagesTo(minor.phones().get(0)).get(0).body()).contains("выезд из страны")
                    .doesNotContain("ref ");

            reply(minor.phones().get(0), "ОТКЛОНИТЬ " + code);

            final CrossingRequest decided = onLedger(request.requestId());
            assertThat(decided.status()).isEqualTo(RequestStatus.REFUSED);
            assertThat(decided.decisions()).singleElement()
                    .satisfies(d -> assertThat(d.decision()).isEqualTo(Decision.REFUSE));
            // No one logged in relayed it: the attribution beside each decision names guardian-notify itself (the
            // guardian is in the decision, by her opaque reference).
            assertThat(decisionActors()).isNotEmpty().containsOnly("service:guardian-notify");
        }
    }

    @Nested
    class Refusals {
        @Test
        void an_unsigned_or_forged_webhook_is_forbidden_and_records_nothing() {
            final Minor minor = minor(1, "en");
            final CrossingRequest request = open(minor, null);
            final String code = awaitCode(minor.phones().get(0));
            final int inboundBefore = count("SELECT count(*) FROM inbound_message");
            final Map<String, String> form = Map.of("MessageSid", "SM" + "0".repeat(32), "From",
                    minor.phones().get(0), "To", TWILIO_NUMBER, "Body", "APPROVE " + code, "AccountSid",
                    standIn.accountSid());

            given().contentType(ContentType.URLENC).formParams(form).when().post("/twilio/inbound")
                    .then().statusCode(403);
            given().contentType(ContentType.URLENC).header("X-Twilio-Signature", "Zm9yZ2VkIHNpZ25hdHVyZQ==")
                    .formParams(form).when().post("/twilio/inbound").then().statusCode(403);
            given().contentType(ContentType.URLENC).formParams(Map.of("MessageSid", "SMx", "MessageStatus", "failed"))
                    .when().post("/twilio/status").then().statusCode(403);

            assertThat(count("SELECT count(*) FROM inbound_message")).isEqualTo(inboundBefore);
            assertThat(onLedger(request.requestId()).decisions()).isEmpty();
            reply(minor.phones().get(0), "APPROVE " + code);
            assertThat(onLedger(request.requestId()).status()).isEqualTo(RequestStatus.APPROVED);
        }

        @Test
        void the_right_code_from_another_number_is_refused() {
            final Minor minor = minor(1, "en");
            final CrossingRequest request = open(minor, null);
            final String code = awaitCode(minor.phones().get(0));

            reply("+40799000111", "APPROVE " + code);

            assertThat(onLedger(request.requestId()).decisions()).isEmpty();
            assertThat(standIn.messagesTo("+40799000111")).isEmpty();
            reply(minor.phones().get(0), "APPROVE " + code);
            assertThat(onLedger(request.requestId()).status()).isEqualTo(RequestStatus.APPROVED);
        }

        @Test
        void five_wrong_codes_lock_out_even_the_right_one() {
            final Minor minor = minor(1, "en");
            final CrossingRequest request = open(minor, null);
            final String code = awaitCode(minor.phones().get(0));

            for (int i = 0; i < 5; i++) {
                reply(minor.phones().get(0), "APPROVE " + wrong(code));
            }
            reply(minor.phones().get(0), "APPROVE " + code);

            assertThat(onLedger(request.requestId()).decisions()).isEmpty();
            assertThat(jdbc.query("SELECT wrong_attempts, locked FROM guardian_message WHERE request_id = ?",
                    row -> row.getInt(1) + "/" + row.getBoolean(2), request.requestId())).containsExactly("5/true");
        }

        @Test
        void four_wrong_codes_still_let_the_right_one_through() {
            final Minor minor = minor(1, "en");
            final CrossingRequest request = open(minor, null);
            final String code = awaitCode(minor.phones().get(0));

            for (int i = 0; i < 4; i++) {
                reply(minor.phones().get(0), "REFUSE " + wrong(code));
            }
            reply(minor.phones().get(0), "APPROVE " + code);

            assertThat(onLedger(request.requestId()).status()).isEqualTo(RequestStatus.APPROVED);
        }

        @Test
        void a_used_code_cannot_decide_again() {
            final Minor minor = minor(2, "en", "en");
            final CrossingRequest request = open(minor, null);
            final String code = awaitCode(minor.phones().get(0));
            awaitCode(minor.phones().get(1));

            reply(minor.phones().get(0), "APPROVE " + code);
            reply(minor.phones().get(0), "REFUSE " + code);

            assertThat(onLedger(request.requestId()).decisions()).singleElement()
                    .satisfies(d -> assertThat(d.decision()).isEqualTo(Decision.APPROVE));
        }
    }

    @Nested
    class Idempotency {
        @Test
        void a_replayed_webhook_never_records_a_second_decision() {
            final Minor minor = minor(2, "en", "en");
            final CrossingRequest request = open(minor, null);
            final String code = awaitCode(minor.phones().get(0));
            awaitCode(minor.phones().get(1));
            final WebhookCall first = reply(minor.phones().get(0), "APPROVE " + code);

            for (int i = 0; i < 2; i++) {
                given().contentType(ContentType.URLENC).header("X-Twilio-Signature", first.signature())
                        .formParams(first.params()).when().post("/twilio/inbound").then().statusCode(200);
            }

            assertThat(onLedger(request.requestId()).decisions()).hasSize(1);
            assertThat(standIn.messagesTo(minor.phones().get(0))).hasSize(2); // the request and one confirmation
            assertThat(count("SELECT count(*) FROM inbound_message WHERE message_sid = ?", first.messageSid()))
                    .isEqualTo(1);
        }

        @Test
        void a_restarted_consumer_reprocessing_old_events_sends_no_second_text() {
            final Minor minor = minor(1, "en");
            final CrossingRequest request = open(minor, null);
            awaitCode(minor.phones().get(0));
            final int sends = standIn.createRequests();

            consumer.stop();
            assertThat(consumer.isRunning()).isFalse();
            final Minor whileStopped = minor(1, "uk");
            final CrossingRequest missed = open(whileStopped, null);
            // rewind the checkpoint to the start of the ledger: every event is delivered again
            jdbc.update("UPDATE event_checkpoint SET block_number = 0, transaction_id = NULL");
            consumer.start();

            awaitCode(whileStopped.phones().get(0));
            final Minor after = minor(1, "en");
            open(after, null);
            awaitCode(after.phones().get(0));

            assertThat(standIn.messagesTo(minor.phones().get(0))).hasSize(1);
            assertThat(standIn.messagesTo(whileStopped.phones().get(0))).hasSize(1);
            assertThat(standIn.createRequests()).isEqualTo(sends + 2);
            assertThat(count("SELECT count(*) FROM guardian_message WHERE request_id IN (?, ?)",
                    request.requestId(), missed.requestId())).isEqualTo(2);
        }
    }

    @Nested
    class CrashRecovery {
        @Test
        void a_text_a_crash_interrupted_mid_send_is_never_sent_again() {
            final Minor minor = minor(1, "en");
            consumer.stop();
            final CrossingRequest request = open(minor, null);
            // the state a crash between claiming the text and hearing back from Twilio leaves behind
            jdbc.update("INSERT INTO crossing_request (request_id, subject_id, post, direction, approval_quorum, "
                    + "guardian_count, status, created_at, expires_at, block_number, updated_at) VALUES "
                    + "(?, ?, ?, 'EXIT', 1, 1, 'PENDING', now(), now() + interval '15 minutes', 0, now())",
                    request.requestId(), minor.subjectId(), POST);
            jdbc.update("INSERT INTO guardian_message (request_id, guardian_ref, state, code_hash, created_at, "
                    + "updated_at) VALUES (?, ?, 'SENDING', ?, now(), now())", request.requestId(),
                    minor.guardianRefs().get(0), new byte[32]);

            texts.recoverInterruptedSends(); // what a restart does first
            consumer.start();
            final Minor after = minor(1, "en");
            open(after, null);
            awaitCode(after.phones().get(0));

            assertThat(standIn.messagesTo(minor.phones().get(0))).isEmpty();
            assertThat(jdbc.query("SELECT state FROM guardian_message WHERE request_id = ?", row -> row.getString(1),
                    request.requestId())).containsExactly("SEND_UNKNOWN");
        }

        @Test
        void a_decision_the_ledger_missed_while_the_notifier_restarted_is_recorded_once_and_texted_no_more()
                throws Exception {
            final Minor minor = minor(2, "en", "en");
            final CrossingRequest request = open(minor, null);
            final String code = awaitCode(minor.phones().get(0));
            awaitCode(minor.phones().get(1));
            final int sends = standIn.createRequests();

            // the ledger goes away just as the guardian's valid reply comes in: the decision is taken off-chain
            // (the code is used up) but cannot be recorded
            CrossingTestEnvironment.killDevpeer();
            try {
                reply(minor.phones().get(0), "APPROVE " + code);
                assertThat(decisionState(request.requestId(), minor.guardianRefs().get(0))).isEqualTo("LEDGER_FAILED");
                // the notifier goes down too, and comes back after the ledger did, as after a crash of both
                consumer.stop();
            } finally {
                CrossingTestEnvironment.restartDevpeer();
            }
            texts.recoverInterruptedSends(); // what a restart does first
            consumer.start();

            await("the decision on the ledger", () -> "RECORDED".equals(
                    decisionState(request.requestId(), minor.guardianRefs().get(0))));
            final CrossingRequest onLedger = onLedger(request.requestId());
            assertThat(onLedger.decisions()).singleElement().satisfies(d -> {
                assertThat(d.guardianRef()).isEqualTo(minor.guardianRefs().get(0));
                assertThat(d.decision()).isEqualTo(Decision.APPROVE);
            });
            assertThat(onLedger.status()).isEqualTo(RequestStatus.PENDING); // quorum 2: one approval so far

            // a further retry round finds nothing to do and a replay of the reply is a duplicate
            final Minor after = minor(1, "en");
            open(after, null);
            awaitCode(after.phones().get(0));
            reply(minor.phones().get(0), "APPROVE " + code);
            assertThat(onLedger(request.requestId()).decisions()).hasSize(1);
            // no second request text to anyone, and no late confirmation either: one text per guardian
            assertThat(standIn.messagesTo(minor.phones().get(0))).hasSize(1);
            assertThat(standIn.messagesTo(minor.phones().get(1))).hasSize(1);
            assertThat(standIn.createRequests()).isEqualTo(sends + 1); // only the new minor's text
            assertThat(count("SELECT count(*) FROM guardian_message WHERE request_id = ?", request.requestId()))
                    .isEqualTo(2);
        }

        String decisionState(final String requestId, final String guardianRef) {
            return jdbc.queryOne("SELECT decision_state FROM guardian_message WHERE request_id = ? AND "
                    + "guardian_ref = ?", row -> row.getString(1), requestId, guardianRef).orElse(null);
        }
    }

    @Nested
    class Erasure {
        io.restassured.response.ValidatableResponse erase(final String subjectId) {
            return given().auth().preemptive().basic("enrollment-service", "test-enrollment-password")
                    .when().delete("/internal/v1/subjects/{id}/messages", subjectId).then();
        }

        @Test
        void erasing_a_subject_deletes_its_texts_here_and_at_twilio_and_a_repeat_finds_nothing_to_do() {
            final Minor minor = minor(2, "en", "ro");
            final CrossingRequest first = open(minor, null);
            final String code = awaitCode(minor.phones().get(0));
            awaitCode(minor.phones().get(1));
            final WebhookCall approval = reply(minor.phones().get(0), "APPROVE " + code);
            assertThat(standIn.messagesTo(minor.phones().get(0))).hasSize(2); // the request and the confirmation
            final Minor other = minor(1, "en");
            final CrossingRequest untouched = open(other, null);
            awaitCode(other.phones().get(0));
            final List<String> requests = List.of(first.requestId());
            assertThat(count("SELECT count(*) FROM guardian_message WHERE request_id = ? AND confirmation_sid "
                    + "IS NOT NULL", first.requestId())).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM inbound_message WHERE message_sid = ? AND request_id = ?",
                    approval.messageSid(), first.requestId())).isEqualTo(1);

            erase(minor.subjectId()).statusCode(204);

            for (final String phone : minor.phones()) {
                assertThat(standIn.conversation(phone)).as("Twilio's copies of texts with %s", phone).isEmpty();
            }
            assertThat(standIn.message(approval.messageSid())).isEmpty();
            assertThat(count("SELECT count(*) FROM crossing_request WHERE subject_id = ?", minor.subjectId()))
                    .isZero();
            for (final String requestId : requests) {
                assertThat(count("SELECT count(*) FROM guardian_message WHERE request_id = ?", requestId)).isZero();
                assertThat(count("SELECT count(*) FROM inbound_message WHERE request_id = ?", requestId)).isZero();
            }
            assertThat(count("SELECT count(*) FROM inbound_message WHERE message_sid = ?", approval.messageSid()))
                    .isZero();
            // nobody else's texts are touched
            assertThat(standIn.messagesTo(other.phones().get(0))).hasSize(1);
            assertThat(count("SELECT count(*) FROM guardian_message WHERE request_id = ?", untouched.requestId()))
                    .isEqualTo(1);

            erase(minor.subjectId()).statusCode(204);
            erase("subject-never-seen").statusCode(204);

            // the erased request's event, delivered again from a rewound checkpoint, creates nothing again
            consumer.stop();
            jdbc.update("UPDATE event_checkpoint SET block_number = 0, transaction_id = NULL");
            consumer.start();
            final Minor after = minor(1, "en");
            open(after, null);
            awaitCode(after.phones().get(0));
            assertThat(count("SELECT count(*) FROM crossing_request WHERE subject_id = ?", minor.subjectId()))
                    .isZero();
            for (final String phone : minor.phones()) {
                assertThat(standIn.conversation(phone)).isEmpty();
            }
        }

        @Test
        void a_copy_twilio_no_longer_holds_counts_as_deleted() {
            final Minor minor = minor(1, "en");
            final CrossingRequest request = open(minor, null);
            awaitCode(minor.phones().get(0));
            // Twilio lost (or someone deleted) its copy before the erasure: 404 on delete
            standIn.reset();

            erase(minor.subjectId()).statusCode(204);

            assertThat(count("SELECT count(*) FROM guardian_message WHERE request_id = ?", request.requestId()))
                    .isZero();
            assertThat(count("SELECT count(*) FROM crossing_request WHERE request_id = ?", request.requestId()))
                    .isZero();
        }

        @Test
        void only_the_enrollment_service_may_erase() {
            given().when().delete("/internal/v1/subjects/{id}/messages", "subject-x").then().statusCode(401);
            given().auth().preemptive().basic("gateway-service", "test-gateway-password")
                    .when().delete("/internal/v1/subjects/{id}/messages", "subject-x").then().statusCode(403);
        }
    }

    @Nested
    class CarrierKeywords {
        @Test
        void help_is_answered_and_stop_ends_all_texts_until_start() {
            final Minor minor = minor(1, "en");
            final CrossingRequest first = open(minor, null);
            final String phone = minor.phones().get(0);
            awaitCode(phone);

            reply(phone, "HELP");
            assertThat(standIn.messagesTo(phone)).hasSize(2).last()
                    .satisfies(sms -> assertThat(sms.body()).contains("STOP").contains("APPROVE"));

            reply(phone, "STOP");
            // A child has one open request at a time (the ledger refuses a second): the post withdraws each before
            // asking again. Closing a request texts nobody.
            guard.chaincode().crossings().cancelRequest(first.requestId());
            final CrossingRequest second = open(minor, null);
            await("the second request's outcome", () -> jdbc.queryOne("SELECT state FROM guardian_message WHERE "
                    + "request_id = ?", row -> row.getString(1), second.requestId()).orElse("").equals("OPTED_OUT"));
            // its only guardian opted out: the duty officer is alerted (now, not during a later test)
            await("the duty officer's alert", () -> count("SELECT count(*) FROM duty_escalation WHERE request_id = ? "
                    + "AND state = 'SENT'", second.requestId()) == 1);
            guard.chaincode().crossings().cancelRequest(second.requestId());
            reply(phone, "HELP");
            assertThat(standIn.messagesTo(phone)).hasSize(2);

            reply(phone, "START");
            final CrossingRequest third = open(minor, null);
            await("a third text", () -> standIn.messagesTo(phone).size() == 3);
            assertThat(standIn.messagesTo(phone).get(2).body()).contains("APPROVE");
            assertThat(third.requestId()).isNotEqualTo(second.requestId());
        }
    }

    @Nested
    class DutyOfficerEscalation {
        List<SmsMessage> alertsAbout(final String requestId) {
            return standIn.messagesTo(DUTY_OFFICER).stream().filter(sms -> sms.body().contains(requestId)).toList();
        }

        @Test
        void a_request_no_guardian_can_be_reached_for_is_texted_once_to_the_duty_officer() throws Exception {
            final Minor minor = minor(1, "en", "ro");
            minor.phones().forEach(standIn::undeliverable);
            final CrossingRequest request = open(minor, null);

            await("both texts undelivered", () -> count("SELECT count(*) FROM guardian_message WHERE request_id = ? "
                    + "AND delivery_status = 'undelivered'", request.requestId()) == 2);
            await("the duty officer's alert", () -> !alertsAbout(request.requestId()).isEmpty());
            assertThat(standIn.messagesTo(DUTY_OFFICER)).singleElement().satisfies(sms -> assertThat(sms.body())
                    .contains(request.requestId()).contains(POST).contains("leaving the country")
                    .contains("no guardian reachable").doesNotContain(minor.subjectId())
                    .doesNotContain(minor.guardianRefs().get(0)).doesNotContain(minor.guardianRefs().get(1))
                    .doesNotContain(minor.phones().get(0)));
            await("the alert recorded as sent", () -> count("SELECT count(*) FROM duty_escalation WHERE request_id = ? "
                    + "AND state = 'SENT' AND reason = 'NO_GUARDIAN_REACHABLE' AND message_sid IS NOT NULL",
                    request.requestId()) == 1);

            // another check, a restart and further timer rounds alert nobody again
            escalation.check();
            consumer.stop();
            texts.recoverInterruptedSends(); // what a restart does first
            escalation.recoverInterruptedSends();
            consumer.start();
            escalation.check();
            final Minor after = minor(1, "en");
            open(after, null);
            awaitCode(after.phones().get(0));
            escalationBarrier();

            assertThat(alertsAbout(request.requestId())).hasSize(1);
            assertThat(standIn.messagesTo(DUTY_OFFICER)).filteredOn(sms -> sms.body().contains(request.requestId()))
                    .hasSize(1);
            assertThat(count("SELECT count(*) FROM duty_escalation WHERE request_id = ?", request.requestId()))
                    .isEqualTo(1);
            assertThat(onLedger(request.requestId()).status()).isEqualTo(RequestStatus.PENDING);
        }

        @Test
        void a_request_whose_guardians_can_be_reached_is_not_escalated_before_escalate_after() throws Exception {
            final Minor minor = minor(1, "en");
            final CrossingRequest request = open(minor, null);
            awaitCode(minor.phones().get(0));
            await("the text delivered", () -> count("SELECT count(*) FROM guardian_message WHERE request_id = ? "
                    + "AND delivery_status = 'delivered'", request.requestId()) == 1);

            escalation.check();
            escalationBarrier();

            assertThat(alertsAbout(request.requestId())).isEmpty();
            assertThat(count("SELECT count(*) FROM duty_escalation WHERE request_id = ?", request.requestId()))
                    .isZero();
        }
    }
}
