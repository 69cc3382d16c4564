package org.safepassage.enrollment.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.is;
import static org.safepassage.enrollment.support.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safepassage.enrollment.biometrics.FingerprintTemplateBytes;
import org.safepassage.enrollment.biometrics.MatchCandidate;
import org.safepassage.enrollment.biometrics.SyntheticIsoTemplates;
import org.safepassage.enrollment.subject.SealedRecords;
import org.safepassage.enrollment.subject.SubjectStore;
import org.safepassage.enrollment.support.EnrollmentTestEnvironment;
import org.safepassage.enrollment.vault.SubjectVault;
import org.safepassage.service.api.ApiException;
import org.safepassage.service.db.Jdbc;

/**
 * The load driver's synthetic gallery: off unless configured, and when on, its fingers are stored as enrollments store
 * theirs (sealed, never registered on the ledger) and found by the same search.
 */
@QuarkusTest
@QuarkusTestResource(EnrollmentTestEnvironment.class)
class SyntheticGalleryTest {
    /** Finger seeds no other test enrolls: the synthetic minutiae generator, not the image one. */
    private static final long FIRST_SEED = 9_130_000L;

    @Inject
    EnrolledGallery gallery;
    @Inject
    SubjectStore store;
    @Inject
    SubjectVault vault;
    @Inject
    SealedRecords sealed;
    @Inject
    Jdbc jdbc;

    @Test
    void is_not_there_unless_enabled() {
        as("officer").body(Map.of("templates", List.of(Base64.getEncoder().encodeToString(
                SyntheticIsoTemplates.enrolled(FIRST_SEED)))))
                .post("/internal/v1/load/synthetic-gallery")
                .then().statusCode(404).body("code", is("NOT_FOUND"));
    }

    @Test
    void its_fingers_are_sealed_in_the_vault_left_off_the_ledger_and_found_by_the_search() {
        final SyntheticGallery synthetic = new SyntheticGallery(gallery, store, vault, sealed, true);
        final byte[] first = SyntheticIsoTemplates.enrolled(FIRST_SEED + 1);
        final byte[] second = SyntheticIsoTemplates.enrolled(FIRST_SEED + 2);
        final int before = gallery.size();

        final SyntheticGallery.Added added = synthetic.add(List.of(first, second));

        assertThat(added.added()).isEqualTo(2);
        assertThat(added.gallery()).isEqualTo(before + 2).isEqualTo(gallery.size());
        final List<MatchCandidate> found = gallery.candidates(List.of(FingerprintTemplateBytes.fromIso(first)));
        assertThat(found).isNotEmpty();
        final String subjectId = found.get(0).subjectId();
        assertThat(subjectId).startsWith(SyntheticGallery.ID_PREFIX);
        assertThat(jdbc.queryOne("select ledger_state from subject where subject_id = ?", row -> row.getString(1),
                subjectId)).contains("PENDING");
        final byte[] stored = jdbc.queryOne("select template from biometric where subject_id = ?",
                row -> row.getBytes(1), subjectId).orElseThrow();
        assertThat(stored).as("sealed, not the template in clear")
                .isNotEqualTo(FingerprintTemplateBytes.fromIso(first).bytes());
        // the officers' list opens every subject's sealed personal record, synthetic ones included
        as("officer").queryParam("q", subjectId).get("/ui/subjects").then().statusCode(200);
        as("officer").get("/ui/subjects").then().statusCode(200);
    }

    @Test
    void refuses_an_empty_batch_and_a_record_that_is_not_iso() {
        final SyntheticGallery synthetic = new SyntheticGallery(gallery, store, vault, sealed, true);
        final ApiException empty = catchThrowableOfType(ApiException.class, () -> synthetic.add(List.of()));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.code()).isEqualTo("INVALID_FIELD");
        final ApiException notIso = catchThrowableOfType(ApiException.class,
                () -> synthetic.add(List.of(new byte[] {1, 2, 3})));
        assertThat(notIso.status()).isEqualTo(400);
        assertThat(notIso.details()).containsEntry("field", "templates");
    }
}
