package org.safepassage.enrollment.subject;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safepassage.chaincode.model.Guardians;
import org.safepassage.service.api.ApiException;

/**
 * Everything an officer submits to enroll one person.
 *
 * @param requestId the officer's idempotency key: a retry with the same id and body returns the first answer
 * @param photo optional face photo, JPEG or PNG, base64
 * @param approvalQuorum how many verified guardians must approve a crossing (M of N)
 * @param fingerprints 0-10 fingers; at least one from age 6 ({@link Modalities})
 * @param irises 0-2 eyes; at least one under age 6 ({@link Modalities})
 */
public record EnrollmentRequest(
        @Schema(required = true, pattern = Fields.REQUEST_ID_PATTERN, examples = "enrol-2026-000123") String requestId,
        @Schema(required = true) PersonalData person,
        @Schema(format = "byte", description = "JPEG or PNG, base64") String photo,
        @Schema(maxItems = Guardians.MAX_GUARDIANS, description = "no two with the same phone number")
                List<GuardianInput> guardians,
        @Schema(required = true, minimum = "0", description = "at most the number of guardians") Integer approvalQuorum,
        @Schema(required = true) Consent consent,
        @Schema(maxItems = EnrollmentRequest.MAX_FINGERPRINTS,
                description = "each finger at most once; at least one from age 6 unless irises are given")
                List<FingerprintInput> fingerprints,
        @Schema(maxItems = Modalities.MAX_IRISES,
                description = "each eye at most once; at least one under age 6")
                @JsonInclude(JsonInclude.Include.NON_EMPTY) List<IrisInput> irises) {
    public static final int MAX_FINGERPRINTS = 10;

    /** A fingerprint-only enrollment, as every enrollment was before the iris. */
    public EnrollmentRequest(final String requestId, final PersonalData person, final String photo,
            final List<GuardianInput> guardians, final Integer approvalQuorum, final Consent consent,
            final List<FingerprintInput> fingerprints) {
        this(requestId, person, photo, guardians, approvalQuorum, consent, fingerprints, null);
    }

    public EnrollmentRequest {
        Fields.requestId("requestId", requestId);
        Fields.present("person", person);
        Fields.present("consent", consent);
        guardians = guardians == null ? List.of() : List.copyOf(guardians);
        if (guardians.size() > Guardians.MAX_GUARDIANS) {
            throw ApiException.invalid("guardians", "at most " + Guardians.MAX_GUARDIANS);
        }
        if (guardians.stream().map(GuardianInput::phoneNumber).distinct().count() != guardians.size()) {
            throw ApiException.invalid("guardians", "two guardians share a phone number");
        }
        Fields.present("approvalQuorum", approvalQuorum);
        if (approvalQuorum < 0 || approvalQuorum > guardians.size()) {
            throw ApiException.invalid("approvalQuorum", "must be between 0 and the number of guardians");
        }
        fingerprints = fingerprints == null ? List.of() : List.copyOf(fingerprints);
        if (fingerprints.size() > MAX_FINGERPRINTS) {
            throw ApiException.invalid("fingerprints", "at most " + MAX_FINGERPRINTS + " fingers");
        }
        final Set<Finger> seen = new HashSet<>();
        for (FingerprintInput fingerprint : fingerprints) {
            if (!seen.add(fingerprint.finger())) {
                throw ApiException.invalid("fingerprints", fingerprint.finger() + " given twice");
            }
        }
        irises = irises == null ? List.of() : List.copyOf(irises);
        if (irises.size() > Modalities.MAX_IRISES) {
            throw ApiException.invalid("irises", "at most one image per eye");
        }
        final Set<Eye> eyes = new HashSet<>();
        for (IrisInput iris : irises) {
            if (!eyes.add(iris.eye())) {
                throw ApiException.invalid("irises", iris.eye() + " given twice");
            }
        }
        Modalities.check(person.birthDate(), fingerprints, irises, LocalDate.now(ZoneOffset.UTC));
    }
}
