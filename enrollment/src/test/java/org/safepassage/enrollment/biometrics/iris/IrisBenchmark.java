package org.safepassage.enrollment.biometrics.iris;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.safepassage.devstack.demo.SyntheticEye;
import org.safepassage.enrollment.commitment.Peppers;

/**
 * Accuracy and speed of the iris modality on synthetic data, for docs/performance.md and docs/biometrics.md. Not a unit
 * test: run it by hand (see docs/performance.md for the command). {@code --quick} runs small sets to check the program.
 *
 * <p>Prints: the quality gate's verdicts on every kind of synthetic capture; extraction time per image; genuine and
 * impostor distance distributions with FAR and FRR at several thresholds; the fuzzy commitment's FRR and FAR for
 * several Reed-Solomon rates on the same pairs; the commitment's own time; and 1:N search speed on Daugman-binomial
 * codes, packed and parallel beside a naive bit-by-bit loop.
 */
public final class IrisBenchmark {
    /* The report is this program's output, so it goes to standard output rather than a logger. */
    private static final PrintStream OUT = System.out;
    private static volatile int sink;

    private final boolean quick;

    private IrisBenchmark(final boolean quick) {
        this.quick = quick;
    }

    public static void main(final String[] args) {
        new IrisBenchmark(Arrays.asList(args).contains("--quick")).run();
    }

    private void run() {
        machine();
        rejections(quick ? 4 : 20);
        final IrisCode[][] codes = images(quick ? 8 : 100, quick ? 3 : 4);
        distances(codes);
        commitment(codes);
        commitmentTime();
        search(quick ? new int[] {10_000, 100_000} : new int[] {100_000, 1_000_000}, quick ? 2_000 : 10_000);
        OUT.printf(Locale.ROOT, "%nload average at the end: %s%n", loadAverage());
    }

    private static void machine() {
        final Runtime runtime = Runtime.getRuntime();
        OUT.println("== Machine");
        OUT.printf(Locale.ROOT, "cpu: %s, %d cores available to the JVM%n", cpuModel(), runtime.availableProcessors());
        OUT.printf(Locale.ROOT, "jvm: %s %s, max heap %d MiB%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), runtime.maxMemory() >> 20);
        OUT.printf(Locale.ROOT, "load average at the start: %s%n", loadAverage());
    }

    /** What the quality gate says about each kind of synthetic capture, over several eyes. */
    private static void rejections(final int eyes) {
        OUT.printf(Locale.ROOT, "%n== Quality gate on synthetic captures (%d eyes per kind, capture seed 1)%n", eyes);
        final IrisCapture capture = IrisCapture.withDefaults();
        for (final SyntheticEye.Kind kind : SyntheticEye.Kind.values()) {
            final Map<IrisRejectionReason, Integer> reasons = new EnumMap<>(IrisRejectionReason.class);
            int accepted = 0;
            for (int eye = 0; eye < eyes; eye++) {
                final IrisCaptureResult result = capture.capture(SyntheticEye.of(eye).capture(kind, 1));
                if (result instanceof IrisCaptureResult.Rejected rejected) {
                    reasons.merge(rejected.reason(), 1, Integer::sum);
                } else {
                    accepted++;
                }
            }
            OUT.printf(Locale.ROOT, "%-10s accepted %2d  rejected %s%n", kind, accepted, reasons);
        }
    }

    /** Captures every eye several times; prints extraction time; returns accepted codes [eye][capture] (null if not). */
    private static IrisCode[][] images(final int eyes, final int captures) {
        OUT.printf(Locale.ROOT, "%n== Extraction: %d eyes x %d good captures, 640 x 480 PNG%n", eyes, captures);
        final IrisCapture capture = IrisCapture.withDefaults();
        capture.capture(SyntheticEye.of(999).capture(SyntheticEye.Kind.GOOD, 1));
        final IrisCode[][] codes = new IrisCode[eyes][captures];
        final List<Double> millis = new ArrayList<>();
        int rejected = 0;
        final Map<IrisRejectionReason, Integer> reasons = new EnumMap<>(IrisRejectionReason.class);
        double validBits = 0;
        for (int eye = 0; eye < eyes; eye++) {
            final SyntheticEye synthetic = SyntheticEye.of(1_000 + eye);
            for (int c = 0; c < captures; c++) {
                final byte[] png = synthetic.capture(SyntheticEye.Kind.GOOD, 100 + c);
                final long start = System.nanoTime();
                final IrisCaptureResult result = capture.capture(png);
                millis.add((System.nanoTime() - start) / 1e6);
                if (result instanceof IrisCaptureResult.Accepted accepted) {
                    codes[eye][c] = accepted.code();
                    validBits += accepted.code().validBits();
                } else {
                    rejected++;
                    reasons.merge(((IrisCaptureResult.Rejected) result).reason(), 1, Integer::sum);
                }
            }
        }
        final double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        OUT.printf(Locale.ROOT, "per image (decode, segment, quality, normalise, encode), one thread: mean %.0f ms,"
                + " median %.0f ms, max %.0f ms%n", Arrays.stream(sorted).average().orElse(0),
                sorted[sorted.length / 2], sorted[sorted.length - 1]);
        OUT.printf(Locale.ROOT, "good captures rejected: %d of %d %s; mean valid bits %.0f of 2048%n", rejected,
                sorted.length, reasons, validBits / (sorted.length - rejected));
        return codes;
    }

    private static void distances(final IrisCode[][] codes) {
        final List<IrisScore> genuine = new ArrayList<>();
        final List<IrisScore> impostor = new ArrayList<>();
        final List<Double> unrotated = new ArrayList<>();
        pairs(codes, (a, b, same) -> {
            final IrisScore score = IrisMatcher.compare(a, b);
            (same ? genuine : impostor).add(score);
            if (!same) {
                unrotated.add(IrisMatcher.score(a.bits(), a.mask(), b.bits(), b.mask(), 0).rawDistance());
            }
        });
        OUT.printf(Locale.ROOT, "%n== 1:1 matching: %d genuine, %d impostor pairs (all pairs of accepted codes)%n",
                genuine.size(), impostor.size());
        describe("genuine normalised HD", genuine.stream().mapToDouble(IrisScore::normalizedDistance).toArray());
        describe("impostor normalised HD (best of 17 rotations)",
                impostor.stream().mapToDouble(IrisScore::normalizedDistance).toArray());
        final double[] raw = unrotated.stream().mapToDouble(Double::doubleValue).toArray();
        final double mean = Arrays.stream(raw).average().orElse(0);
        final double variance = Arrays.stream(raw).map(x -> (x - mean) * (x - mean)).average().orElse(0);
        OUT.printf(Locale.ROOT, "impostor raw HD without rotation: mean %.4f, sd %.4f, degrees of freedom"
                + " p(1-p)/sd^2 = %.0f%n", mean, Math.sqrt(variance), mean * (1 - mean) / variance);
        OUT.println("threshold  FAR                FRR");
        for (final double threshold : new double[] {0.25, 0.28, 0.30, 0.32, 0.34, 0.36}) {
            final long falseAccepts = impostor.stream().filter(s -> s.normalizedDistance() <= threshold).count();
            final long falseRejects = genuine.stream().filter(s -> s.normalizedDistance() > threshold).count();
            OUT.printf(Locale.ROOT, "%.2f       %.4f%% (%d)   %.4f%% (%d)%n", threshold,
                    100.0 * falseAccepts / impostor.size(), falseAccepts, 100.0 * falseRejects / genuine.size(),
                    falseRejects);
        }
    }

    private static void commitment(final IrisCode[][] codes) {
        OUT.printf(Locale.ROOT, "%n== iris-fc-v1 key release (Hadamard[64,7] x RS[32,k] over GF(2^7)), same pairs:"
                + " the first capture enrolls, the second releases%n");
        OUT.println("k   key bits  corrects  FRR (genuine no key)   FAR (impostor gets the key)  wrong key released");
        for (final int k : new int[] {8, 12, 16, 20, 24, 28}) {
            final FuzzyIrisCodec codec = new FuzzyIrisCodec(k);
            final SplittableRandom random = new SplittableRandom(k);
            final long[] counts = new long[5]; // genuine, genuine failures, impostor, impostor successes, wrong keys
            pairs(codes, (a, b, same) -> {
                final int[] key = random.ints(k, 0, 128).toArray();
                final long[] offset = codec.encode(key);
                final long[] bits = a.bits();
                for (int w = 0; w < offset.length; w++) {
                    offset[w] ^= bits[w];
                }
                final List<FuzzyIrisCodec.Release> releases = codec.release(offset, a.mask(), b);
                final boolean released = releases.stream().anyMatch(r -> Arrays.equals(r.key(), key));
                final boolean wrong = releases.stream().anyMatch(r -> !Arrays.equals(r.key(), key));
                counts[same ? 0 : 2]++;
                if (same && !released) {
                    counts[1]++;
                }
                if (!same && released) {
                    counts[3]++;
                }
                if (wrong) {
                    counts[4]++;
                }
            });
            OUT.printf(Locale.ROOT, "%-3d %-9d %-9d %.3f%% (%d of %d)      %.4f%% (%d of %d)        %d%n", k, 7 * k,
                    (32 - k) / 2, 100.0 * counts[1] / counts[0], counts[1], counts[0], 100.0 * counts[3] / counts[2],
                    counts[3], counts[2], counts[4]);
        }
    }

    private static void commitmentTime() {
        final byte[] pepper = new byte[32];
        new java.security.SecureRandom().nextBytes(pepper);
        final IrisFcV1Commitments scheme =
                IrisFcV1Commitments.create(Peppers.fromBase64("bench", Base64.getEncoder().encodeToString(pepper)));
        final IrisCapture capture = IrisCapture.withDefaults();
        final IrisCode a = ((IrisCaptureResult.Accepted) capture.capture(
                SyntheticEye.of(4).capture(SyntheticEye.Kind.GOOD, 1))).code();
        final IrisCode b = ((IrisCaptureResult.Accepted) capture.capture(
                SyntheticEye.of(4).capture(SyntheticEye.Kind.GOOD, 2))).code();
        scheme.enroll(a);
        final int runs = 10;
        long enroll = 0;
        long verify = 0;
        int matched = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            final IrisEnrollment enrollment = scheme.enroll(a);
            enroll += System.nanoTime() - start;
            start = System.nanoTime();
            matched += scheme.matches(b, enrollment.helperData(), enrollment.salted().salt(),
                    enrollment.salted().commitment().value()) ? 1 : 0;
            verify += System.nanoTime() - start;
        }
        OUT.printf(Locale.ROOT, "%n== iris-fc-v1 time, one thread, %d runs: enroll %.0f ms, verify a fresh capture"
                + " %.0f ms (17 rotations decoded + Argon2id); matched %d of %d%n", runs, enroll / 1e6 / runs,
                verify / 1e6 / runs, matched, runs);
    }

    private static void search(final int[] sizes, final int naiveSize) {
        OUT.printf(Locale.ROOT, "%n== 1:N search on Daugman-binomial codes (249 degrees of freedom), %d rotations"
                + " per gallery code%n", IrisMatcher.ROTATIONS);
        final SplittableRandom random = new SplittableRandom(42);
        final int largest = sizes[sizes.length - 1];
        final IrisSearch[] galleries = new IrisSearch[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            galleries[s] = new IrisSearch();
        }
        final NaiveIrisSearch naive = new NaiveIrisSearch();
        final boolean[][] probeEyes = new boolean[5][];
        final long start = System.nanoTime();
        for (int i = 0; i < largest; i++) {
            final boolean[] eye = SyntheticIrisCodes.eye(random);
            if (i % (largest / probeEyes.length) == 7 && i / (largest / probeEyes.length) < probeEyes.length) {
                probeEyes[i / (largest / probeEyes.length)] = eye;
            }
            final IrisCode code = SyntheticIrisCodes.capture(eye, 0.05, 0, random);
            if (i < naiveSize) {
                naive.add("s" + i, code);
            }
            for (int s = 0; s < sizes.length; s++) {
                if (i < sizes[s]) {
                    galleries[s].add("s" + i, code);
                }
            }
        }
        OUT.printf(Locale.ROOT, "generated %,d codes in %.1f s%n", largest, (System.nanoTime() - start) / 1e9);
        final List<IrisCode> probes = new ArrayList<>();
        for (final boolean[] eye : probeEyes) {
            probes.add(SyntheticIrisCodes.capture(eye, 0.12, random.nextInt(9) - 4, random));
        }
        for (int i = 0; i < 5; i++) {
            probes.add(SyntheticIrisCodes.capture(SyntheticIrisCodes.eye(random), 0, 0, random));
        }
        // Naive: one thread, bit by bit, on the first naiveSize codes.
        naive.search(probes.get(0), IrisMatcher.DEFAULT_THRESHOLD);
        final long naiveCpuStart = processCpuNanos();
        final long naiveStart = System.nanoTime();
        for (int p = 0; p < 3; p++) {
            sink += naive.search(probes.get(p), IrisMatcher.DEFAULT_THRESHOLD).size();
        }
        final double naiveSeconds = (System.nanoTime() - naiveStart) / 1e9 / 3;
        final double naiveCores = (processCpuNanos() - naiveCpuStart) / 1e9 / (naiveSeconds * 3);
        OUT.printf(Locale.ROOT, "naive (boolean per bit, 1 thread), gallery %,d: %.0f ms per search, %,.0f gallery"
                + " codes/s, %,.0f code comparisons/s (one rotation each), %.1f cores busy%n", naiveSize,
                naiveSeconds * 1e3, naiveSize / naiveSeconds, naiveSize * IrisMatcher.ROTATIONS / naiveSeconds,
                naiveCores);
        for (int s = 0; s < sizes.length; s++) {
            final IrisSearch gallery = galleries[s];
            gallery.search(probes.get(0), IrisMatcher.DEFAULT_THRESHOLD);
            gallery.search(probes.get(1), IrisMatcher.DEFAULT_THRESHOLD);
            final long cpuStart = processCpuNanos();
            final long wallStart = System.nanoTime();
            int found = 0;
            int hits = 0;
            for (final IrisCode probe : probes) {
                final List<IrisCandidate> candidates = gallery.search(probe, IrisMatcher.DEFAULT_THRESHOLD);
                found += candidates.size();
                hits += candidates.isEmpty() ? 0 : 1;
            }
            final double seconds = (System.nanoTime() - wallStart) / 1e9 / probes.size();
            final double cores = (processCpuNanos() - cpuStart) / 1e9 / (seconds * probes.size());
            OUT.printf(Locale.ROOT, "packed long[] + bitCount, parallel, gallery %,d: %.1f ms per search, %,.0f gallery"
                    + " codes/s, %,.0f code comparisons/s (one rotation each), %.1f cores busy; %d candidates for"
                    + " %d probes (%d enrolled)%n", gallery.size(), seconds * 1e3, gallery.size() / seconds,
                    gallery.size() * IrisMatcher.ROTATIONS / seconds, cores, found, probes.size(),
                    gallery.size() == largest ? 5 : countEnrolled(gallery.size(), largest, probeEyes.length));
        }
    }

    private static int countEnrolled(final int size, final int largest, final int probes) {
        int count = 0;
        for (int p = 0; p < probes; p++) {
            if (p * (largest / probes) + 7 < size) {
                count++;
            }
        }
        return count;
    }

    @FunctionalInterface
    private interface PairVisitor {
        void visit(IrisCode enrolled, IrisCode probe, boolean sameEye);
    }

    /** Genuine: every ordered pair of captures of one eye (first enrolls); impostor: first captures of two eyes. */
    private static void pairs(final IrisCode[][] codes, final PairVisitor visitor) {
        for (int e = 0; e < codes.length; e++) {
            for (int c = 0; c < codes[e].length; c++) {
                for (int d = c + 1; d < codes[e].length; d++) {
                    if (codes[e][c] != null && codes[e][d] != null) {
                        visitor.visit(codes[e][c], codes[e][d], true);
                    }
                }
            }
            for (int f = e + 1; f < codes.length; f++) {
                for (int c = 0; c < codes[e].length; c++) {
                    if (codes[e][c] != null && codes[f][c] != null) {
                        visitor.visit(codes[e][c], codes[f][(c + 1) % codes[f].length] == null ? codes[f][c]
                                : codes[f][(c + 1) % codes[f].length], false);
                    }
                }
            }
        }
    }

    private static void describe(final String name, final double[] values) {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        OUT.printf(Locale.ROOT, "%s: min %.4f, 1%% %.4f, median %.4f, 99%% %.4f, max %.4f, mean %.4f%n", name,
                sorted[0], sorted[(int) (0.01 * (sorted.length - 1))], sorted[sorted.length / 2],
                sorted[(int) (0.99 * (sorted.length - 1))], sorted[sorted.length - 1],
                Arrays.stream(sorted).average().orElse(0));
    }

    private static long processCpuNanos() {
        final java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
