package org.safepassage.enrollment.biometrics.iris;

/**
 * Limits of the iris quality gate.
 *
 * @param maxFileBytes largest upload decoded
 * @param minIrisDiameter smallest limbus diameter in pixels (ISO/IEC 29794-6 asks for at least 150; 200 is good)
 * @param minPupilIrisRatio smallest pupil-to-iris radius ratio
 * @param maxPupilIrisRatio largest pupil-to-iris radius ratio
 * @param maxConcentricity largest pupil-to-iris centre offset, as a fraction of the iris radius
 * @param maxEyelidOcclusion largest fraction of the iris behind the eyelids
 * @param minUsableIrisArea smallest fraction of the iris left after all masks (ISO/IEC 29794-6 recommends 0.7)
 * @param minFocus smallest band-pass energy of the iris texture
 */
public record IrisQualityPolicy(int maxFileBytes, double minIrisDiameter, double minPupilIrisRatio,
        double maxPupilIrisRatio, double maxConcentricity, double maxEyelidOcclusion, double minUsableIrisArea,
        double minFocus) {
    /**
     * The defaults: ISO/IEC 29794-6's ranges where it gives one; the concentricity, occlusion and focus limits were
     * set on the synthetic images (docs/biometrics.md) and must be re-set on an agency's own captures.
     *
     * @return the default policy
     */
    public static IrisQualityPolicy defaults() {
        return new IrisQualityPolicy(4 << 20, 150, 0.2, 0.7, 0.2, 0.4, 0.6, 4.0);
    }
}
