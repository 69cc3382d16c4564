package org.safepassage.enrollment.biometrics;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Generates a file of serialised synthetic templates (the calibrated {@link MinutiaFinger} set, as
 * {@code BiometricsBenchmark} enrolls them), so the measurements at 1,000,000 read them back instead of generating
 * them again. A {@code main}, not a test.
 *
 * <pre>GalleryAtScale generate 1000000 /tmp/gallery-1m.bin</pre>
 */
public final class GalleryAtScale {
    private GalleryAtScale() {}

    public static void main(final String[] args) throws IOException {
        final int size = Integer.parseInt(args[1]);
        final Path file = Path.of(args[2]);
        final MinutiaFinger.Capture capture = MinutiaFinger.Capture.calibrated();
        final long started = System.nanoTime();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
            out.writeInt(size);
            final int chunk = 10_000;
            for (int from = 0; from < size; from += chunk) {
                final int to = Math.min(size, from + chunk);
                final byte[][] bytes = IntStream.range(from, to).parallel()
                        .mapToObj(s -> MinutiaFinger.generate(s).template(s * 10L, capture).bytes())
                        .toArray(byte[][]::new);
                for (final byte[] b : bytes) {
                    out.writeInt(b.length);
                    out.write(b);
                }
                if (to % 100_000 == 0) {
                    System.err.printf(Locale.ROOT, "%,d generated in %.0f s%n", to, (System.nanoTime() - started) / 1e9);
                }
            }
        }
    }

    /** Reads a file written by {@code generate}. */
    static byte[][] read(final Path file, final int limit) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            final int size = Math.min(limit, in.readInt());
            final byte[][] result = new byte[size][];
            for (int i = 0; i < size; i++) {
                result[i] = new byte[in.readInt()];
                in.readFully(result[i]);
            }
            return result;
        }
    }
}
