package org.safepassage.enrollment.biometrics.iris;

/**
 * Finds pupil, limbus, eyelids, lashes and reflections in a near-infrared eye image.
 *
 * <p>Boundaries use Daugman's integro-differential operator (Daugman 1993, "High confidence visual recognition of
 * persons by a test of statistical independence", IEEE PAMI 15(11); 2004, IEEE TCSVT 14(1)): the circle (x, y, r)
 * where the blurred radial derivative of the mean grey level along the circle is largest. The pupil search starts at
 * the darkest 21 x 21 neighbourhood; the limbus is searched on the two lateral arcs only, because eyelids usually cover
 * its top and bottom (as in Masek 2003 and OSIRIS). Eyelids are found the same way with parabolic arcs instead of
 * circles (Daugman's arcuate contour). Eyelashes are masked by a grey-level threshold between pupil and iris, specular
 * reflections by saturation, as Masek and Kong and Zhang (2001) do.
 */
final class IrisSegmenter {
    private static final int SAMPLES = 48;
    private static final double[] COS = new double[SAMPLES];
    private static final double[] SIN = new double[SAMPLES];
    /* The lateral arcs for the limbus: -20° to +35° and 145° to 200° (y down, so positive angles are below). */
    private static final int ARC_SAMPLES = 24;
    private static final double[] ARC_COS = new double[2 * ARC_SAMPLES];
    private static final double[] ARC_SIN = new double[2 * ARC_SAMPLES];

    static {
        for (int i = 0; i < SAMPLES; i++) {
            COS[i] = Math.cos(2 * Math.PI * i / SAMPLES);
            SIN[i] = Math.sin(2 * Math.PI * i / SAMPLES);
        }
        for (int i = 0; i < ARC_SAMPLES; i++) {
            final double right = Math.toRadians(-20 + 55.0 * i / (ARC_SAMPLES - 1));
            final double left = Math.toRadians(145 + 55.0 * i / (ARC_SAMPLES - 1));
            ARC_COS[i] = Math.cos(right);
            ARC_SIN[i] = Math.sin(right);
            ARC_COS[ARC_SAMPLES + i] = Math.cos(left);
            ARC_SIN[ARC_SAMPLES + i] = Math.sin(left);
        }
    }

    private IrisSegmenter() {}

    static Segmentation segment(final EyeImage image) throws IrisImageDecoder.Rejection {
        final EyeImage smooth = image.boxFiltered(2);
        final boolean[] glare = glare(image);
        final Circle pupil = pupil(image, smooth, glare);
        final Circle iris = limbus(image, smooth, glare, pupil);
        final double irisLevel = lateralIrisMedian(image, pupil, iris);
        final double[] upperFit = eyelid(smooth, pupil, iris, irisLevel, true);
        final double[] lowerFit = eyelid(smooth, pupil, iris, irisLevel, false);
        final boolean[] noise = noise(image, glare, pupil, iris, irisLevel);
        return new Segmentation(pupil, iris, upperFit[0], upperFit[1], lowerFit[0], lowerFit[1], noise);
    }

    /**
     * Specular reflections and their halo: pixels from grey level 200, grown by 4 pixels. The halo matters: blurred,
     * a reflection's rim is no longer saturated but still far brighter than iris or pupil, and on a circle it looks
     * like an edge.
     */
    private static boolean[] glare(final EyeImage image) {
        final int width = image.width();
        final int height = image.height();
        final boolean[] glare = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (image.at(x, y) < 200) {
                    continue;
                }
                for (int dy = Math.max(0, y - 4); dy <= Math.min(height - 1, y + 4); dy++) {
                    for (int dx = Math.max(0, x - 4); dx <= Math.min(width - 1, x + 4); dx++) {
                        glare[dy * width + dx] = true;
                    }
                }
            }
        }
        return glare;
    }

    private static Circle pupil(final EyeImage image, final EyeImage smooth, final boolean[] glare) throws IrisImageDecoder.Rejection {
        final EyeImage coarse = image.boxFiltered(10);
        int bestX = -1;
        int bestY = -1;
        int darkest = Integer.MAX_VALUE;
        for (int y = 40; y < image.height() - 40; y += 2) {
            for (int x = 40; x < image.width() - 40; x += 2) {
                if (coarse.at(x, y) < darkest) {
                    darkest = coarse.at(x, y);
                    bestX = x;
                    bestY = y;
                }
            }
        }
        if (darkest > 90) {
            throw new IrisImageDecoder.Rejection(IrisRejectionReason.IRIS_NOT_FOUND, "no pupil: the darkest region"
                    + " has grey level " + darkest);
        }
        // Any 21 x 21 window inside a large pupil is equally dark, so the darkest one can sit anywhere in it: start
        // from the centroid of the dark windows near it instead, which lashes (thin) do not reach.
        long sumX = 0;
        long sumY = 0;
        int count = 0;
        for (int y = Math.max(0, bestY - 120); y < Math.min(image.height(), bestY + 120); y += 2) {
            for (int x = Math.max(0, bestX - 120); x < Math.min(image.width(), bestX + 120); x += 2) {
                if (coarse.at(x, y) <= darkest + 15) {
                    sumX += x;
                    sumY += y;
                    count++;
                }
            }
        }
        final int startX = (int) (sumX / count);
        final int startY = (int) (sumY / count);
        double best = 0;
        Circle found = null;
        for (int cy = startY - 6; cy <= startY + 6; cy++) {
            for (int cx = startX - 6; cx <= startX + 6; cx++) {
                final double[] means = circleMeans(smooth, glare, cx, cy, 8, 104, COS, SIN);
                for (int r = 12; r <= 100; r++) {
                    // The inside must still be pupil-dark, or this is the limbus seen from the pupil's centre.
                    if (means[r - 8 - 3] > darkest + 35) {
                        break;
                    }
                    final double edge = means[r - 8 + 2] - means[r - 8 - 2];
                    if (edge > best) {
                        best = edge;
                        found = new Circle(cx, cy, r);
                    }
                }
            }
        }
        if (found == null || best < 20) {
            throw new IrisImageDecoder.Rejection(IrisRejectionReason.IRIS_NOT_FOUND, "no pupil boundary: strongest"
                    + " circular edge " + Math.round(best) + " grey levels");
        }
        return found;
    }

    private static Circle limbus(final EyeImage image, final EyeImage smooth, final boolean[] glare,
            final Circle pupil)
            throws IrisImageDecoder.Rejection {
        final int rMin = (int) pupil.r() + 10;
        final int rMax = 200;
        double best = 0;
        Circle found = null;
        for (int step = 2; step >= 1; step--) {
            final int x0 = found == null ? (int) pupil.x() : (int) found.x();
            final int y0 = found == null ? (int) pupil.y() : (int) found.y();
            final int span = step == 2 ? 14 : 2;
            for (int cy = y0 - span; cy <= y0 + span; cy += step) {
                for (int cx = x0 - span; cx <= x0 + span; cx += step) {
                    final double[] means = circleMeans(smooth, glare, cx, cy, rMin - 5, rMax + 5, ARC_COS, ARC_SIN);
                    for (int r = rMin; r <= rMax; r++) {
                        final double edge = means[r - rMin + 5 + 4] - means[r - rMin + 5 - 4];
                        if (edge > best) {
                            best = edge;
                            found = new Circle(cx, cy, r);
                        }
                    }
                }
            }
        }
        if (found == null || best < 12) {
            throw new IrisImageDecoder.Rejection(IrisRejectionReason.IRIS_NOT_FOUND, "no limbus boundary: strongest"
                    + " circular edge " + Math.round(best) + " grey levels");
        }
        return found;
    }

    /**
     * Mean smoothed grey level on circles of radius rFrom..rTo around (cx, cy) over the given directions, skipping
     * points off the image and saturated reflections; NaN-free: a radius with no usable point repeats the previous mean.
     */
    private static double[] circleMeans(final EyeImage smooth, final boolean[] glare, final int cx, final int cy,
            final int rFrom, final int rTo, final double[] cos, final double[] sin) {
        final double[] means = new double[rTo - rFrom + 1];
        double previous = 255;
        for (int r = rFrom; r <= rTo; r++) {
            long sum = 0;
            int count = 0;
            for (int i = 0; i < cos.length; i++) {
                final int x = (int) Math.round(cx + r * cos[i]);
                final int y = (int) Math.round(cy + r * sin[i]);
                if (x < 0 || y < 0 || x >= smooth.width() || y >= smooth.height() || glare[y * smooth.width() + x]) {
                    continue;
                }
                sum += smooth.at(x, y);
                count++;
            }
            previous = count * 3 < cos.length ? previous : (double) sum / count;
            means[r - rFrom] = previous;
        }
        return means;
    }

    /**
     * Fits an eyelid parabola crossing the iris: {apex, curvature}. When no arc has a clear edge the apex lies
     * outside the iris.
     */
    private static double[] eyelid(final EyeImage smooth, final Circle pupil, final Circle iris,
            final double irisLevel, final boolean upper) {
        final double[] curvatures = {0, 0.0015, 0.003, 0.0045, 0.006};
        double best = 0;
        double bestApex = upper ? iris.y() - iris.r() - 1 : iris.y() + iris.r() + 1;
        double bestCurvature = 0;
        final double sign = upper ? 1 : -1;
        final double from = upper ? iris.y() - iris.r() : iris.y() + pupil.r() * 0.5;
        final double to = upper ? iris.y() + pupil.r() * 0.5 : iris.y() + iris.r();
        final Circle inner = new Circle(iris.x(), iris.y(), iris.r() - 3);
        final Circle pupilZone = new Circle(pupil.x(), pupil.y(), pupil.r() + 4);
        for (double apex = from; apex <= to; apex += 1) {
            for (final double curvature : curvatures) {
                double sum = 0;
                double outside = 0;
                int count = 0;
                for (double x = iris.x() - iris.r(); x <= iris.x() + iris.r(); x += 2) {
                    final double dx = x - iris.x();
                    final double y = apex + sign * curvature * dx * dx;
                    final double yOut = y - sign * 3;
                    final double yIn = y + sign * 3;
                    if (!inner.contains(x, yOut) || !inner.contains(x, yIn) || pupilZone.contains(x, yOut)
                            || pupilZone.contains(x, yIn)) {
                        continue;
                    }
                    // Eyelid skin (outside the arc) is brighter than iris (inside it) in near-infrared.
                    sum += smooth.at((int) x, (int) yOut) - smooth.at((int) x, (int) yIn);
                    outside += smooth.at((int) x, (int) yOut);
                    count++;
                }
                // Iris texture has strong local edges too; only skin makes the whole outer side bright.
                if (count >= 12 && sum / count > best && outside / count >= irisLevel + 20) {
                    best = sum / count;
                    bestApex = apex;
                    bestCurvature = curvature;
                }
            }
        }
        if (best < 25) {
            bestApex = upper ? iris.y() - iris.r() - 1 : iris.y() + iris.r() + 1;
            bestCurvature = 0;
        }
        return new double[] {bestApex, bestCurvature};
    }

    /** Eyelashes (nearly as dark as the pupil) and specular reflections, per pixel around the iris. */
    private static boolean[] noise(final EyeImage image, final boolean[] glare, final Circle pupil, final Circle iris,
            final double irisLevel) {
        final int width = image.width();
        final boolean[] noise = new boolean[width * image.height()];
        final int x0 = Math.max(0, (int) (iris.x() - iris.r()) - 2);
        final int x1 = Math.min(width - 1, (int) (iris.x() + iris.r()) + 2);
        final int y0 = Math.max(0, (int) (iris.y() - iris.r()) - 2);
        final int y1 = Math.min(image.height() - 1, (int) (iris.y() + iris.r()) + 2);
        final double pupilLevel = pupilMedian(image, glare, pupil);
        // Lashes are as dark as the pupil; iris crypts are not: cut 40% of the way from pupil to iris.
        final double lash = pupilLevel + 0.4 * (irisLevel - pupilLevel);
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                final int i = y * width + x;
                noise[i] = glare[i] || image.at(x, y) < lash;
            }
        }
        return noise;
    }

    /** Median grey level inside the pupil, reflections excluded (one often sits right at its centre). */
    private static double pupilMedian(final EyeImage image, final boolean[] glare, final Circle pupil) {
        final int[] histogram = new int[256];
        int count = 0;
        for (int i = 0; i < SAMPLES; i++) {
            for (double f = 0.2; f <= 0.8; f += 0.2) {
                final double x = pupil.x() + f * pupil.r() * COS[i];
                final double y = pupil.y() + f * pupil.r() * SIN[i];
                if (image.inside(x, y) && !glare[(int) y * image.width() + (int) x]) {
                    histogram[image.at((int) x, (int) y)]++;
                    count++;
                }
            }
        }
        return median(histogram, count);
    }

    private static double lateralIrisMedian(final EyeImage image, final Circle pupil, final Circle iris) {
        final int[] histogram = new int[256];
        int count = 0;
        for (int i = 0; i < ARC_COS.length; i++) {
            for (double f = 0.3; f <= 0.7; f += 0.1) {
                final double r = pupil.r() + f * (iris.r() - pupil.r());
                final double x = iris.x() + r * ARC_COS[i];
                final double y = iris.y() + r * ARC_SIN[i];
                if (image.inside(x, y)) {
                    histogram[image.at((int) x, (int) y)]++;
                    count++;
                }
            }
        }
        return median(histogram, count);
    }

    private static double median(final int[] histogram, final int count) {
        int seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += histogram[v];
            if (seen * 2 >= count) {
                return v;
            }
        }
        return 128;
    }
}
