package org.safepassage.enrollment.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.enrollment.biometrics.FingerprintTemplateBytes;
import org.safepassage.enrollment.biometrics.MatchCandidate;
import org.safepassage.enrollment.biometrics.SyntheticIsoTemplates;
import org.safepassage.enrollment.subject.SealedRecords;
import org.safepassage.enrollment.subject.SubjectStore;
import org.safepassage.enrollment.support.EnrollmentTestEnvironment;
import org.safepassage.enrollment.vault.SubjectVault;
import org.safepassage.service.db.Jdbc;

/**
 * The index's snapshot across restarts of one instance (the index on, short lists of a few entries): a restart
 * hashes only the templates that changed since, finds what it found before, and a snapshot that does not open is
 * rebuilt from the templates, never trusted.
 */
@QuarkusTest
@QuarkusTestResource(EnrollmentTestEnvironment.class)
class IndexSnapshotTest {
    /** Finger seeds no other test enrolls. */
    private static final long FIRST_SEED = 9_150_000L;
    private static final int FINGERS = 30;
    private static final int SHORTLIST = 5;

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

    @TempDir
    Path snapshots;

    @Test
    void a_restart_hashes_only_what_changed_finds_what_it_found_and_rebuilds_from_a_damaged_snapshot()
            throws IOException {
        final SyntheticGallery synthetic = new SyntheticGallery(gallery, store, vault, sealed, true);
        final List<byte[]> records = LongStream.range(0, FINGERS).mapToObj(i -> SyntheticIsoTemplates.enrolled(
                FIRST_SEED + i)).toList();
        synthetic.add(records);
        final List<FingerprintTemplateBytes> probes = records.stream().map(FingerprintTemplateBytes::fromIso).toList();

        // First start: no snapshot, every template hashed, the snapshot written.
        final EnrolledGallery first = SecondInstanceGallery.startIndexed(jdbc, vault, snapshots, SHORTLIST);
        final List<List<MatchCandidate>> before;
        final int size;
        try {
            size = first.size();
            assertThat(size).isGreaterThan(SHORTLIST * 2);
            assertThat(SecondInstanceGallery.rehashed(first)).isEqualTo(size);
            // In step with the gallery, so every search below is narrowed to a short list of SHORTLIST.
            assertThat(first.indexStatistics().entries()).isEqualTo(size);
            assertThat(snapshots.resolve(IndexSnapshot.FILE_NAME)).exists();
            before = answers(first, probes);
            assertThat(before).allSatisfy(found -> assertThat(found).isNotEmpty());
        } finally {
            SecondInstanceGallery.stop(first);
        }

        // After the snapshot: one finger enrolled, one erased (its row gone).
        final byte[] later = SyntheticIsoTemplates.enrolled(FIRST_SEED + FINGERS);
        synthetic.add(List.of(later));
        final String erased = before.get(0).get(0).subjectId();
        jdbc.update("delete from biometric where subject_id = ?", erased);

        // Restart: only the new template is hashed; the erased one is gone; the rest answer as before.
        final EnrolledGallery second = SecondInstanceGallery.startIndexed(jdbc, vault, snapshots, SHORTLIST);
        try {
            assertThat(second.size()).isEqualTo(size);
            assertThat(SecondInstanceGallery.rehashed(second)).isEqualTo(1);
            assertThat(second.indexStatistics().entries()).isEqualTo(size);
            final List<List<MatchCandidate>> after = answers(second, probes);
            assertThat(after.get(0)).extracting(MatchCandidate::subjectId).doesNotContain(erased);
            assertThat(after.subList(1, FINGERS)).isEqualTo(before.subList(1, FINGERS));
            assertThat(second.candidates(List.of(FingerprintTemplateBytes.fromIso(later)))).isNotEmpty();
        } finally {
            SecondInstanceGallery.stop(second);
        }

        // A damaged snapshot (one byte changed inside a sealed chunk) is not read: everything is hashed again.
        final Path file = snapshots.resolve(IndexSnapshot.FILE_NAME);
        try (RandomAccessFile damaged = new RandomAccessFile(file.toFile(), "rw")) {
            damaged.seek(damaged.length() / 2);
            final int b = damaged.read();
            damaged.seek(damaged.length() / 2);
            damaged.write(b ^ 0x40);
        }
        final EnrolledGallery third = SecondInstanceGallery.startIndexed(jdbc, vault, snapshots, SHORTLIST);
        try {
            assertThat(SecondInstanceGallery.rehashed(third)).isEqualTo(third.size());
            assertThat(answers(third, probes).subList(1, FINGERS)).isEqualTo(before.subList(1, FINGERS));
            // An erasure crypto-erases the snapshot at once: no copy of an erased subject's index entries remains.
            assertThat(file).exists();
            third.remove(before.get(1).get(0).subjectId());
            assertThat(Files.exists(file)).isFalse();
        } finally {
            SecondInstanceGallery.stop(third);
        }
        // Its shutdown sealed the index again, without the erased subject, under a fresh key; erased here in turn.
        assertThat(file).exists();
        new IndexSnapshot(snapshots, vault).forget();
        assertThat(Files.exists(file)).isFalse();
    }

    private static List<List<MatchCandidate>> answers(final EnrolledGallery gallery,
            final List<FingerprintTemplateBytes> probes) {
        final List<List<MatchCandidate>> answers = new ArrayList<>();
        for (final FingerprintTemplateBytes probe : probes) {
            answers.add(gallery.candidates(List.of(probe)));
        }
        return answers;
    }
}
