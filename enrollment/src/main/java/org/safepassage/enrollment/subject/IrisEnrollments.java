package org.safepassage.enrollment.subject;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.safepassage.chaincode.model.CommitmentScheme;
import org.safepassage.chaincode.model.ModalityCommitment;
import org.safepassage.enrollment.biometrics.iris.IrisCode;
import org.safepassage.enrollment.biometrics.iris.IrisEnrollment;
import org.safepassage.enrollment.biometrics.iris.IrisFcV1Commitments;
import org.safepassage.enrollment.gallery.IrisGallery;
import org.safepassage.enrollment.vault.SubjectVault;

/**
 * The iris part of an enrollment: each eye's image through the quality gate, its own {@code iris-fc-v1} key, salt,
 * helper data and commitment (two eyes are two independent commitments, so the helper data of one says nothing about
 * the other's key), and the sealed rows of the {@code iris} table.
 */
@ApplicationScoped
public class IrisEnrollments {
    private final IrisUploads uploads;
    private final IrisFcV1Commitments commitments;
    private final SubjectVault vault;
    private final SubjectStore store;

    IrisEnrollments(final IrisUploads uploads, final IrisFcV1Commitments commitments, final SubjectVault vault,
            final SubjectStore store) {
        this.uploads = uploads;
        this.commitments = commitments;
        this.vault = vault;
        this.store = store;
    }

    /** The eyes of one enrollment, captured and committed, before anything is written. */
    public record Eyes(Map<Eye, IrisCode> codes, Map<Eye, IrisEnrollment> enrollments) {
        public Eyes {
            codes = Collections.unmodifiableMap(copy(codes));
            enrollments = Collections.unmodifiableMap(copy(enrollments));
        }

        private static <V> Map<Eye, V> copy(final Map<Eye, V> values) {
            final Map<Eye, V> copy = new EnumMap<>(Eye.class);
            copy.putAll(values);
            return copy;
        }

        public boolean isEmpty() {
            return codes.isEmpty();
        }

        public List<IrisCode> probes() {
            return new ArrayList<>(codes.values());
        }

        /** The first eye's enrollment (left before right): the primary commitment of an irises-only subject. */
        public IrisEnrollment first() {
            return enrollments.values().iterator().next();
        }
    }

    /** Checks every image and commits each eye (one Argon2id each); a rejected image is a 422 naming the eye. */
    public Eyes capture(final List<IrisInput> irises) {
        final Map<Eye, IrisCode> codes = new EnumMap<>(Eye.class);
        for (final IrisInput input : irises) {
            codes.put(input.eye(), uploads.capture(input.eye().name(), input.image()).code());
        }
        final Map<Eye, IrisEnrollment> enrollments = new EnumMap<>(Eye.class);
        codes.forEach((eye, code) -> enrollments.put(eye, commitments.enroll(code)));
        return new Eyes(codes, enrollments);
    }

    /** Seals and writes each eye's row. Must run inside the caller's transaction, after the subject's key exists. */
    public void store(final String subjectId, final Eyes eyes) {
        eyes.enrollments().forEach((eye, enrollment) -> store.insertIris(new StoredIris(subjectId, eye,
                vault.encrypt(subjectId, IrisGallery.field(eye, IrisGallery.Part.CODE),
                        IrisGallery.encode(eyes.codes().get(eye))),
                vault.encrypt(subjectId, IrisGallery.field(eye, IrisGallery.Part.HELPER),
                        enrollment.helperData().toBytes()),
                vault.encrypt(subjectId, IrisGallery.field(eye, IrisGallery.Part.SALT),
                        enrollment.salted().salt().bytes()),
                enrollment.salted().commitment().value(), enrollment.salted().commitment().pepperId())));
    }

    /**
     * The commitments the ledger holds beside the primary one: every eye's, except the one that is the primary
     * (an irises-only subject's first eye).
     */
    public List<ModalityCommitment> additional(final String subjectId, final String primaryCommitment) {
        final List<ModalityCommitment> additional = new ArrayList<>();
        for (final StoredIris iris : store.irises(subjectId)) {
            if (!iris.commitment().equals(primaryCommitment)) {
                additional.add(new ModalityCommitment(CommitmentScheme.IRIS_FC_V1, iris.commitment()));
            }
        }
        return additional;
    }
}
