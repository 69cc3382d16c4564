package org.safepassage.guardian.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safepassage.twilio.standin.SmsMessage;
import org.safepassage.twilio.standin.TwilioStandIn;

@QuarkusTest
@WithTestResource(value = TwilioStandInResource.class, scope = TestResourceScope.GLOBAL)
class PhoneVerificationResourceTest {
    private static final String PATH = "/internal/v1/phone-verifications";
    private static final String PHONE = "+40712345678";
    private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");

    @InjectTwilioStandIn
    TwilioStandIn standIn;

    @Inject
    AdjustableClock clock;

    @BeforeEach
    void fresh() {
        standIn.reset();
        clock.reset();
    }

    static RequestSpecification enrollment() {
        return given().auth().preemptive().basic("enrollment-service", "test-enrollment-password")
                .contentType(ContentType.JSON);
    }

    String startVerification(final String phone, final String language) {
        return enrollment()
                .body("{\"phoneNumber\":\"" + phone + "\",\"language\":\"" + language + "\"}")
                .when()
                .post(PATH)
                .then()
                .statusCode(201)
                .extract()
                .path("verificationId");
    }

    String textedCode(final String phone) {
        final List<SmsMessage> texts = standIn.messagesTo(phone);
        assertThat(texts).hasSize(1);
        final Matcher code = CODE.matcher(texts.get(0).body());
        assertThat(code.find()).as("a six-digit code in %s", texts.get(0).body()).isTrue();
        return code.group(1);
    }

    static String wrong(final String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    @Nested
    class Start {
        @Test
        void texts_a_six_digit_code_in_the_requested_language_once() {
            final String id = enrollment()
                    .body("{\"phoneNumber\":\"" + PHONE + "\",\"language\":\"ro\"}")
                    .when()
                    .post(PATH)
                    .then()
                    .statusCode(201)
                    .header("Location", containsString(PATH + "/"))
                    .body("verificationId", matchesPattern("pv_[A-Za-z0-9_-]{22}"))
                    .body("phoneNumber", is(PHONE))
                    .body("status", is("PENDING"))
                    .body("expiresAt", not(emptyOrNullString()))
                    .body("attemptsLeft", is(5))
                    .body("code", nullValue())
                    .extract()
                    .path("verificationId");

            assertThat(standIn.messagesTo(PHONE)).singleElement().satisfies(sms -> {
                assertThat(sms.body()).startsWith("SafePassage: codul de verificare").containsPattern("\\b[0-9]{6}\\b");
                assertThat(sms.from()).isEqualTo("+15005550006");
                assertThat(sms.validityPeriod()).isEqualTo(600);
            });
            assertThat(standIn.createRequestsTo(PHONE)).isEqualTo(1);
            assertThat(id).doesNotContain(textedCode(PHONE));
        }

        @Test
        void writes_english_russian_and_ukrainian_and_defaults_to_english() {
            startVerification("+40711111111", "en");
            startVerification("+37369000001", "ru");
            startVerification("+380501234567", "UK");
            enrollment().body("{\"phoneNumber\":\"+40722222222\"}").when().post(PATH).then().statusCode(201);

            assertThat(standIn.messagesTo("+40711111111").get(0).body()).contains("your phone verification code");
            assertThat(standIn.messagesTo("+37369000001").get(0).body()).contains("код подтверждения");
            assertThat(standIn.messagesTo("+380501234567").get(0).body()).contains("код підтвердження");
            assertThat(standIn.messagesTo("+40722222222").get(0).body()).contains("your phone verification code");
        }

        @Test
        void refuses_numbers_that_are_not_e164_and_texts_nothing() {
            // "+07...": no country code starts with 0; enrollment refuses it too (one rule, PhoneNumbers).
            for (final String bad : List.of("0712345678", "+0712345678", "+1234567", "+1234567890123456",
                    "+40 712 345 678", "+40712345678x", "")) {
                enrollment()
                        .body("{\"phoneNumber\":\"" + bad + "\",\"language\":\"en\"}")
                        .when()
                        .post(PATH)
                        .then()
                        .statusCode(400)
                        .body("code", is("INVALID_PHONE_NUMBER"))
                        .body("message", not(emptyOrNullString()));
            }
            enrollment().body("{\"language\":\"en\"}").when().post(PATH).then().statusCode(400)
                    .body("code", is("INVALID_PHONE_NUMBER"));
            // Nothing went to any form of these numbers (other tests' texts to other numbers may still be in flight).
            for (final String number : List.of("0712345678", "+1234567", "+1234567890123456", "+40712345678",
                    "+40 712 345 678", "+40712345678x", "")) {
                assertThat(standIn.createRequestsTo(number)).as(number).isZero();
            }
        }

        @Test
        void refuses_an_unsupported_language() {
            enrollment()
                    .body("{\"phoneNumber\":\"" + PHONE + "\",\"language\":\"de\"}")
                    .when()
                    .post(PATH)
                    .then()
                    .statusCode(400)
                    .body("code", is("UNSUPPORTED_LANGUAGE"));
        }

        @Test
        void answers_malformed_bodies_with_a_4xx_code_never_a_500() {
            for (final String body : List.of("{", "[1,2]", "\"text\"", "{\"phoneNumber\": {\"n\": 1}}", "")) {
                enrollment().body(body).when().post(PATH).then().statusCode(400)
                        .body("code", is("MALFORMED_REQUEST"));
            }
            given().auth().preemptive().basic("enrollment-service", "test-enrollment-password")
                    .contentType(ContentType.TEXT)
                    .body("phone=+40712345678")
                    .when()
                    .post(PATH)
                    .then()
                    .statusCode(415)
                    .body("code", is("UNSUPPORTED_MEDIA_TYPE"));
            enrollment().when().delete(PATH + "/pv_x").then().statusCode(405).body("code", is("METHOD_NOT_ALLOWED"))
                    .header("Allow", is("GET, HEAD, OPTIONS"));
        }

        @Test
        void a_repeated_request_with_the_same_idempotency_key_texts_once() {
            final String body = "{\"phoneNumber\":\"" + PHONE + "\",\"language\":\"en\"}";
            final String first = enrollment().header("Idempotency-Key", "enrol-42-guardian-1").body(body)
                    .when().post(PATH).then().statusCode(201).extract().path("verificationId");
            final String second = enrollment().header("Idempotency-Key", "enrol-42-guardian-1").body(body)
                    .when().post(PATH).then().statusCode(201).extract().path("verificationId");

            assertThat(second).isEqualTo(first);
            assertThat(standIn.messagesTo(PHONE)).hasSize(1);
            enrollment().header("Idempotency-Key", "enrol-42-guardian-1")
                    .body("{\"phoneNumber\":\"+40799999999\",\"language\":\"en\"}")
                    .when().post(PATH).then().statusCode(409).body("code", is("IDEMPOTENCY_KEY_INVALID"));
        }

        @Test
        void never_retries_a_send_that_twilio_answered_with_500_so_at_most_one_text_goes_out() {
            standIn.failNextCreatesAfterAccepting(3);

            enrollment()
                    .body("{\"phoneNumber\":\"" + PHONE + "\",\"language\":\"en\"}")
                    .when()
                    .post(PATH)
                    .then()
                    .statusCode(502)
                    .body("code", is("SMS_PROVIDER_UNAVAILABLE"));

            assertThat(standIn.createRequestsTo(PHONE)).isEqualTo(1);
            assertThat(standIn.messagesTo(PHONE)).hasSize(1);
        }

        @Test
        void a_verification_whose_text_failed_cannot_be_checked() {
            standIn.failNextCreates(1);
            enrollment().body("{\"phoneNumber\":\"" + PHONE + "\",\"language\":\"en\"}").when().post(PATH)
                    .then().statusCode(502);
            assertThat(standIn.messagesTo(PHONE)).isEmpty();
        }

        @Test
        void a_number_twilio_refuses_is_unreachable() {
            standIn.optedOut(PHONE);

            enrollment()
                    .body("{\"phoneNumber\":\"" + PHONE + "\",\"language\":\"en\"}")
                    .when()
                    .post(PATH)
                    .then()
                    .statusCode(422)
                    .body("code", is("PHONE_NUMBER_UNREACHABLE"))
                    .body("message", containsString("21610"));
        }
    }

    @Nested
    class Check {
        @Test
        void the_texted_code_verifies_and_checking_again_stays_verified() {
            final String id = startVerification(PHONE, "en");
            final String code = textedCode(PHONE);

            for (int i = 0; i < 2; i++) {
                enrollment()
                        .body("{\"code\":\"" + code + "\"}")
                        .when()
                        .post(PATH + "/" + id + "/check")
                        .then()
                        .statusCode(200)
                        .body("verificationId", is(id))
                        .body("phoneNumber", is(PHONE))
                        .body("status", is("VERIFIED"))
                        .body("verifiedAt", not(emptyOrNullString()));
            }
            enrollment().when().get(PATH + "/" + id).then().statusCode(200).body("status", is("VERIFIED"));
        }

        @Test
        void wrong_codes_count_down_and_the_fifth_locks_even_the_right_code_out() {
            final String id = startVerification(PHONE, "en");
            final String code = textedCode(PHONE);

            for (int left = 4; left >= 1; left--) {
                enrollment()
                        .body("{\"code\":\"" + wrong(code) + "\"}")
                        .when()
                        .post(PATH + "/" + id + "/check")
                        .then()
                        .statusCode(422)
                        .body("code", is("VERIFICATION_CODE_WRONG"))
                        .body("details.attemptsLeft", is(left));
            }
            enrollment().body("{\"code\":\"" + wrong(code) + "\"}").when().post(PATH + "/" + id + "/check")
                    .then().statusCode(423).body("code", is("VERIFICATION_LOCKED")).body("details.attemptsLeft", is(0));
            enrollment().body("{\"code\":\"" + code + "\"}").when().post(PATH + "/" + id + "/check")
                    .then().statusCode(423).body("code", is("VERIFICATION_LOCKED"));
            enrollment().when().get(PATH + "/" + id).then().statusCode(200).body("status", is("LOCKED"));
        }

        @Test
        void concurrent_wrong_codes_never_get_more_than_five_tries() throws Exception {
            final String id = startVerification(PHONE, "en");
            final String code = textedCode(PHONE);
            final ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                final List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    answers.add(pool.submit(() -> enrollment()
                            .body("{\"code\":\"" + wrong(code) + "\"}")
                            .when()
                            .post(PATH + "/" + id + "/check")
                            .statusCode()));
                }
                final List<Integer> statuses = new ArrayList<>();
                for (final Future<Integer> answer : answers) {
                    statuses.add(answer.get(30, TimeUnit.SECONDS));
                }
                assertThat(statuses).filteredOn(s -> s == 422).hasSize(4);
                assertThat(statuses).filteredOn(s -> s == 423).hasSize(16);
            } finally {
                pool.shutdownNow();
            }
            enrollment().body("{\"code\":\"" + code + "\"}").when().post(PATH + "/" + id + "/check")
                    .then().statusCode(423);
        }

        @Test
        void the_code_never_reaches_the_log() {
            final List<String> logged = new CopyOnWriteArrayList<>();
            final Handler capture = new Handler() {
                @Override
                public void publish(final LogRecord record) {
                    final Object[] params = record.getParameters();
                    logged.add(record.getMessage() + (params == null ? "" : Arrays.toString(params)));
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };
            final Logger root = Logger.getLogger("");
            root.addHandler(capture);
            try {
                final String id = startVerification(PHONE, "en");
                final String code = textedCode(PHONE);
                enrollment().body("{\"code\":\"" + wrong(code) + "\"}").when().post(PATH + "/" + id + "/check");
                enrollment().body("{\"code\":\"" + code + "\"}").when().post(PATH + "/" + id + "/check")
                        .then().statusCode(200);

                assertThat(logged).anySatisfy(line -> assertThat(line).contains(id));
                assertThat(logged).noneSatisfy(line -> assertThat(line).contains(code));
                assertThat(logged).noneSatisfy(line -> assertThat(line).contains(PHONE));
            } finally {
                root.removeHandler(capture);
            }
        }

        @Test
        void a_code_checked_after_ten_minutes_has_expired() {
            final String id = startVerification(PHONE, "en");
            final String code = textedCode(PHONE);

            clock.advance(Duration.ofMinutes(10).plusSeconds(1));

            enrollment().body("{\"code\":\"" + code + "\"}").when().post(PATH + "/" + id + "/check")
                    .then().statusCode(410).body("code", is("VERIFICATION_EXPIRED"));
            enrollment().when().get(PATH + "/" + id).then().statusCode(200).body("status", is("EXPIRED"));
        }

        @Test
        void a_code_checked_just_before_expiry_verifies() {
            final String id = startVerification(PHONE, "en");
            final String code = textedCode(PHONE);

            clock.advance(Duration.ofMinutes(9).plusSeconds(50));

            enrollment().body("{\"code\":\"" + code + "\"}").when().post(PATH + "/" + id + "/check")
                    .then().statusCode(200).body("status", is("VERIFIED"));
        }

        @Test
        void a_malformed_code_is_refused_without_costing_an_attempt() {
            final String id = startVerification(PHONE, "en");

            for (final String body : List.of("{\"code\":\"12ab56\"}", "{\"code\":\"1234567\"}", "{}")) {
                enrollment().body(body).when().post(PATH + "/" + id + "/check")
                        .then().statusCode(400).body("code", is("INVALID_CODE_FORMAT"));
            }
            for (final String body : List.of("{\"code\":", "{\"code\":[1]}", "[]")) {
                enrollment().body(body).when().post(PATH + "/" + id + "/check")
                        .then().statusCode(400).body("code", is("MALFORMED_REQUEST"));
            }
            enrollment().when().get(PATH + "/" + id).then().statusCode(200).body("attemptsLeft", is(5));
        }

        @Test
        void an_unknown_id_is_not_found() {
            enrollment().body("{\"code\":\"123456\"}").when().post(PATH + "/pv_unknown/check")
                    .then().statusCode(404).body("code", is("VERIFICATION_NOT_FOUND"));
            enrollment().when().get(PATH + "/pv_unknown").then().statusCode(404)
                    .body("code", is("VERIFICATION_NOT_FOUND"));
        }

        @Test
        void a_verification_whose_text_failed_answers_not_sent() {
            standIn.failNextCreates(1);
            final String id = enrollment().header("Idempotency-Key", "failed-send-1")
                    .body("{\"phoneNumber\":\"" + PHONE + "\",\"language\":\"en\"}")
                    .when().post(PATH).then().statusCode(502).extract().path("verificationId");
            assertThat(id).isNull();

            final String replayed = enrollment().header("Idempotency-Key", "failed-send-1")
                    .body("{\"phoneNumber\":\"" + PHONE + "\",\"language\":\"en\"}")
                    .when().post(PATH).then().statusCode(201).body("status", is("SEND_FAILED"))
                    .extract().path("verificationId");
            enrollment().body("{\"code\":\"123456\"}").when().post(PATH + "/" + replayed + "/check")
                    .then().statusCode(409).body("code", is("VERIFICATION_NOT_SENT"));
            assertThat(standIn.createRequestsTo(PHONE)).isEqualTo(1);
        }
    }

    @Nested
    class Authentication {
        @Test
        void without_credentials_is_401_with_a_bearer_challenge() {
            given().contentType(ContentType.JSON)
                    .body("{\"phoneNumber\":\"" + PHONE + "\",\"language\":\"en\"}")
                    .when()
                    .post(PATH)
                    .then()
                    .statusCode(401)
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .body("code", is("UNAUTHENTICATED"));
            given().when().get(PATH + "/pv_x").then().statusCode(401);
            assertThat(standIn.createRequestsTo(PHONE)).isZero();
        }

        @Test
        void a_wrong_password_is_401() {
            given().auth().preemptive().basic("enrollment-service", "guess")
                    .contentType(ContentType.JSON)
                    .body("{\"phoneNumber\":\"" + PHONE + "\",\"language\":\"en\"}")
                    .when()
                    .post(PATH)
                    .then()
                    .statusCode(401)
                    .body("code", is("UNAUTHENTICATED"));
        }

        @Test
        void another_service_account_is_403() {
            given().auth().preemptive().basic("gateway-service", "test-gateway-password")
                    .contentType(ContentType.JSON)
                    .body("{\"phoneNumber\":\"" + PHONE + "\",\"language\":\"en\"}")
                    .when()
                    .post(PATH)
                    .then()
                    .statusCode(403)
                    .body("code", is("FORBIDDEN"));
            assertThat(standIn.createRequestsTo(PHONE)).isZero();
        }
    }
}
