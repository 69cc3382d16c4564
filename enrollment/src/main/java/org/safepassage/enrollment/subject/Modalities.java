package org.safepassage.enrollment.subject;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.safepassage.service.api.ApiException;
import org.safepassage.enrollment.api.Reason;

/**
 * Which biometrics an enrollment must carry, by age at enrollment: the documented default (docs/enrollment.md).
 *
 * <p>Fingerprints are recognised reliably from about age six (the EU's studies for Eurodac, whose minimum age is 6);
 * the iris can be imaged much earlier. So a child under {@value #IRIS_ONLY_BELOW_AGE} must give at least one iris and
 * may add fingers; anyone older must give at least one finger and may add irises. Either way both modalities are
 * accepted, and every one given is deduplicated.
 */
public final class Modalities {
    /** Below this age (in whole years at enrollment) irises are required; from it, fingers. */
    public static final int IRIS_ONLY_BELOW_AGE = 6;
    /** At most one image per eye. */
    public static final int MAX_IRISES = 2; // one per Eye; a constant, as the OpenAPI annotations need

    private Modalities() {}

    /** Refuses an enrollment whose biometrics do not meet the default for the person's age. */
    static void check(final LocalDate birthDate, final List<FingerprintInput> fingerprints,
            final List<IrisInput> irises, final LocalDate today) {
        final int age = Period.between(birthDate, today).getYears();
        if (age < IRIS_ONLY_BELOW_AGE && irises.isEmpty()) {
            throw new ApiException(Reason.BIOMETRICS_REQUIRED, "a child under " + IRIS_ONLY_BELOW_AGE
                    + " is enrolled by iris: at least one eye is required (fingers are optional)",
                    Map.of("required", "IRIS", "irisOnlyBelowAge", IRIS_ONLY_BELOW_AGE, "ageYears", age));
        }
        if (age >= IRIS_ONLY_BELOW_AGE && fingerprints.isEmpty()) {
            throw new ApiException(Reason.BIOMETRICS_REQUIRED, "from age " + IRIS_ONLY_BELOW_AGE
                    + " at least one finger is required (irises are optional)",
                    Map.of("required", "FINGERPRINT", "irisOnlyBelowAge", IRIS_ONLY_BELOW_AGE, "ageYears", age));
        }
    }
}
