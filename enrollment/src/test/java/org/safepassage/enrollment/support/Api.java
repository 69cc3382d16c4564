package org.safepassage.enrollment.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.safepassage.enrollment.biometrics.TestImages;

/** Requests as the officers' screens and the gateway send them. */
public final class Api {
    private Api() {}

    public static RequestSpecification as(final String user) {
        return given().auth().preemptive().basic(user, EnrollmentTestEnvironment.PASSWORD).contentType(ContentType.JSON);
    }

    public static String newRequestId() {
        return "req-" + UUID.randomUUID();
    }

    /** Starts and completes a phone verification; returns its id. */
    public static String verifiedPhone(final String phoneNumber) {
        final String id = as("officer").body(Map.of("phoneNumber", phoneNumber, "language", "ro"))
                .post("/api/v1/phone-verifications").then().statusCode(201).extract().path("verificationId");
        as("officer").body(Map.of("code", EnrollmentTestEnvironment.sentCode(id)))
                .post("/api/v1/phone-verifications/" + id + "/check").then().statusCode(200);
        return id;
    }

    /** A guardian whose phone was verified. */
    public static Map<String, Object> guardian(final String name, final String phoneNumber) {
        final Map<String, Object> guardian = unverifiedGuardian(name, phoneNumber);
        guardian.put("verificationId", verifiedPhone(phoneNumber));
        return guardian;
    }

    public static Map<String, Object> unverifiedGuardian(final String name, final String phoneNumber) {
        final Map<String, Object> guardian = new LinkedHashMap<>();
        guardian.put("name", name);
        guardian.put("relation", "mother");
        guardian.put("phoneNumber", phoneNumber);
        guardian.put("language", "ro");
        return guardian;
    }

    /** A child's enrollment with one finger and the given guardians, quorum 1. */
    public static Map<String, Object> child(final String requestId, final String givenNames, final int finger,
            final List<Map<String, Object>> guardians) {
        final Map<String, Object> request = new LinkedHashMap<>();
        request.put("requestId", requestId);
        request.put("person", Map.of("givenNames", givenNames, "familyName", "Testescu",
                "birthDate", LocalDate.now().minusYears(9).toString(), "sex", "FEMALE",
                "placeOfBirth", "Chisinau", "languages", List.of("ro", "ru")));
        request.put("guardians", new ArrayList<>(guardians));
        request.put("approvalQuorum", 1);
        request.put("consent", Map.of("consentedBy", "the mother", "legalBasis", "CONSENT",
                "consentedAt", Instant.now().minusSeconds(60).toString()));
        request.put("fingerprints", List.of(Map.of("finger", "RIGHT_INDEX",
                "image", TestImages.base64Png(finger, 0))));
        return request;
    }

    /** A young child's enrollment by iris only: the given eyes (eye seed per eye, capture 0), quorum 1. */
    public static Map<String, Object> infant(final String requestId, final String givenNames, final int ageYears,
            final Map<String, Integer> eyes, final List<Map<String, Object>> guardians) {
        final Map<String, Object> request = child(requestId, givenNames, 1, guardians);
        request.put("person", Map.of("givenNames", givenNames, "familyName", "Testescu",
                "birthDate", LocalDate.now().minusYears(ageYears).minusDays(10).toString(), "sex", "MALE",
                "placeOfBirth", "Balti", "languages", List.of("ro")));
        request.remove("fingerprints");
        final List<Map<String, Object>> irises = new ArrayList<>();
        eyes.forEach((eye, seed) -> irises.add(Map.of("eye", eye,
                "image", org.safepassage.enrollment.biometrics.iris.TestEyes.base64Png(seed, 0))));
        request.put("irises", irises);
        return request;
    }

    /** A border scan by iris: a later capture of the eye. */
    public static Map<String, Object> irisScan(final int eye, final int capture) {
        return Map.of("irisImages", List.of(org.safepassage.enrollment.biometrics.iris.TestEyes.base64Png(eye,
                capture)));
    }

    public static Map<String, Object> scan(final int finger, final int impression) {
        return Map.of("images", List.of(TestImages.base64Png(finger, impression)));
    }
}
