package org.safepassage.devstack.demo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * A synthetic near-infrared eye, deterministic from its seed, and its captures as 640 x 480 8-bit PNG files.
 *
 * <p>The eye's identity is its iris texture, defined on Daugman's normalised (ρ, θ) coordinates, so every capture of
 * it shows the same pattern whatever the pupil size: a band-limited random field (a sum of 90 angular-radial waves
 * with 3-40 cycles around the iris, random phases) plus a few dark crypts. A capture places the eye in the image and
 * adds what separates two captures of one eye: position, size and head tilt, pupil dilation with a non-linear
 * stretch of the iris, eyelids and lashes, specular reflections of the illuminator, defocus blur, gain and sensor
 * noise. The bad kinds exaggerate one of these each, so every quality rejection has an image that causes it.
 *
 * <p>Here, beside {@link SyntheticFinger}, so that the demo seed can enroll a child by iris and write an eye to scan;
 * enrollment's tests use the same eyes (docs/biometrics.md, "Test data").
 */
public final class SyntheticEye {
    /** What a capture is meant to look like. */
    public enum Kind {
        /** A usable capture with ordinary variation. */
        GOOD,
        /** Defocused. */
        BLURRED,
        /** Eyelids half closed over the iris. */
        CLOSED,
        /** Too far from the camera. */
        SMALL,
        /** Pupil dilated far beyond the accepted ratio. */
        DILATED,
        /** The eye looks 35° away from the camera. */
        OFF_ANGLE,
        /** Long dense lashes and many reflections over an open eye. */
        LASHES,
        /** The eye is partly outside the image. */
        CROPPED,
        /** No eye at all: skin only. */
        NO_EYE
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    private static final int GRID_RHO = 64;
    private static final int GRID_THETA = 720;
    private static final int WAVES = 90;

    private final float[] texture = new float[GRID_RHO * GRID_THETA];
    private final double irisRadius;
    private final double pupilRatio;
    private final double brightness;
    private final double contrast;

    private SyntheticEye(final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        irisRadius = 100 + 20 * random.nextDouble();
        pupilRatio = 0.32 + 0.12 * random.nextDouble();
        brightness = 95 + 20 * random.nextDouble();
        contrast = 20 + 4 * random.nextDouble();
        final int[] cycles = new int[WAVES];
        final double[] radial = new double[WAVES];
        final double[] phase = new double[WAVES];
        final double[] amplitude = new double[WAVES];
        for (int k = 0; k < WAVES; k++) {
            cycles[k] = 3 + random.nextInt(38);
            radial[k] = random.nextDouble() * 5;
            phase[k] = 2 * Math.PI * random.nextDouble();
            amplitude[k] = 0.5 + random.nextDouble();
        }
        final int crypts = 12 + random.nextInt(10);
        final double[][] crypt = new double[crypts][];
        for (int c = 0; c < crypts; c++) {
            crypt[c] = new double[] {0.15 + 0.7 * random.nextDouble(), 2 * Math.PI * random.nextDouble(),
                0.03 + 0.05 * random.nextDouble(), 0.04 + 0.08 * random.nextDouble()};
        }
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < GRID_RHO; i++) {
            final double rho = (double) i / (GRID_RHO - 1);
            for (int j = 0; j < GRID_THETA; j++) {
                final double theta = 2 * Math.PI * j / GRID_THETA;
                double value = 0;
                for (int k = 0; k < WAVES; k++) {
                    value += amplitude[k] * Math.cos(cycles[k] * theta + 2 * Math.PI * radial[k] * rho + phase[k]);
                }
                for (final double[] c : crypt) {
                    final double dr = (rho - c[0]) / c[2];
                    final double dt = angleBetween(theta, c[1]) / c[3];
                    value -= 6 * Math.exp(-(dr * dr + dt * dt));
                }
                texture[i * GRID_THETA + j] = (float) value;
                sum += value;
                sumSquares += value * value;
            }
        }
        final double mean = sum / texture.length;
        final double std = Math.sqrt(sumSquares / texture.length - mean * mean);
        for (int i = 0; i < texture.length; i++) {
            texture[i] = (float) ((texture[i] - mean) / std);
        }
    }

    /** The eye of this seed: the same seed, the same iris. */
    public static SyntheticEye of(final long seed) {
        return new SyntheticEye(seed);
    }

    private static double angleBetween(final double a, final double b) {
        final double d = Math.IEEEremainder(a - b, 2 * Math.PI);
        return d;
    }

    /** A capture of this eye as a PNG file: the same kind and seed, the same bytes. */
    public byte[] capture(final Kind kind, final long captureSeed) {
        return png(render(kind, captureSeed));
    }

    int[] render(final Kind kind, final long captureSeed) {
        final SplittableRandom random = new SplittableRandom(captureSeed * 0x9E3779B97F4A7C15L + 17);
        final double cx = (kind == Kind.CROPPED ? 70 : WIDTH / 2.0) + 50 * (random.nextDouble() - 0.5);
        final double cy = HEIGHT / 2.0 + 30 * (random.nextDouble() - 0.5);
        final double ri = (kind == Kind.SMALL ? 0.55 : kind == Kind.DILATED ? 0.85 : 1) * irisRadius * (0.97 + 0.06 * random.nextDouble());
        final double ratio = kind == Kind.DILATED ? 0.76 : pupilRatio * (0.88 + 0.24 * random.nextDouble());
        final double rp = ri * ratio;
        final double rotation = Math.toRadians(12 * (random.nextDouble() - 0.5));
        final double gaze = kind == Kind.OFF_ANGLE ? Math.toRadians(35) : Math.toRadians(3 * random.nextDouble());
        // Where the pupil sits in the iris: slightly nasal in everyone, far off-centre when seen off-axis.
        final double pupilOffset = ri * (0.02 + 0.6 * Math.sin(gaze));
        final double warp = 0.1 * (random.nextDouble() - 0.5);
        final boolean closed = kind == Kind.CLOSED;
        final double upperApex = closed ? cy - 0.4 * ri : cy - ri * (0.6 + 0.35 * random.nextDouble());
        final double lowerApex = closed ? cy + 0.5 * ri : cy + ri * (0.8 + 0.3 * random.nextDouble());
        final double upperCurvature = closed ? 0.0015 : 0.0015 + 0.0015 * random.nextDouble();
        final double lowerCurvature = closed ? 0.001 : 0.001 + 0.001 * random.nextDouble();
        final double blur = kind == Kind.BLURRED ? 4.5 : 0.6 + 0.5 * random.nextDouble();
        final double noise = 2.5 + random.nextDouble();
        final double gain = 0.92 + 0.16 * random.nextDouble();
        final double cos = Math.cos(gaze);
        final double[] image = new double[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                final double skin = 150 + 8 * Math.sin(x * 0.013 + y * 0.007) + 5 * Math.cos(y * 0.021);
                if (kind == Kind.NO_EYE) {
                    image[y * WIDTH + x] = skin;
                    continue;
                }
                final double dx = x - cx;
                final double upper = upperApex + upperCurvature * dx * dx;
                final double lower = lowerApex - lowerCurvature * dx * dx;
                if (y < upper - 2 || y > lower + 2) {
                    image[y * WIDTH + x] = skin;
                    continue;
                }
                if (y < upper + 1 || y > lower - 1) {
                    image[y * WIDTH + x] = 95; // the lid margin
                    continue;
                }
                // Eye frame: undo the foreshortening of an eye turned away horizontally.
                final double u = dx / cos;
                final double v = y - cy;
                final double d = Math.hypot(u, v);
                if (d >= ri) {
                    image[y * WIDTH + x] = 178 + 4 * Math.sin(u * 0.05);
                    continue;
                }
                final double pu = u - pupilOffset;
                if (pu * pu + v * v < rp * rp) {
                    image[y * WIDTH + x] = 18;
                    continue;
                }
                final double theta = Math.atan2(v, u);
                final double dirU = u / d;
                final double dirV = v / d;
                final double along = dirU * pupilOffset;
                final double tp = along + Math.sqrt(Math.max(0, along * along - pupilOffset * pupilOffset + rp * rp));
                double rho = (d - tp) / (ri - tp);
                rho = Math.min(1, Math.max(0, rho + warp * rho * (1 - rho)));
                image[y * WIDTH + x] =
                        brightness + contrast * texture(rho, theta - rotation) - 12 * Math.pow(rho, 4);
            }
        }
        if (kind != Kind.NO_EYE) {
            lashes(image, random, cx, upperApex, upperCurvature, ri, kind == Kind.LASHES);
            reflections(image, random, cx + pupilOffset * cos, cy, rp, ri, kind == Kind.LASHES ? 14 : 1 + random.nextInt(2));
        }
        final double[] blurred = gaussian(image, blur);
        final int[] pixels = new int[blurred.length];
        for (int i = 0; i < pixels.length; i++) {
            final double value = gain * blurred[i] + noise * random.nextGaussian();
            pixels[i] = (int) Math.max(0, Math.min(255, Math.round(value)));
        }
        return pixels;
    }

    private double texture(final double rho, final double theta) {
        final double t = (theta / (2 * Math.PI) - Math.floor(theta / (2 * Math.PI)))
                * GRID_THETA;
        final double r = rho * (GRID_RHO - 1);
        final int t0 = (int) t % GRID_THETA;
        final int t1 = (t0 + 1) % GRID_THETA;
        final int r0 = Math.min((int) r, GRID_RHO - 2);
        final double ft = t - (int) t;
        final double fr = r - r0;
        final double a = texture[r0 * GRID_THETA + t0] * (1 - ft) + texture[r0 * GRID_THETA + t1] * ft;
        final double b = texture[(r0 + 1) * GRID_THETA + t0] * (1 - ft) + texture[(r0 + 1) * GRID_THETA + t1] * ft;
        return a * (1 - fr) + b * fr;
    }

    /** Lashes grow from the upper lid down over the eye; dense ones reach across the iris. */
    private static void lashes(final double[] image, final SplittableRandom random, final double cx,
            final double apex, final double curvature, final double ri, final boolean dense) {
        final int count = dense ? 150 : 40 + random.nextInt(40);
        for (int l = 0; l < count; l++) {
            final double x0 = cx + 1.4 * ri * (2 * random.nextDouble() - 1);
            final double y0 = apex + curvature * (x0 - cx) * (x0 - cx);
            final double length = dense ? ri * (0.3 + 0.6 * random.nextDouble()) : 8 + 25 * random.nextDouble();
            final double slant = 0.5 * (random.nextDouble() - 0.5) + (x0 - cx) / (3 * ri);
            final double width = 0.6 + 0.8 * random.nextDouble();
            for (double s = 0; s < length; s += 0.5) {
                final double x = x0 + slant * s + 0.002 * s * s * Math.signum(x0 - cx);
                final double y = y0 + s;
                for (double w = -width; w <= width; w += 0.5) {
                    final int px = (int) Math.round(x + w);
                    final int py = (int) Math.round(y);
                    if (px >= 0 && py >= 0 && px < WIDTH && py < HEIGHT) {
                        image[py * WIDTH + px] = Math.min(image[py * WIDTH + px], 28);
                    }
                }
            }
        }
    }

    /** The illuminator's reflections on the cornea: small saturated discs near the pupil. */
    private static void reflections(final double[] image, final SplittableRandom random, final double px,
            final double py, final double rp, final double ri, final int count) {
        for (int s = 0; s < count; s++) {
            final double angle = 2 * Math.PI * random.nextDouble();
            // A few reflections sit on the pupil; many (a badly placed illuminator, glasses) spread over the iris.
            final double distance = count > 4 ? rp + 8 + (ri - rp - 16) * random.nextDouble() : 0.9 * rp * random.nextDouble();
            final double sx = px + distance * Math.cos(angle);
            final double sy = py + distance * Math.sin(angle);
            final double radius = 4 + 3 * random.nextDouble();
            for (int y = (int) (sy - radius); y <= sy + radius; y++) {
                for (int x = (int) (sx - radius); x <= sx + radius; x++) {
                    if (x >= 0 && y >= 0 && x < WIDTH && y < HEIGHT && Math.hypot(x - sx, y - sy) <= radius) {
                        image[y * WIDTH + x] = 255;
                    }
                }
            }
        }
    }

    private static double[] gaussian(final double[] image, final double sigma) {
        final int half = (int) Math.ceil(3 * sigma);
        final double[] kernel = new double[2 * half + 1];
        double sum = 0;
        for (int i = -half; i <= half; i++) {
            kernel[i + half] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += kernel[i + half];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        final double[] rows = new double[image.length];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double value = 0;
                for (int i = -half; i <= half; i++) {
                    value += kernel[i + half] * image[y * WIDTH + Math.min(WIDTH - 1, Math.max(0, x + i))];
                }
                rows[y * WIDTH + x] = value;
            }
        }
        final double[] out = new double[image.length];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double value = 0;
                for (int i = -half; i <= half; i++) {
                    value += kernel[i + half] * rows[Math.min(HEIGHT - 1, Math.max(0, y + i)) * WIDTH + x];
                }
                out[y * WIDTH + x] = value;
            }
        }
        return out;
    }

    static byte[] png(final int[] pixels) {
        final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        final byte[] bytes = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            bytes[i] = (byte) pixels[i];
        }
        image.getRaster().setDataElements(0, 0, WIDTH, HEIGHT, bytes);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
