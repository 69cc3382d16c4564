package org.safepassage.enrollment.subject;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.safepassage.enrollment.support.Api.as;
import static org.safepassage.enrollment.support.Api.guardian;
import static org.safepassage.enrollment.support.Api.newRequestId;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safepassage.enrollment.api.Reason;
import org.safepassage.enrollment.biometrics.MatchCandidate;
import org.safepassage.enrollment.biometrics.TestImages;
import org.safepassage.enrollment.biometrics.iris.IrisCode;
import org.safepassage.enrollment.biometrics.iris.TestEyes;
import org.safepassage.enrollment.commitment.FpV1Commitments;
import org.safepassage.enrollment.gallery.EnrolledGallery;
import org.safepassage.enrollment.gallery.GalleryChangePruning;
import org.safepassage.enrollment.gallery.IrisGallery;
import org.safepassage.enrollment.gallery.SecondInstanceGallery;
import org.safepassage.enrollment.guardian.PhoneVerifications;
import org.safepassage.enrollment.ledger.LedgerOutbox;
import org.safepassage.enrollment.ledger.RegistryLedger;
import org.safepassage.enrollment.support.Api;
import org.safepassage.enrollment.support.EnrollmentTestEnvironment;
import org.safepassage.enrollment.vault.SubjectVault;
import org.safepassage.service.api.ApiException;
import org.safepassage.service.db.Jdbc;

/**
 * Several enrollment instances behind one database (issue 13). The running application is one instance; the others
 * are {@link EnrollmentService}s and galleries built by hand here, each with its own templates in memory, its own
 * local lock and its own follower connection, over the same PostgreSQL and ledger. What they share is exactly what
 * separate processes would share: the database (advisory lock, gallery_change, NOTIFY) and the ledger.
 */
@QuarkusTest
@QuarkusTestResource(EnrollmentTestEnvironment.class)
class SeveralInstancesTest {
    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(5);

    @Inject
    SubjectVault vault;
    @Inject
    FpV1Commitments commitments;
    @Inject
    SubjectStore store;
    @Inject
    PhoneVerifications phones;
    @Inject
    RegistryLedger ledger;
    @Inject
    LedgerOutbox outbox;
    @Inject
    Referrals referrals;
    @Inject
    FingerprintUploads uploads;
    @Inject
    Jdbc jdbc;
    @Inject
    IrisEnrollments irises;
    @Inject
    IrisGallery irisGallery;
    @Inject
    GalleryChangePruning pruning;

    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private final List<EnrolledGallery> started = new ArrayList<>();
    private final AtomicBoolean online = new AtomicBoolean(true);

    @AfterEach
    void stopInstances() {
        started.forEach(SecondInstanceGallery::stop);
    }

    @Test
    void two_instances_enrolling_the_same_finger_at_once_make_one_subject_and_one_referral() throws Exception {
        final EnrollmentService first = instance(gallery());
        final EnrollmentService second = instance(gallery());
        // Each instance, once its unique check has passed, waits (up to 3 s) for the other to pass too before it
        // inserts. Under the shared lock the other cannot get there, so the wait runs out; without it, both pass.
        final CyclicBarrier bothPassed = new CyclicBarrier(2);
        final Runnable widenTheWindow = () -> {
            try {
                bothPassed.await(3, SECONDS);
            } catch (TimeoutException | BrokenBarrierException expectedUnderTheLock) {
                // the other instance is waiting for the lock, as it should
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        first.uniqueCheckPassed = widenTheWindow;
        second.uniqueCheckPassed = widenTheWindow;
        final EnrollmentRequest atFirst = child(50, "Ana-Instances", "+37360000501");
        final EnrollmentRequest atSecond = child(50, "Ana-Instances", "+37360000502");

        final CyclicBarrier go = new CyclicBarrier(2);
        final ExecutorService officers = Executors.newFixedThreadPool(2);
        try {
            final Future<Object> one = officers.submit(enrollment(first, atFirst, go));
            final Future<Object> other = officers.submit(enrollment(second, atSecond, go));
            final List<Object> outcomes = List.of(one.get(60, SECONDS), other.get(60, SECONDS));

            assertThat(outcomes).filteredOn(EnrollmentService.Enrolled.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(ApiException.class::isInstance).singleElement()
                    .extracting(refused -> ((ApiException) refused).reason()).isEqualTo(Reason.DUPLICATE_REFERRED);
        } finally {
            officers.shutdownNow();
        }
        assertThat(count("select count(*) from subject where request_id in (?, ?)", atFirst.requestId(),
                atSecond.requestId())).isEqualTo(1);
        assertThat(count("select count(*) from duplicate_referral where request_id in (?, ?)", atFirst.requestId(),
                atSecond.requestId())).isEqualTo(1);
    }

    @Test
    void an_enrollment_that_fails_under_the_lock_releases_it_with_its_rollback() {
        final EnrollmentService first = instance(gallery());
        final Map<String, Object> wrongPhone = Api.unverifiedGuardian("Guardian Locktest", "+37360000511");
        wrongPhone.put("verificationId", Api.verifiedPhone("+37360000512"));
        final EnrollmentRequest refused = json.convertValue(
                Api.child(newRequestId(), "Lia-Instances", 52, List.of(wrongPhone)), EnrollmentRequest.class);

        final ApiException failure = catchThrowableOfType(ApiException.class,
                () -> first.enroll(refused, "officer"));

        assertThat(failure.reason()).isEqualTo(Reason.PHONE_NOT_VERIFIED);
        assertThat(count("select count(*) from pg_locks where locktype = 'advisory'")).isZero();
        final EnrollmentService second = instance(gallery());
        assertThat(second.enroll(child(52, "Lia-Instances", "+37360000513"), "officer").created()).isTrue();
    }

    @Test
    void an_erasure_at_one_instance_is_gone_from_another_instances_identify_within_seconds() {
        final EnrolledGallery other = gallery();
        final String subjectId = as("officer")
                .body(Api.child(newRequestId(), "Eva-Instances", 53, List.of(guardian("Guardian Eva", "+37360000531"))))
                .post("/api/v1/subjects").then().statusCode(201).extract().path("subjectId");
        await().atMost(WITHIN_SECONDS).untilAsserted(() -> assertThat(identify(other, 53)).contains(subjectId));

        as("dpo").body(Map.of("subjectId", subjectId, "requestRef", "erasure-instances-" + subjectId))
                .post("/api/v1/erasures").then().statusCode(200);

        await().atMost(WITHIN_SECONDS).untilAsserted(() -> assertThat(identify(other, 53)).doesNotContain(subjectId));
        assertThat(other.contains(subjectId)).isFalse();
    }

    @Test
    void an_eye_enrolled_and_erased_at_one_instance_is_found_and_then_gone_at_another_instances_iris_gallery() {
        final IrisGallery other = SecondInstanceGallery.startIris(jdbc, vault);
        final IrisCode laterCapture = TestEyes.code(171, 1);
        assertThat(identifyByIris(other, laterCapture)).as("a fresh eye, before its enrollment").isEmpty();

        final String subjectId = as("officer")
                .body(Api.infant(newRequestId(), "Ilie-Instances", 4, Map.of("LEFT", 171),
                        List.of(guardian("Guardian Ilie", "+37360000571"))))
                .post("/api/v1/subjects").then().statusCode(201).extract().path("subjectId");
        await().atMost(WITHIN_SECONDS)
                .untilAsserted(() -> assertThat(identifyByIris(other, laterCapture)).contains(subjectId));
        assertThat(other.contains(subjectId)).isTrue();

        as("dpo").body(Map.of("subjectId", subjectId, "requestRef", "erasure-instances-" + subjectId))
                .post("/api/v1/erasures").then().statusCode(200);

        await().atMost(WITHIN_SECONDS)
                .untilAsserted(() -> assertThat(identifyByIris(other, laterCapture)).doesNotContain(subjectId));
        assertThat(other.contains(subjectId)).isFalse();
    }

    @Test
    void an_instance_that_lost_its_connection_catches_up_with_what_it_missed() {
        final EnrolledGallery other = gallery();
        cutOff(other);

        final String subjectId = as("officer")
                .body(Api.child(newRequestId(), "Ina-Instances", 54, List.of(guardian("Guardian Ina", "+37360000541"))))
                .post("/api/v1/subjects").then().statusCode(201).extract().path("subjectId");
        // Cut off, it cannot have heard of the enrollment: no notification reached it.
        assertThat(other.contains(subjectId)).isFalse();

        online.set(true);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(other.contains(subjectId)).isTrue());
        assertThat(identify(other, 54)).contains(subjectId);
    }

    @Test
    void pruning_deletes_the_changes_older_than_the_retention_and_keeps_the_recent_ones() {
        final String old = enroll("Rada-Instances", 57, "+37360000581");
        ageEveryChange();
        final String recent = enroll("Sara-Instances", 58, "+37360000582");

        assertThat(pruning.pruneOlderThan(Duration.ofHours(1))).isPositive();

        assertThat(count("select count(*) from gallery_change where subject_id = ?", old)).isZero();
        assertThat(count("select count(*) from gallery_change where changed_at < now() - interval '1 hour'")).isZero();
        assertThat(count("select count(*) from gallery_change where subject_id = ?", recent)).isPositive();
        assertThat(pruning.pruneOlderThan(Duration.ofHours(1))).as("nothing old left").isZero();
        // A gallery loaded now follows on from the pruned numbers and finds both.
        final EnrolledGallery other = gallery();
        assertThat(identify(other, 57)).contains(old);
        assertThat(identify(other, 58)).contains(recent);
    }

    @Test
    void an_instance_cut_off_longer_than_the_retention_reloads_its_gallery_and_misses_no_erasure() {
        final EnrolledGallery other = gallery();
        final String subjectId = enroll("Tea-Instances", 59, "+37360000591");
        await().atMost(WITHIN_SECONDS).until(() -> other.contains(subjectId));
        cutOff(other);
        as("dpo").body(Map.of("subjectId", subjectId, "requestRef", "erasure-instances-" + subjectId))
                .post("/api/v1/erasures").then().statusCode(200);
        ageEveryChange();
        pruning.pruneOlderThan(Duration.ofHours(1));
        assertThat(count("select count(*) from gallery_change where subject_id = ?", subjectId))
                .as("the erasure's change is pruned: no catch-up can read it").isZero();
        assertThat(other.contains(subjectId)).as("cut off, it has not heard of the erasure").isTrue();

        online.set(true);

        await().atMost(Duration.ofSeconds(10)).until(() -> !other.contains(subjectId));
        assertThat(identify(other, 59)).doesNotContain(subjectId);
    }

    @Test
    void an_iris_gallery_behind_the_retention_loads_again_and_finds_an_eye_enrolled_meanwhile() {
        final IrisGallery other = SecondInstanceGallery.startIris(jdbc, vault);
        final String subjectId = as("officer")
                .body(Api.infant(newRequestId(), "Iosif-Instances", 4, Map.of("LEFT", 181),
                        List.of(guardian("Guardian Iosif", "+37360000592"))))
                .post("/api/v1/subjects").then().statusCode(201).extract().path("subjectId");
        ageEveryChange();
        pruning.pruneOlderThan(Duration.ofHours(1));
        assertThat(count("select count(*) from gallery_change where subject_id = ?", subjectId)).isZero();

        assertThat(identifyByIris(other, TestEyes.code(181, 1))).contains(subjectId);
    }

    @Test
    void a_damaged_template_row_is_left_out_of_the_load_and_named_while_everyone_else_is_searchable() {
        final String damaged = enroll("Oda-Instances", 55, "+37360000551");
        final String intact = enroll("Pia-Instances", 56, "+37360000561");
        final byte[] original = jdbc.queryOne("select template from biometric where subject_id = ?",
                row -> row.getBytes(1), damaged).orElseThrow();
        // one bit of the sealed template flipped: its AES-GCM tag no longer verifies
        jdbc.update("update biometric set template = set_byte(template, 40, get_byte(template, 40) # 1) "
                + "where subject_id = ?", damaged);
        try {
            final EnrolledGallery other = gallery();

            assertThat(other.ready()).as("one damaged row must not keep every search waiting").isTrue();
            assertThat(other.unreadable()).containsExactly(damaged);
            assertThat(identify(other, 56)).contains(intact);
            assertThat(other.contains(damaged)).isFalse();
        } finally {
            jdbc.update("update biometric set template = ? where subject_id = ?", original, damaged);
        }
    }

    /* Cuts the gallery's follower off the database and waits until its connection is gone. */
    private void cutOff(final EnrolledGallery gallery) {
        final String follower = SecondInstanceGallery.followerName(gallery);
        final String listening = "select count(*) from pg_stat_activity where application_name = ? "
                + "and query = 'LISTEN gallery_change'";
        await().atMost(WITHIN_SECONDS).until(() -> count(listening, follower) == 1);
        online.set(false);
        assertThat(count("select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity "
                + "where application_name = ?) t", follower)).isOne();
        await().atMost(WITHIN_SECONDS).until(() -> count("select count(*) from pg_stat_activity "
                + "where application_name = ?", follower) == 0);
    }

    /* Every gallery change so far as if recorded two days ago, past any retention the tests prune with. */
    private void ageEveryChange() {
        jdbc.update("update gallery_change set changed_at = changed_at - interval '2 days'");
    }

    private String enroll(final String name, final int finger, final String phone) {
        return as("officer").body(Api.child(newRequestId(), name, finger, List.of(guardian("Guardian " + name, phone))))
                .post("/api/v1/subjects").then().statusCode(201).extract().path("subjectId");
    }

    private EnrolledGallery gallery() {
        final EnrolledGallery gallery = SecondInstanceGallery.start(jdbc, vault, online::get);
        started.add(gallery);
        return gallery;
    }

    private EnrollmentService instance(final EnrolledGallery gallery) {
        final SealedRecords sealed = new SealedRecords(vault);
        return new EnrollmentService(vault, commitments, store, gallery,
                new SubjectRegistration(store, vault, gallery, irises, irisGallery, ledger, outbox),
                new GuardianRecords(store, phones, sealed), sealed, outbox, referrals, uploads, irises, irisGallery,
                jdbc);
    }

    private EnrollmentRequest child(final int finger, final String name, final String phone) {
        return json.convertValue(Api.child(newRequestId(), name, finger, List.of(guardian("Guardian " + name, phone))),
                EnrollmentRequest.class);
    }

    private static Callable<Object> enrollment(final EnrollmentService instance, final EnrollmentRequest request,
            final CyclicBarrier go) {
        return () -> {
            go.await(30, SECONDS);
            try {
                return instance.enroll(request, "officer");
            } catch (ApiException refused) {
                return refused;
            }
        };
    }

    private List<String> identify(final EnrolledGallery gallery, final int finger) {
        return gallery.candidates(List.of(uploads.template("probe", TestImages.base64Png(finger, 1)))).stream()
                .map(MatchCandidate::subjectId).toList();
    }

    private static List<String> identifyByIris(final IrisGallery gallery, final IrisCode probe) {
        return gallery.candidates(List.of(probe)).stream().map(IrisGallery.IrisMatch::subjectId).toList();
    }

    private int count(final String sql, final Object... parameters) {
        return jdbc.queryOne(sql, row -> row.getInt(1), parameters).orElseThrow();
    }
}
