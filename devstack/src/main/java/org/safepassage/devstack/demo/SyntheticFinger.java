package org.safepassage.devstack.demo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * A synthetic finger in the manner of SFinGe (Cappelli, Maio, Maltoni): an orientation field from the Sherlock-Monro
 * model around random cores and deltas, and a ridge pattern grown from random seeds by iterated Gabor filtering tuned
 * to the local orientation and the finger's ridge period (8-10.5 pixels at 500 DPI). Where growing ridges meet they
 * end or fork, which gives each finger its own minutiae. Everything is deterministic from the seed.
 *
 * <p>Impressions apply a random rigid motion, a smooth elastic distortion, contrast change, sensor noise and the
 * sensor's crop, so two impressions of one finger differ the way two real captures do (in kind, not in degree: see
 * the test report for the scores this gives).
 */
public final class SyntheticFinger {
    public static final int MASTER_SIZE = 400;
    public static final int IMPRESSION_SIZE = 300;
    /* Ridge period at 500 DPI: adult fingers are about 9 px; each finger draws its own within 8-10.5 px. */
    private static final double MIN_PERIOD = 8.0;
    private static final double PERIOD_SPREAD = 2.5;
    private static final int ORIENTATIONS = 24;
    private static final int RADIUS = 6;
    private static final double SIGMA = 3.2;
    private static final int ITERATIONS = 10;

    private final float[] ridges;

    private SyntheticFinger(final float[] ridges) {
        this.ridges = ridges;
    }

    public static SyntheticFinger generate(final long seed) {
        final Random random = new Random(seed);
        final int n = MASTER_SIZE;
        final double period = MIN_PERIOD + PERIOD_SPREAD * random.nextDouble();
        final int[] orientation = orientationField(random);
        float[] field = new float[n * n];
        for (int i = 0; i < n * n / 250; i++) {
            field[random.nextInt(n * n)] = random.nextBoolean() ? 1 : -1;
        }
        final float[][] kernels = gaborKernels(period);
        final int side = 2 * RADIUS + 1;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            final float[] next = new float[n * n];
            float max = 1e-6f;
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    final float[] kernel = kernels[orientation[y * n + x]];
                    float sum = 0;
                    for (int dy = -RADIUS; dy <= RADIUS; dy++) {
                        final int yy = y + dy;
                        if (yy < 0 || yy >= n) {
                            continue;
                        }
                        final int row = yy * n;
                        final int krow = (dy + RADIUS) * side + RADIUS;
                        for (int dx = -RADIUS; dx <= RADIUS; dx++) {
                            final int xx = x + dx;
                            if (xx >= 0 && xx < n) {
                                sum += field[row + xx] * kernel[krow + dx];
                            }
                        }
                    }
                    next[y * n + x] = sum;
                    max = Math.max(max, Math.abs(sum));
                }
            }
            // Saturate: small responses grow each round, strong ones clip, so ridges spread from the seeds and settle
            // into a binary-like pattern.
            for (int i = 0; i < next.length; i++) {
                next[i] = Math.max(-1f, Math.min(1f, next[i] / (0.3f * max)));
            }
            field = next;
        }
        return new SyntheticFinger(field);
    }

    /*
     * Sherlock-Monro: theta(z) = theta0 + 1/2 sum arg(z - delta_k) - 1/2 sum arg(z - core_k). One core and one delta
     * give a loop, two of each a whorl, none an arch (with a gentle wave so arches are not plain stripes).
     */
    private static int[] orientationField(final Random random) {
        final int n = MASTER_SIZE;
        final int pattern = random.nextInt(3);
        final int singular = pattern == 0 ? 0 : pattern;
        final double[][] cores = new double[singular][];
        final double[][] deltas = new double[singular][];
        for (int i = 0; i < singular; i++) {
            cores[i] = new double[] {n * (0.35 + 0.3 * random.nextDouble()), n * (0.3 + 0.25 * random.nextDouble())};
            deltas[i] = new double[] {n * (0.15 + 0.7 * random.nextDouble()), n * (0.7 + 0.25 * random.nextDouble())};
        }
        final double theta0 = (random.nextDouble() - 0.5) * 0.6;
        final double wave = 0.2 + 0.3 * random.nextDouble();
        final int[] field = new int[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double theta = theta0;
                if (singular == 0) {
                    theta += wave * Math.sin(Math.PI * (x - n / 2.0) / n) * Math.cos(Math.PI * (y - n / 2.0) / n);
                }
                for (int i = 0; i < singular; i++) {
                    theta += 0.5 * Math.atan2(y - deltas[i][1], x - deltas[i][0]);
                    theta -= 0.5 * Math.atan2(y - cores[i][1], x - cores[i][0]);
                }
                double normalized = theta % Math.PI;
                if (normalized < 0) {
                    normalized += Math.PI;
                }
                field[y * n + x] = (int) (normalized / Math.PI * ORIENTATIONS) % ORIENTATIONS;
            }
        }
        return field;
    }

    /** Even-symmetric Gabor kernels whose wave runs across ridges of each quantised orientation. */
    private static float[][] gaborKernels(final double period) {
        final int side = 2 * RADIUS + 1;
        final float[][] kernels = new float[ORIENTATIONS][side * side];
        for (int o = 0; o < ORIENTATIONS; o++) {
            final double ridgeAngle = Math.PI * o / ORIENTATIONS;
            final double nx = -Math.sin(ridgeAngle);
            final double ny = Math.cos(ridgeAngle);
            for (int dy = -RADIUS; dy <= RADIUS; dy++) {
                for (int dx = -RADIUS; dx <= RADIUS; dx++) {
                    final double across = dx * nx + dy * ny;
                    final double envelope = Math.exp(-(dx * dx + dy * dy) / (2 * SIGMA * SIGMA));
                    kernels[o][(dy + RADIUS) * side + dx + RADIUS] =
                            (float) (envelope * Math.cos(2 * Math.PI * across / period));
                }
            }
        }
        return kernels;
    }

    /**
     * Renders one impression as 8-bit greyscale: dark ridges on a light background inside an elliptical finger area.
     *
     * @param seed selects the motion, distortion and noise
     * @param maxRotationDegrees largest rotation either way
     * @param maxShift largest translation in pixels either way
     * @param noise standard deviation of the additive sensor noise in grey levels
     */
    public BufferedImage impression(final long seed, final double maxRotationDegrees, final int maxShift,
            final double noise) {
        final Random random = new Random(seed);
        final double angle = Math.toRadians((random.nextDouble() * 2 - 1) * maxRotationDegrees);
        final double shiftX = (random.nextDouble() * 2 - 1) * maxShift;
        final double shiftY = (random.nextDouble() * 2 - 1) * maxShift;
        final double warp = 1.5 + random.nextDouble() * 1.5;
        final double warpPhase = random.nextDouble() * Math.PI * 2;
        final double contrast = 0.75 + 0.25 * random.nextDouble();
        final double cos = Math.cos(angle);
        final double sin = Math.sin(angle);
        final int size = IMPRESSION_SIZE;
        final double half = size / 2.0;
        final double masterHalf = MASTER_SIZE / 2.0;
        final BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        final byte[] pixels = new byte[size * size];
        for (int v = 0; v < size; v++) {
            for (int u = 0; u < size; u++) {
                final double du = u - half;
                final double dv = v - half;
                // Smooth elastic distortion: a low-frequency displacement of a few pixels, as skin stretches.
                final double wx = warp * Math.sin(2 * Math.PI * dv / size + warpPhase);
                final double wy = warp * Math.sin(2 * Math.PI * du / size + warpPhase * 0.7);
                final double mx = masterHalf + cos * du - sin * dv + shiftX + wx;
                final double my = masterHalf + sin * du + cos * dv + shiftY + wy;
                final double ex = (mx - masterHalf) / (0.44 * MASTER_SIZE);
                final double ey = (my - masterHalf) / (0.49 * MASTER_SIZE);
                final boolean inside = ex * ex + ey * ey <= 1;
                double grey = 235;
                if (inside) {
                    grey = 128 - 110 * contrast * sample(mx, my);
                }
                grey += random.nextGaussian() * noise;
                pixels[v * size + u] = (byte) Math.max(0, Math.min(255, Math.round(grey)));
            }
        }
        image.getRaster().setDataElements(0, 0, size, size, pixels);
        return image;
    }

    private double sample(final double x, final double y) {
        final int x0 = (int) Math.floor(x);
        final int y0 = (int) Math.floor(y);
        if (x0 < 0 || y0 < 0 || x0 + 1 >= MASTER_SIZE || y0 + 1 >= MASTER_SIZE) {
            return 0;
        }
        final double fx = x - x0;
        final double fy = y - y0;
        final int i = y0 * MASTER_SIZE + x0;
        return ridges[i] * (1 - fx) * (1 - fy) + ridges[i + 1] * fx * (1 - fy)
                + ridges[i + MASTER_SIZE] * (1 - fx) * fy + ridges[i + MASTER_SIZE + 1] * fx * fy;
    }

    /** Encodes an image with the JDK's writer for {@code format} ({@code png} or {@code jpg}). */
    public static byte[] encode(final BufferedImage image, final String format) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
