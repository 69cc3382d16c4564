package org.safepassage.enrollment.subject;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.Map;
import org.safepassage.chaincode.model.Guardians;
import org.safepassage.chaincode.model.ProtectionClass;
import org.safepassage.enrollment.api.Reason;
import org.safepassage.service.api.ApiException;
import org.safepassage.service.image.ImageFormat;

/**
 * The rules an enrollment is checked by before anything is written: who counts as a minor and until when consent is
 * needed, the guardians' quorum (the ledger's rule, over the verified guardians), the photo, and the digest that
 * tells a replayed request from a different one under the same request id.
 */
final class EnrollmentRules {
    static final int ADULT_AGE = 18;
    static final int MAX_PHOTO_BYTES = 2 * 1024 * 1024;

    private EnrollmentRules() {}

    /** A minor until the 18th birthday; anyone older is enrolled as a survivor. */
    static ProtectionClass protection(final LocalDate birthDate, final LocalDate today) {
        return Period.between(birthDate, today).getYears() < ADULT_AGE ? ProtectionClass.MINOR
                : ProtectionClass.SURVIVOR;
    }

    /** For a minor, the last month before the 18th birthday: consent is needed until then. Null for an adult. */
    static YearMonth consentUntil(final ProtectionClass protection, final LocalDate birthDate) {
        return protection == ProtectionClass.MINOR ? YearMonth.from(birthDate.plusYears(ADULT_AGE).minusDays(1)) : null;
    }

    /* The ledger's quorum rule (Guardians), over the guardians who can be asked: those with a verified phone. */
    static void checkQuorum(final ProtectionClass protection, final int verified, final int quorum) {
        Guardians.quorumProblem(protection, verified, quorum).ifPresent(problem -> {
            throw new ApiException(Reason.GUARDIAN_NOT_VERIFIED, problem + " with a verified phone number ("
                    + verified + " verified, approvalQuorum " + quorum + ")", Map.of("verified", verified));
        });
    }

    /** The photo's bytes: base64 within the size limit, a JPEG or a PNG. */
    static byte[] photo(final String base64) {
        final byte[] photo = Fields.base64("photo", base64, MAX_PHOTO_BYTES);
        if (!ImageFormat.isPhoto(photo)) {
            throw new ApiException(Reason.PHOTO_REJECTED, "photo: not a JPEG or PNG image");
        }
        return photo;
    }

    /** SHA-256 of the request's canonical JSON. */
    static byte[] digest(final EnrollmentRequest request) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(SealedRecords.CANONICAL.writeValueAsBytes(request));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot digest the request", e);
        }
    }
}
