package org.safepassage.enrollment.biometrics;

import com.machinezoo.sourceafis.FingerprintCompatibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic finger as a minutiae set, and its impressions as ISO/IEC 19794-2:2005 records. Much cheaper than
 * {@link org.safepassage.devstack.demo.SyntheticFinger} (no image, no extraction), so it can fill galleries of 100,000 subjects.
 *
 * <p>A finger is an elliptical pad (about 17 x 22 mm at 500 DPI) with 60-100 minutiae at least 10 px apart, each
 * pointing along or against the local ridge flow of a Sherlock-Monro orientation field (arch, loop or whorl), so
 * impostor pairs share the realistic structure that makes them score above zero. An impression then applies, in this
 * order: a smooth non-linear distortion (Cappelli's plastic model: rigid inside a contact region, a growing extra
 * rotation and shift outside it), a rigid placement on the sensor (rotation, translation), position and angle jitter,
 * ending/bifurcation confusion, dropped minutiae, spurious minutiae along the ridge flow, partial contact (only part
 * of the pad touches) and the sensor's crop with a border the extractor would skip. Everything is deterministic from
 * the seeds; {@link Capture} holds the amounts.
 */
final class MinutiaFinger {
    /** The sensor window at 500 DPI: 16 x 20 mm. */
    static final int SENSOR_WIDTH = 320;
    static final int SENSOR_HEIGHT = 400;
    private static final double PAD_HALF_WIDTH = 170;
    private static final double PAD_HALF_HEIGHT = 220;
    private static final double MIN_SPACING = 10;
    private static final int BORDER = 8;

    /**
     * How much two impressions of one finger differ.
     *
     * @param rotationDegrees placement rotation, uniform up to this either way
     * @param shift placement translation in pixels, uniform up to this either way on each axis
     * @param distortionDegrees extra rotation of the skin outside the contact region
     * @param distortionShift extra shift in pixels of the skin outside the contact region
     * @param positionSigma minutia position jitter (standard deviation, pixels)
     * @param angleSigmaDegrees minutia direction jitter (standard deviation)
     * @param minKeep the smallest share of true minutiae an impression keeps (each impression draws its own share
     *     between this and {@code maxKeep}, so some captures are poor)
     * @param maxKeep the largest share kept
     * @param spurious false minutiae added, as a share of the kept ones (drawn between 0 and this)
     * @param typeFlip chance that an ending is reported as a bifurcation or the other way round
     * @param minContact the smallest part of the pad (as a scale of its ellipse) that touches the sensor
     */
    record Capture(double rotationDegrees, double shift, double distortionDegrees, double distortionShift,
            double positionSigma, double angleSigmaDegrees, double minKeep, double maxKeep, double spurious,
            double typeFlip, double minContact) {
        /**
         * Calibrated so that SourceAFIS's equal error rate on these templates is in the region of its published
         * FVC-onGoing FV-STD figure (about 3.9%); see docs/biometrics.md for what that does and does not mean.
         */
        static Capture calibrated() {
            return new Capture(20, 50, 6, 10, 1.2, 4.5, 0.5, 0.9, 0.3, 0.15, 0.65);
        }

        /** Little variation: for tests of the record format itself. */
        static Capture gentle() {
            return new Capture(0, 0, 0, 0, 0.5, 2, 1, 1, 0, 0, 1);
        }
    }

    private final Orientation orientation;
    private final List<SyntheticMinutia> minutiae;

    private MinutiaFinger(final Orientation orientation, final List<SyntheticMinutia> minutiae) {
        this.orientation = orientation;
        this.minutiae = minutiae;
    }

    /** A finger centred on the origin of its own coordinates. */
    static MinutiaFinger generate(final long seed) {
        final Random random = new Random(seed);
        final Orientation orientation = Orientation.random(random);
        final int count = 60 + random.nextInt(41);
        final List<SyntheticMinutia> minutiae = new ArrayList<>(count);
        for (int attempt = 0; minutiae.size() < count && attempt < count * 50; attempt++) {
            final double x = (random.nextDouble() * 2 - 1) * PAD_HALF_WIDTH;
            final double y = (random.nextDouble() * 2 - 1) * PAD_HALF_HEIGHT;
            if (insidePad(x, y, 1) && farFromAll(minutiae, x, y)) {
                minutiae.add(alongRidges(random, orientation, x, y));
            }
        }
        return new MinutiaFinger(orientation, List.copyOf(minutiae));
    }

    /** The true minutiae, in the finger's own coordinates. */
    List<SyntheticMinutia> minutiae() {
        return minutiae;
    }

    /**
     * One capture of this finger as the sensor reports it.
     *
     * @param seed selects placement, distortion and noise
     * @param capture how much captures vary
     * @return minutiae in sensor coordinates, inside the sensor window
     */
    List<SyntheticMinutia> impression(final long seed, final Capture capture) {
        final Random random = new Random(seed);
        final double rotation = Math.toRadians(uniform(random, capture.rotationDegrees()));
        final double shiftX = uniform(random, capture.shift());
        final double shiftY = uniform(random, capture.shift());
        final Distortion distortion = new Distortion(uniform(random, 40), uniform(random, 40),
                60 + 30 * random.nextDouble(), Math.toRadians(uniform(random, capture.distortionDegrees())),
                uniform(random, capture.distortionShift()), uniform(random, capture.distortionShift()));
        final double keep = capture.minKeep() + (capture.maxKeep() - capture.minKeep()) * random.nextDouble();
        final double contact = capture.minContact() + (1 - capture.minContact()) * random.nextDouble();
        // Partial contact: the touching part of the pad is an ellipse of its own, off the pad's centre.
        final double contactX = uniform(random, PAD_HALF_WIDTH * (1 - contact));
        final double contactY = uniform(random, PAD_HALF_HEIGHT * (1 - contact));
        final List<SyntheticMinutia> source = new ArrayList<>();
        for (final SyntheticMinutia minutia : minutiae) {
            if (random.nextDouble() < keep) {
                source.add(minutia);
            }
        }
        final int spurious = (int) Math.round(source.size() * capture.spurious() * random.nextDouble());
        for (int added = 0, attempt = 0; added < spurious && attempt < spurious * 50; attempt++) {
            final double x = (random.nextDouble() * 2 - 1) * PAD_HALF_WIDTH;
            final double y = (random.nextDouble() * 2 - 1) * PAD_HALF_HEIGHT;
            if (insidePad(x, y, 1)) {
                source.add(alongRidges(random, orientation, x, y));
                added++;
            }
        }
        final double cos = Math.cos(rotation);
        final double sin = Math.sin(rotation);
        final double angleSigma = Math.toRadians(capture.angleSigmaDegrees());
        final List<SyntheticMinutia> sensed = new ArrayList<>(source.size());
        for (final SyntheticMinutia minutia : source) {
            if (!insidePad((minutia.x() - contactX) / contact, (minutia.y() - contactY) / contact, 1)) {
                continue;
            }
            final double[] warped = distortion.apply(minutia.x(), minutia.y());
            final double x = cos * warped[0] - sin * warped[1] + SENSOR_WIDTH / 2.0 + shiftX
                    + random.nextGaussian() * capture.positionSigma();
            final double y = sin * warped[0] + cos * warped[1] + SENSOR_HEIGHT / 2.0 + shiftY
                    + random.nextGaussian() * capture.positionSigma();
            if (x < BORDER || y < BORDER || x >= SENSOR_WIDTH - BORDER || y >= SENSOR_HEIGHT - BORDER) {
                continue;
            }
            final double direction = minutia.direction() + rotation + warped[2] + random.nextGaussian() * angleSigma;
            SyntheticMinutia.Type type = minutia.type();
            if (random.nextDouble() < capture.typeFlip()) {
                type = type == SyntheticMinutia.Type.ENDING ? SyntheticMinutia.Type.BIFURCATION
                        : SyntheticMinutia.Type.ENDING;
            }
            sensed.add(new SyntheticMinutia(x, y, direction, type));
        }
        // Extractors report minutiae in scan order, not in the order of the finger's true minutiae.
        sensed.sort((a, b) -> Double.compare(a.y() * SENSOR_WIDTH + a.x(), b.y() * SENSOR_WIDTH + b.x()));
        return sensed.size() > 255 ? sensed.subList(0, 255) : sensed;
    }

    /**
     * Turns an impression about the sensor's centre, as if the finger had been placed at another angle, keeping what
     * stays inside the window.
     */
    static List<SyntheticMinutia> rotated(final List<SyntheticMinutia> impression, final double degrees) {
        final double angle = Math.toRadians(degrees);
        final double cos = Math.cos(angle);
        final double sin = Math.sin(angle);
        final List<SyntheticMinutia> turned = new ArrayList<>();
        for (final SyntheticMinutia minutia : impression) {
            final double rx = minutia.x() - SENSOR_WIDTH / 2.0;
            final double ry = minutia.y() - SENSOR_HEIGHT / 2.0;
            final double x = cos * rx - sin * ry + SENSOR_WIDTH / 2.0;
            final double y = sin * rx + cos * ry + SENSOR_HEIGHT / 2.0;
            if (x >= BORDER && y >= BORDER && x < SENSOR_WIDTH - BORDER && y < SENSOR_HEIGHT - BORDER) {
                turned.add(new SyntheticMinutia(x, y, minutia.direction() + angle, minutia.type()));
            }
        }
        return turned;
    }

    /** One capture as an ISO/IEC 19794-2:2005 record. */
    byte[] isoImpression(final long seed, final Capture capture) {
        return IsoMinutiaRecord.write(SENSOR_WIDTH, SENSOR_HEIGHT, impression(seed, capture), 60);
    }

    /** One capture imported into SourceAFIS. */
    FingerprintTemplateBytes template(final long seed, final Capture capture) {
        return FingerprintTemplateBytes.of(FingerprintCompatibility.importTemplate(isoImpression(seed, capture)));
    }

    private static double uniform(final Random random, final double limit) {
        return (random.nextDouble() * 2 - 1) * limit;
    }

    private static boolean insidePad(final double x, final double y, final double scale) {
        final double ex = x / (PAD_HALF_WIDTH * scale);
        final double ey = y / (PAD_HALF_HEIGHT * scale);
        return ex * ex + ey * ey <= 1;
    }

    private static boolean farFromAll(final List<SyntheticMinutia> minutiae, final double x, final double y) {
        for (final SyntheticMinutia other : minutiae) {
            final double dx = other.x() - x;
            final double dy = other.y() - y;
            if (dx * dx + dy * dy < MIN_SPACING * MIN_SPACING) {
                return false;
            }
        }
        return true;
    }

    private static SyntheticMinutia alongRidges(final Random random, final Orientation orientation, final double x,
            final double y) {
        final double direction = orientation.at(x, y) + (random.nextBoolean() ? 0 : Math.PI)
                + random.nextGaussian() * 0.08;
        return new SyntheticMinutia(x, y, direction,
                random.nextBoolean() ? SyntheticMinutia.Type.ENDING : SyntheticMinutia.Type.BIFURCATION);
    }

    /**
     * Sherlock-Monro ridge orientation: theta(z) = theta0 + 1/2 sum arg(z - delta) - 1/2 sum arg(z - core). No
     * singular points gives an arch (with a gentle wave), one core and one delta a loop, two of each a whorl.
     */
    private record Orientation(double theta0, double wave, double[][] cores, double[][] deltas) {
        static Orientation random(final Random random) {
            final int singular = random.nextInt(3);
            final double[][] cores = new double[singular][];
            final double[][] deltas = new double[singular][];
            for (int i = 0; i < singular; i++) {
                cores[i] = new double[] {uniform(random, 60), -40 + uniform(random, 50)};
                deltas[i] = new double[] {uniform(random, 150), 120 + 60 * random.nextDouble()};
            }
            return new Orientation(uniform(random, 0.3), 0.2 + 0.3 * random.nextDouble(), cores, deltas);
        }

        double at(final double x, final double y) {
            double theta = theta0;
            if (cores.length == 0) {
                theta += wave * Math.sin(Math.PI * x / (2 * PAD_HALF_WIDTH))
                        * Math.cos(Math.PI * y / (2 * PAD_HALF_HEIGHT));
            }
            for (int i = 0; i < cores.length; i++) {
                theta += 0.5 * Math.atan2(y - deltas[i][1], x - deltas[i][0]);
                theta -= 0.5 * Math.atan2(y - cores[i][1], x - cores[i][0]);
            }
            return theta;
        }
    }

    /*
     * Cappelli, Maio, Maltoni's plastic distortion: inside a contact region of radius r0 around (cx, cy) the skin
     * moves rigidly with the finger; beyond r0 + 120 px it carries an extra rotation and shift; in between the two
     * are blended smoothly. Returns the new position and the local extra rotation of ridge directions.
     */
    private record Distortion(double cx, double cy, double r0, double angle, double dx, double dy) {
        private static final double BLEND = 120;

        double[] apply(final double x, final double y) {
            final double rx = x - cx;
            final double ry = y - cy;
            final double t = Math.max(0, Math.min(1, (Math.hypot(rx, ry) - r0) / BLEND));
            final double weight = t * t * (3 - 2 * t);
            final double cos = Math.cos(angle);
            final double sin = Math.sin(angle);
            final double moveX = cos * rx - sin * ry + dx - rx;
            final double moveY = sin * rx + cos * ry + dy - ry;
            return new double[] {x + weight * moveX, y + weight * moveY, weight * angle};
        }
    }
}
