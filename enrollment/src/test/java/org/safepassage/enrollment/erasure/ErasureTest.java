package org.safepassage.enrollment.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.safepassage.enrollment.support.Api.as;
import static org.safepassage.enrollment.support.Api.child;
import static org.safepassage.enrollment.support.Api.guardian;
import static org.safepassage.enrollment.support.Api.newRequestId;
import static org.safepassage.enrollment.support.Api.scan;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.client.identity.Identities;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.client.LedgerConnection;
import org.safepassage.chaincode.client.LedgerGateway;
import org.safepassage.chaincode.model.ErasureTombstone;
import org.safepassage.enrollment.support.EnrollmentTestEnvironment;

/** The right to be forgotten, checked down to PostgreSQL's files on disk. */
@QuarkusTest
@QuarkusTestResource(EnrollmentTestEnvironment.class)
class ErasureTest {
    private static final String NAME = "Zenobia-Erasetest";
    private static final String PHONE = "+40722333444";
    private static final List<String> TABLES = List.of("subject", "subject_key", "guardian", "biometric", "iris",
            "ledger_outbox", "duplicate_referral", "phone_verification");

    @Test
    void erasure_leaves_no_plaintext_a_tombstone_and_a_verifiable_certificate() throws Exception {
        final String subjectId = as("officer")
                .body(child(newRequestId(), NAME, 10, List.of(guardian("Guardian Erasetest", PHONE))))
                .post("/api/v1/subjects").then().statusCode(201).extract().path("subjectId");
        final String templateBase64 = as("dpo").get("/api/v1/subjects/" + subjectId + "/export").then()
                .statusCode(200).body("person.givenNames", is(NAME))
                .extract().path("fingerprintTemplates.RIGHT_INDEX");
        final byte[] template = Base64.getDecoder().decode(templateBase64);
        final byte[] templateWindow = Arrays.copyOfRange(template, template.length / 2, template.length / 2 + 32);
        // The scanner finds what is stored in clear: the opaque subject id is, before erasure.
        checkpoint();
        assertThat(filesContaining(subjectId.getBytes(StandardCharsets.US_ASCII))).isNotEmpty();

        final Map<String, Object> order = Map.of("subjectId", subjectId, "requestRef", "erasure-request-0001");
        as("officer").body(order).post("/api/v1/erasures").then().statusCode(403);
        final String certificateJson = as("dpo").body(order).post("/api/v1/erasures").then().statusCode(200)
                .body("state", is("COMPLETE"))
                .body("certificate.certificate.subjectId", is(subjectId))
                .extract().asString();
        final SignedErasureCertificate certificate =
                ErasureCertificates.fromJson(new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(certificateJson).get("certificate").toString());

        // The certificate verifies against the registry CA alone, and a changed word breaks it.
        final var registryCa = registryCa();
        assertThat(ErasureCertificates.verify(certificate, registryCa)).isTrue();
        final ErasureCertificate forged = new ErasureCertificate(certificate.certificate().certificateId(),
                "sub-someone-else-entirely", certificate.certificate().requestRef(),
                certificate.certificate().erasedAt(), certificate.certificate().erased(),
                certificate.certificate().ledgerChannel(), certificate.certificate().ledgerTxId(),
                certificate.certificate().ledgerErasedAt(), certificate.certificate().issuer());
        assertThat(ErasureCertificates.verify(new SignedErasureCertificate(forged, certificate.algorithm(),
                certificate.signature(), certificate.signerCertificate()), registryCa)).isFalse();
        as("supervisor").body(certificate).post("/api/v1/erasures/verification").then().statusCode(200)
                .body("valid", is(true));

        // The ledger shows the tombstone the certificate quotes.
        try (LedgerGateway officer = LedgerGateway.connect(LedgerConnection.read(
                EnrollmentTestEnvironment.ledgerDirectory().resolve("connection.json")), "RegistryMSP", "officer")) {
            final ErasureTombstone tombstone = officer.chaincode().subjects().readTombstone(subjectId);
            assertThat(tombstone.erasureTxId()).isEqualTo(certificate.certificate().ledgerTxId());
            assertThat(tombstone.requestRef()).isEqualTo("erasure-request-0001");
        }

        // Identification no longer finds the person; the API knows them only as erased.
        as("gateway").body(scan(10, 1)).post("/internal/v1/identify").then().statusCode(200)
                .body("outcome", is("NO_MATCH"));
        as("officer").get("/api/v1/subjects/" + subjectId).then().statusCode(404);
        as("dpo").body(order).post("/api/v1/erasures").then().statusCode(200)
                .body("certificate.signature", is(certificate.signature()));

        // guardian-notify was told to erase its SMS records and Twilio's copies.
        assertThat(EnrollmentTestEnvironment.forgottenSubjects()).contains(subjectId);

        // No row names the subject any more, except the erasure record, and no file holds their data in clear.
        try (Connection db = EnrollmentTestEnvironment.database().getConnection()) {
            for (String table : TABLES) {
                try (PreparedStatement count = db.prepareStatement(
                        "select count(*) from " + table + " t where t::text like ?")) {
                    count.setString(1, "%" + subjectId + "%");
                    try (ResultSet rows = count.executeQuery()) {
                        rows.next();
                        assertThat(rows.getInt(1)).as("rows of %s naming the subject", table).isZero();
                    }
                }
            }
        }
        // The access audit keeps the reads of the person (the export above) under the opaque id alone: who read
        // what and why stays accountable after erasure, and links to no one once the vault is gone.
        try (Connection db = EnrollmentTestEnvironment.database().getConnection();
                PreparedStatement audit = db.prepareStatement("select purpose, t::text from access_audit t"
                        + " where subject_id = ?")) {
            audit.setString(1, subjectId);
            try (ResultSet rows = audit.executeQuery()) {
                final List<String> purposes = new ArrayList<>();
                while (rows.next()) {
                    purposes.add(rows.getString(1));
                    assertThat(rows.getString(2)).doesNotContain(NAME).doesNotContain(PHONE);
                }
                assertThat(purposes).contains("EXPORT");
            }
        }
        checkpoint();
        assertThat(filesContaining(NAME.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(filesContaining(PHONE.getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(filesContaining(templateWindow)).isEmpty();
    }

    @Test
    void erasure_removes_the_iris_codes_and_helper_data() throws Exception {
        final String name = "Iosif-Iriserase";
        final String subjectId = as("officer")
                .body(org.safepassage.enrollment.support.Api.infant(newRequestId(), name, 3,
                        Map.of("LEFT", 151, "RIGHT", 152), List.of(guardian("Guardian Iriserase", "+40722333555"))))
                .post("/api/v1/subjects").then().statusCode(201).extract().path("subjectId");
        final io.restassured.path.json.JsonPath export = as("dpo").get("/api/v1/subjects/" + subjectId + "/export")
                .then().statusCode(200).extract().jsonPath();
        final List<byte[]> windows = new ArrayList<>();
        for (final String part : List.of("irises.LEFT.helperData", "irises.RIGHT.helperData", "irises.LEFT.code")) {
            final byte[] stored = Base64.getDecoder().decode(export.getString(part));
            windows.add(Arrays.copyOfRange(stored, 40, 72)); // offset words: the codeword XOR the code
        }
        checkpoint();
        assertThat(filesContaining(subjectId.getBytes(StandardCharsets.US_ASCII))).isNotEmpty();

        as("dpo").body(Map.of("subjectId", subjectId, "requestRef", "erasure-request-iris-0001"))
                .post("/api/v1/erasures").then().statusCode(200).body("state", is("COMPLETE"))
                .body("certificate.certificate.erased", org.hamcrest.Matchers.hasItem(
                        "iris codes, iris-fc-v1 helper data and salts (2)"));

        as("gateway").body(org.safepassage.enrollment.support.Api.irisScan(151, 2)).post("/internal/v1/identify")
                .then().statusCode(200).body("outcome", is("NO_MATCH"));
        try (Connection db = EnrollmentTestEnvironment.database().getConnection();
                PreparedStatement count = db.prepareStatement("select count(*) from iris where subject_id = ?")) {
            count.setString(1, subjectId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).as("iris rows left").isZero();
            }
        }
        checkpoint();
        assertThat(filesContaining(name.getBytes(StandardCharsets.UTF_8))).isEmpty();
        for (final byte[] window : windows) {
            assertThat(filesContaining(window)).isEmpty();
        }
    }

    private static void checkpoint() throws Exception {
        try (Connection db = EnrollmentTestEnvironment.database().getConnection(); Statement s = db.createStatement()) {
            s.execute("checkpoint");
        }
    }

    private static java.security.cert.X509Certificate registryCa() throws Exception {
        try (Reader pem = Files.newBufferedReader(EnrollmentTestEnvironment.WORK
                .resolve("crypto/RegistryMSP/msp/cacerts/ca.pem"))) {
            return Identities.readX509Certificate(pem);
        }
    }

    /** Every file under PostgreSQL's data directory (tables, indexes, WAL) that contains {@code needle}. */
    private static List<Path> filesContaining(final byte[] needle) throws IOException {
        final List<Path> hits = new ArrayList<>();
        try (var files = Files.walk(EnrollmentTestEnvironment.postgresDataDirectory())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                final byte[] content;
                try {
                    content = Files.readAllBytes(file);
                } catch (IOException vanished) {
                    continue; // temporary files come and go while the server runs
                }
                if (indexOf(content, needle) >= 0) {
                    hits.add(file);
                }
            }
        }
        return hits;
    }

    private static int indexOf(final byte[] haystack, final byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
