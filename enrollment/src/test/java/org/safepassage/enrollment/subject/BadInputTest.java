package org.safepassage.enrollment.subject;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.safepassage.enrollment.support.Api.as;
import static org.safepassage.enrollment.support.Api.child;
import static org.safepassage.enrollment.support.Api.guardian;
import static org.safepassage.enrollment.support.Api.newRequestId;
import static org.safepassage.enrollment.support.Api.unverifiedGuardian;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.safepassage.enrollment.biometrics.TestImages;
import org.safepassage.enrollment.support.EnrollmentTestEnvironment;

/** Every kind of bad input gets a 4xx with a machine-readable reason, and leaves no row behind. */
@QuarkusTest
@QuarkusTestResource(EnrollmentTestEnvironment.class)
class BadInputTest {
    private static final List<String> TABLES =
            List.of("subject", "subject_key", "guardian", "biometric", "ledger_outbox", "phone_verification");

    @Test
    void a_non_image_is_rejected_with_its_reason() throws Exception {
        refused(withImage(Base64.getEncoder().encodeToString("this is not a fingerprint".getBytes())), 422,
                "FINGERPRINT_REJECTED", "UNSUPPORTED_FORMAT");
    }

    @Test
    void a_truncated_image_is_rejected() throws Exception {
        final byte[] png = TestImages.png(20, 0);
        refused(withImage(Base64.getEncoder().encodeToString(Arrays.copyOf(png, png.length / 2))), 422,
                "FINGERPRINT_REJECTED", null);
    }

    @Test
    void an_image_without_ridges_is_rejected() throws Exception {
        final BufferedImage blank = new BufferedImage(300, 300, BufferedImage.TYPE_BYTE_GRAY);
        final ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(blank, "png", png);
        refused(withImage(Base64.getEncoder().encodeToString(png.toByteArray())), 422, "FINGERPRINT_REJECTED",
                "NO_RIDGES");
    }

    @Test
    void a_50_megabyte_upload_is_refused_before_it_is_read() throws Exception {
        // As curl sends a large upload: announce its length, wait for the server's go-ahead, only then send it.
        final int length = 50 * 1024 * 1024;
        unchanged(() -> {
            try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
                socket.setSoTimeout(30_000);
                final String credentials = Base64.getEncoder().encodeToString(
                        ("officer:" + EnrollmentTestEnvironment.PASSWORD).getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().write(("POST /api/v1/subjects HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/json\r\nAuthorization: Basic " + credentials + "\r\n"
                        + "Content-Length: " + length + "\r\nExpect: 100-continue\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                // Read what arrives (the server may keep the connection open for a body it never asked for).
                final StringBuilder answer = new StringBuilder();
                final byte[] buffer = new byte[4096];
                int read;
                while (!answer.toString().contains("}") && (read = socket.getInputStream().read(buffer)) > 0) {
                    answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                }
                assertThat(answer.toString()).startsWith("HTTP/1.1 413").contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void an_unknown_guardian_language_is_refused() throws Exception {
        final Map<String, Object> guardian = unverifiedGuardian("Guard Lang", "+40733000001");
        guardian.put("language", "xx");
        refused(child(newRequestId(), "Bad Language", 21, List.of(guardian)), 400, "UNSUPPORTED_LANGUAGE", null);
    }

    @Test
    void an_invalid_phone_number_is_refused() throws Exception {
        refused(child(newRequestId(), "Bad Phone", 21, List.of(unverifiedGuardian("Guard Phone", "0711-22"))), 400,
                "INVALID_PHONE_NUMBER", null);
        unchanged(() -> as("officer").body(Map.of("phoneNumber", "12345", "language", "ro"))
                .post("/api/v1/phone-verifications").then().statusCode(400).body("code", is("INVALID_PHONE_NUMBER")));
    }

    @Test
    void a_phone_verification_that_was_not_completed_rolls_the_enrollment_back() throws Exception {
        final Map<String, Object> guardian = unverifiedGuardian("Guard Unverified", "+40733000002");
        guardian.put("verificationId", "ver-never-issued-0001");
        refused(child(newRequestId(), "Rolled Back", 22, List.of(guardian)), 422, "PHONE_NOT_VERIFIED", null);
        // A verification proves one number: used for another, it is refused too.
        final Map<String, Object> other = guardian("Guard Verified", "+40733000003");
        other.put("phoneNumber", "+40733000004");
        refused(child(newRequestId(), "Wrong Number", 22, List.of(other)), 422, "PHONE_NOT_VERIFIED", null);
    }

    @Test
    void a_wrong_phone_code_is_refused_with_the_notifiers_reason() throws Exception {
        final String id = as("officer").body(Map.of("phoneNumber", "+40733000010", "language", "uk"))
                .post("/api/v1/phone-verifications").then().statusCode(201).extract().path("verificationId");
        unchanged(() -> as("officer").body(Map.of("code", "not-the-code"))
                .post("/api/v1/phone-verifications/" + id + "/check").then().statusCode(422)
                .body("code", is("VERIFICATION_CODE_WRONG")).body("details.attemptsLeft", is(4)));
        as("officer").body(Map.of("code", "123456")).post("/api/v1/phone-verifications/pv_unknown_000000/check")
                .then().statusCode(404).body("code", is("VERIFICATION_NOT_FOUND"));
    }

    @Test
    void a_minor_without_a_verified_guardian_is_refused() throws Exception {
        refused(child(newRequestId(), "No Guardian", 23, List.of(unverifiedGuardian("Guard X", "+40733000005"))),
                422, "GUARDIAN_NOT_VERIFIED", null);
    }

    @Test
    void a_reused_request_id_with_another_body_is_refused() throws Exception {
        final Map<String, Object> first = child(newRequestId(), "First Body", 24,
                List.of(guardian("Guard First", "+40733000006")));
        as("officer").body(first).post("/api/v1/subjects").then().statusCode(201);
        final Map<String, Object> second = new LinkedHashMap<>(first);
        second.put("person", Map.of("givenNames", "Second Body", "familyName", "Testescu", "birthDate", "2019-01-01",
                "sex", "MALE"));
        refused(second, 409, "DUPLICATE_REQUEST_ID", null);
    }

    @Test
    void malformed_json_unknown_fields_and_bad_enums_are_400() throws Exception {
        unchanged(() -> {
            as("officer").body("{\"requestId\":").post("/api/v1/subjects").then().statusCode(400)
                    .body("code", is("MALFORMED_REQUEST"));
            final Map<String, Object> unknown = child(newRequestId(), "Unknown Field", 25, List.of());
            unknown.put("approvalQuorum", 0);
            unknown.put("shoeSize", 31);
            as("officer").body(unknown).post("/api/v1/subjects").then().statusCode(400)
                    .body("code", is("MALFORMED_REQUEST"));
            final Map<String, Object> badEnum = child(newRequestId(), "Bad Enum", 25, List.of());
            badEnum.put("approvalQuorum", 0);
            badEnum.put("fingerprints", List.of(Map.of("finger", "RIGHT_TOE", "image", "AAAA")));
            // The answer names the field, never the submitted value (bodies hold personal data).
            as("officer").body(badEnum).post("/api/v1/subjects").then().statusCode(400)
                    .body("code", is("MALFORMED_REQUEST"))
                    .body("message", containsString("fingerprints"))
                    .body("message", not(containsString("RIGHT_TOE")));
            as("officer").body(Map.of("requestId", "short")).post("/api/v1/subjects").then().statusCode(400)
                    .body("code", is("INVALID_FIELD")).body("details.field", is("requestId"));
        });
    }

    @Test
    void callers_must_sign_in_with_a_role_that_may_act() throws Exception {
        unchanged(() -> {
            given().contentType(ContentType.JSON).body(child(newRequestId(), "No Auth", 26, List.of()))
                    .post("/api/v1/subjects").then().statusCode(401).body("code", is("UNAUTHENTICATED"));
            given().auth().preemptive().basic("officer", "wrong-password").contentType(ContentType.JSON)
                    .body(child(newRequestId(), "Bad Password", 26, List.of()))
                    .post("/api/v1/subjects").then().statusCode(401);
            as("gateway").body(child(newRequestId(), "Wrong Role", 26, List.of())).post("/api/v1/subjects")
                    .then().statusCode(403).body("code", is("FORBIDDEN"));
            as("officer").get("/api/v1/subjects/sub-does-not-exist").then().statusCode(404)
                    .body("code", is("SUBJECT_NOT_FOUND"));
        });
    }

    private static Map<String, Object> withImage(final String base64) {
        final Map<String, Object> request = child(newRequestId(), "Bad Image", 20, List.of());
        request.put("approvalQuorum", 0);
        request.put("fingerprints", List.of(Map.of("finger", "LEFT_THUMB", "image", base64)));
        return request;
    }

    private static void refused(final Map<String, Object> request, final int status, final String code,
            final String rejection) throws Exception {
        unchanged(() -> {
            final var response = as("officer").body(request).post("/api/v1/subjects").then().statusCode(status)
                    .body("code", is(code)).body("message", notNullValue());
            if (rejection != null) {
                response.body("details.rejection", is(rejection));
            }
        });
    }

    /** Runs {@code call} and checks that no table gained or lost a row. */
    private static void unchanged(final Runnable call) throws Exception {
        final Map<String, Integer> before = counts();
        call.run();
        assertThat(counts()).isEqualTo(before);
    }

    private static Map<String, Integer> counts() throws Exception {
        final Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection db = EnrollmentTestEnvironment.database().getConnection(); Statement s = db.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rows = s.executeQuery("select count(*) from " + table)) {
                    rows.next();
                    counts.put(table, rows.getInt(1));
                }
            }
        }
        return counts;
    }
}
