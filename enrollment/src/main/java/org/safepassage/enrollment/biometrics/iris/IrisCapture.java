package org.safepassage.enrollment.biometrics.iris;

import java.util.Locale;
import java.util.Objects;

/**
 * Turns a near-infrared eye image (8-bit greyscale PNG or JPEG, 640 x 480 as ISO/IEC 19794-6 / 39794-6 VGA captures)
 * into an IrisCode, or refuses it with a machine-readable {@link IrisRejectionReason}.
 *
 * <p>Pipeline: decode (in memory only) → segment pupil, limbus, eyelids, lashes and reflections
 * ({@link IrisSegmenter}) → quality gate ({@link IrisQualityPolicy}) → Daugman rubber sheet ({@link RubberSheet}) →
 * Gabor phase code ({@link IrisEncoder}). Checks run cheapest and most fundamental first, so the reason given is the
 * first thing the officer must fix.
 *
 * <p>Thread-safe (no mutable state). About 20 ms per image on one core (up to 0.15 s); see docs/performance.md.
 */
public final class IrisCapture {
    private final IrisQualityPolicy policy;

    private IrisCapture(final IrisQualityPolicy policy) {
        this.policy = policy;
    }

    /**
     * A capture with the default quality policy.
     *
     * @return the capture
     */
    public static IrisCapture withDefaults() {
        return new IrisCapture(IrisQualityPolicy.defaults());
    }

    /**
     * A capture with the given quality policy.
     *
     * @param policy the limits
     * @return the capture
     * @throws NullPointerException if {@code policy} is {@code null}
     */
    public static IrisCapture with(final IrisQualityPolicy policy) {
        return new IrisCapture(Objects.requireNonNull(policy, "policy"));
    }

    /**
     * Checks and encodes one image.
     *
     * @param image the file bytes
     * @return accepted with the code and the measured quality, or rejected with a reason and detail
     * @throws NullPointerException if {@code image} is {@code null}
     */
    public IrisCaptureResult capture(final byte[] image) {
        Objects.requireNonNull(image, "image");
        try {
            final EyeImage eye = IrisImageDecoder.decode(image, policy.maxFileBytes());
            final Segmentation segmentation = IrisSegmenter.segment(eye);
            final IrisQuality quality = measure(eye, segmentation);
            check(eye, segmentation, quality);
            return new IrisCaptureResult.Accepted(
                    IrisEncoder.encode(RubberSheet.unwrap(eye, segmentation)), quality);
        } catch (IrisImageDecoder.Rejection rejection) {
            return new IrisCaptureResult.Rejected(rejection.reason(), rejection.getMessage());
        }
    }

    private void check(final EyeImage eye, final Segmentation segmentation, final IrisQuality quality)
            throws IrisImageDecoder.Rejection {
        final Circle iris = segmentation.iris();
        if (iris.x() - iris.r() < 0 || iris.y() - iris.r() < 0 || iris.x() + iris.r() > eye.width() - 1
                || iris.y() + iris.r() > eye.height() - 1) {
            reject(IrisRejectionReason.IRIS_NOT_IN_FRAME, "iris circle (%.0f, %.0f, r %.0f) runs off the image",
                    iris.x(), iris.y(), iris.r());
        }
        if (quality.concentricity() > policy.maxConcentricity()) {
            reject(IrisRejectionReason.GAZE_OFF_AXIS, "pupil is %.2f iris radii off the iris centre; at most %.2f",
                    quality.concentricity(), policy.maxConcentricity());
        }
        if (quality.irisDiameter() < policy.minIrisDiameter()) {
            reject(IrisRejectionReason.IRIS_TOO_SMALL, "iris diameter %.0f px; at least %.0f",
                    quality.irisDiameter(), policy.minIrisDiameter());
        }
        if (quality.pupilIrisRatio() < policy.minPupilIrisRatio()
                || quality.pupilIrisRatio() > policy.maxPupilIrisRatio()) {
            reject(IrisRejectionReason.PUPIL_IRIS_RATIO_OUT_OF_RANGE, "pupil-to-iris ratio %.2f; %.2f to %.2f",
                    quality.pupilIrisRatio(), policy.minPupilIrisRatio(), policy.maxPupilIrisRatio());
        }
        if (quality.eyelidOcclusion() > policy.maxEyelidOcclusion()) {
            reject(IrisRejectionReason.IRIS_OCCLUDED, "eyelids cover %.0f%% of the iris; at most %.0f%%",
                    100 * quality.eyelidOcclusion(), 100 * policy.maxEyelidOcclusion());
        }
        if (quality.usableIrisArea() < policy.minUsableIrisArea()) {
            reject(IrisRejectionReason.USABLE_IRIS_AREA_TOO_SMALL, "%.0f%% of the iris is usable; at least %.0f%%",
                    100 * quality.usableIrisArea(), 100 * policy.minUsableIrisArea());
        }
        if (quality.focus() < policy.minFocus()) {
            reject(IrisRejectionReason.OUT_OF_FOCUS, "iris texture sharpness %.1f; at least %.1f", quality.focus(),
                    policy.minFocus());
        }
    }

    private static void reject(final IrisRejectionReason reason, final String format, final Object... args)
            throws IrisImageDecoder.Rejection {
        throw new IrisImageDecoder.Rejection(reason, String.format(Locale.ROOT, format, args));
    }

    /**
     * Measures the annulus between the two boundaries pixel by pixel. Focus is the RMS of a band-pass (3 x 3 box minus
     * 9 x 9 box, a cheap stand-in for Daugman's 8 x 8 focus kernel) over usable iris pixels: defocus removes exactly
     * the fine texture this band holds, while pixel noise is mostly averaged out by the 3 x 3 box.
     */
    static IrisQuality measure(final EyeImage eye, final Segmentation segmentation) {
        final Circle pupil = segmentation.pupil();
        final Circle iris = segmentation.iris();
        final EyeImage fine = eye.boxFiltered(1);
        final EyeImage coarse = eye.boxFiltered(4);
        int annulus = 0;
        int eyelid = 0;
        int usable = 0;
        double energy = 0;
        for (int y = (int) (iris.y() - iris.r()); y <= iris.y() + iris.r(); y++) {
            for (int x = (int) (iris.x() - iris.r()); x <= iris.x() + iris.r(); x++) {
                if (!iris.contains(x, y) || pupil.contains(x, y)) {
                    continue;
                }
                annulus++;
                if (x < 0 || y < 0 || x >= eye.width() || y >= eye.height()) {
                    continue;
                }
                if (segmentation.behindEyelid(x, y)) {
                    eyelid++;
                    continue;
                }
                if (segmentation.noise()[y * eye.width() + x]) {
                    continue;
                }
                usable++;
                final double band = fine.at(x, y) - coarse.at(x, y);
                energy += band * band;
            }
        }
        final double dx = pupil.x() - iris.x();
        final double dy = pupil.y() - iris.y();
        return new IrisQuality(2 * iris.r(), pupil.r() / iris.r(), Math.sqrt(dx * dx + dy * dy) / iris.r(),
                annulus == 0 ? 1 : (double) eyelid / annulus, annulus == 0 ? 0 : (double) usable / annulus,
                usable == 0 ? 0 : Math.sqrt(energy / usable));
    }
}
