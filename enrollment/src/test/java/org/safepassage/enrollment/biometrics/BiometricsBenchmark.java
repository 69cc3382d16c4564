package org.safepassage.enrollment.biometrics;

import com.machinezoo.sourceafis.FingerprintCompatibility;
import com.machinezoo.sourceafis.FingerprintMatcher;
import com.machinezoo.sourceafis.FingerprintTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.safepassage.devstack.demo.SyntheticFinger;
import org.safepassage.enrollment.biometrics.index.IndexParameters;
import org.safepassage.enrollment.biometrics.index.TriangleParameters;

/**
 * Accuracy and speed of the enrollment biometrics on synthetic data, for docs/performance.md. Not a unit test: run it
 * by hand (see that file for the command). {@code --quick} runs small sets to check the program itself.
 *
 * <p>Prints FAR and FRR at the service threshold on the synthetic ISO template set and the synthetic image set,
 * template extraction time per image, and 1:N identification time against galleries of ISO templates, beside a plain
 * sequential loop of SourceAFIS matches over the same gallery in the same run, with the parallel speed-up.
 */
public final class BiometricsBenchmark {
    /* The report is this program's output, so it goes to standard output rather than a logger. */
    private static final PrintStream OUT = System.out;
    private static final double THRESHOLD = FingerprintSearch.DEFAULT_THRESHOLD;

    /* Keeps the JIT from discarding the baseline loop's results. */
    private static volatile double sink;

    private final boolean quick;
    private final boolean indexOnly;
    private final int[] indexSizes;
    private final IndexParameters indexParameters;
    private final int matedProbes;
    private final int baselineProbes;

    private BiometricsBenchmark(final boolean quick, final boolean indexOnly, final int[] indexSizes,
            final IndexParameters indexParameters, final int matedProbes, final int baselineProbes) {
        this.quick = quick;
        this.indexOnly = indexOnly;
        this.indexSizes = indexSizes;
        this.indexParameters = indexParameters;
        this.matedProbes = matedProbes;
        this.baselineProbes = baselineProbes;
    }

    /**
     * Runs the benchmark.
     *
     * @param args {@code --quick} for small sets; {@code --index-only} to run only the indexed identification;
     *     {@code --index-sizes=100000,1000000} for its gallery sizes; {@code --index-method=mcc|triangles} (default:
     *     the service's); {@code --triangles=minSide,maxSide,sideBin,directionBins,orderTolerance,multiProbe,
     *     rotationCells,translationCell,minTriangles[,votesPerEntry]}; {@code --penetration=0.01}; {@code --stop-share=0.02} (lists longer than
     *     this share of the gallery are skipped); {@code --rank-only} (no SourceAFIS on the short lists: the ranking's
     *     time and the mates' ranks only); {@code --mated-probes=200} (as
     *     many never-enrolled probes are added); {@code --baseline-probes=4} (the plain loop and exhaustive search)
     */
    public static void main(final String[] args) {
        final List<String> options = Arrays.asList(args);
        final boolean quick = options.contains("--quick");
        final int[] sizes = options.stream().filter(o -> o.startsWith("--index-sizes=")).findFirst()
                .map(o -> Arrays.stream(o.substring("--index-sizes=".length()).split(",")).mapToInt(Integer::parseInt)
                        .toArray())
                .orElse(quick ? new int[] {5_000, 20_000} : new int[] {100_000, 1_000_000});
        IndexParameters parameters = IndexedIdentification.serviceDefaults();
        final String method = option(options, "--index-method=", parameters.method().name());
        TriangleParameters triangles = parameters.triangles();
        final String[] t = option(options, "--triangles=", "").split(",");
        if (t.length >= 9 && t.length <= 11) {
            triangles = new TriangleParameters(Double.parseDouble(t[0]), Double.parseDouble(t[1]),
                    Double.parseDouble(t[2]), Integer.parseInt(t[3]), Double.parseDouble(t[4]),
                    Double.parseDouble(t[5]), Integer.parseInt(t[6]), Double.parseDouble(t[7]), Integer.parseInt(t[8]),
                    t.length >= 10 ? Double.parseDouble(t[9]) : 0, t.length == 11 && Boolean.parseBoolean(t[10]));
        }
        parameters = parameters.withMethod(IndexParameters.Method.valueOf(method.toUpperCase(Locale.ROOT)), triangles)
                .withShortlist(Double.parseDouble(option(options, "--penetration=", "" + parameters.penetration())),
                        parameters.minShortlist())
                .withHashing(parameters.keyLength(), parameters.hashFunctions(),
                        Double.parseDouble(option(options, "--stop-share=", "" + parameters.maxBucketShare())));
        IndexedIdentification.rankOnly = options.contains("--rank-only");
        new BiometricsBenchmark(quick, options.contains("--index-only"), sizes, parameters,
                Integer.parseInt(option(options, "--mated-probes=", quick ? "100" : "200")),
                Integer.parseInt(option(options, "--baseline-probes=", quick ? "3" : "4"))).run();
    }

    private static String option(final List<String> options, final String prefix, final String fallback) {
        return options.stream().filter(o -> o.startsWith(prefix)).findFirst().map(o -> o.substring(prefix.length()))
                .orElse(fallback);
    }

    private void run() {
        machine();
        if (!indexOnly) {
            isoAccuracy(quick ? 60 : 500, 8);
            imageAccuracy(quick ? 6 : 40, 4);
            final int[] sizes = quick ? new int[] {2_000, 10_000} : new int[] {10_000, 100_000};
            identification(sizes, quick ? 4 : 10);
        }
        IndexedIdentification.run(OUT, indexSizes, matedProbes, baselineProbes, indexParameters);
        OUT.printf(Locale.ROOT, "%nload average at the end: %s%n", loadAverage());
    }

    private static void machine() {
        final Runtime runtime = Runtime.getRuntime();
        OUT.println("== Machine");
        OUT.printf(Locale.ROOT, "cpu: %s, %d cores available to the JVM%n", cpuModel(), runtime.availableProcessors());
        OUT.printf(Locale.ROOT, "jvm: %s %s, max heap %d MiB; SourceAFIS %s%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), runtime.maxMemory() >> 20,
                FingerprintCompatibility.version());
        OUT.printf(Locale.ROOT, "os: %s %s; load average at start: %s%n", System.getProperty("os.name"),
                System.getProperty("os.version"), loadAverage());
    }

    /* FVC protocol on ISO/IEC 19794-2 templates from MinutiaFinger with the calibrated capture noise. */
    private static void isoAccuracy(final int fingerCount, final int impressions) {
        OUT.printf(Locale.ROOT, "%n== Synthetic ISO/IEC 19794-2 templates: %d fingers x %d impressions%n",
                fingerCount, impressions);
        final long started = System.nanoTime();
        final List<List<FingerprintTemplateBytes>> fingers = IntStream.range(0, fingerCount).parallel()
                .mapToObj(f -> {
                    final MinutiaFinger finger = MinutiaFinger.generate(1_000_000 + f);
                    final List<FingerprintTemplateBytes> set = new ArrayList<>();
                    for (int i = 0; i < impressions; i++) {
                        set.add(finger.template(f * 100L + i, MinutiaFinger.Capture.calibrated()));
                    }
                    return set;
                }).toList();
        final double minutiae = fingers.stream().flatMap(List::stream).mapToInt(FingerprintTemplateBytes::minutiae)
                .average().orElse(0);
        OUT.printf(Locale.ROOT, "generated and imported in %.1f s; %.1f minutiae per template on average%n",
                seconds(started), minutiae);
        report(ErrorRates.measure(fingers));
        matchingSpeed(fingers.stream().limit(40).flatMap(List::stream).toList());
    }

    /* The same protocol on rendered images through the capture pipeline (SyntheticFinger, as the unit tests). */
    private static void imageAccuracy(final int fingerCount, final int impressions) {
        OUT.printf(Locale.ROOT, "%n== Synthetic images (SyntheticFinger, 300 x 300 px at 500 DPI): %d fingers x %d "
                + "impressions%n", fingerCount, impressions);
        final AtomicInteger rendered = new AtomicInteger();
        final byte[][][] pngs = new byte[fingerCount][impressions][];
        IntStream.range(0, fingerCount).parallel().forEach(f -> {
            final SyntheticFinger master = SyntheticFinger.generate(2_000_000 + f);
            for (int i = 0; i < impressions; i++) {
                pngs[f][i] = SyntheticFinger.encode(master.impression(f * 100L + i, 10, 15, 12), "png");
            }
            final int done = rendered.incrementAndGet();
            if (done % 10 == 0) {
                OUT.printf(Locale.ROOT, "  rendered %d of %d fingers%n", done, fingerCount);
            }
        });
        final FingerprintCapture capture = FingerprintCapture.create(QualityPolicy.defaults());
        capture.capture(pngs[0][0]); // warm-up, not timed
        final List<List<FingerprintTemplateBytes>> fingers = new ArrayList<>();
        final double[] millis = new double[fingerCount * impressions];
        int rejected = 0;
        for (int f = 0; f < fingerCount; f++) {
            final List<FingerprintTemplateBytes> set = new ArrayList<>();
            for (int i = 0; i < impressions; i++) {
                final long started = System.nanoTime();
                final CaptureResult result = capture.capture(pngs[f][i]);
                millis[f * impressions + i] = (System.nanoTime() - started) / 1e6;
                if (result instanceof CaptureResult.Accepted accepted) {
                    set.add(accepted.template());
                } else {
                    rejected++;
                    // A refused capture counts as a failed attempt (an empty template matches nothing).
                    set.add(FingerprintTemplateBytes.of(FingerprintTemplate.empty()));
                }
            }
            fingers.add(set);
        }
        Arrays.sort(millis);
        OUT.printf(Locale.ROOT, "extraction per image, one thread (PNG decode, quality checks, SourceAFIS): "
                + "mean %.0f ms, median %.0f ms, max %.0f ms; %d rejected%n", Arrays.stream(millis).average()
                .orElse(0), millis[millis.length / 2], millis[millis.length - 1], rejected);
        report(ErrorRates.measure(fingers));
        matchingSpeed(fingers.stream().flatMap(List::stream).toList());
    }

    /* Every template against every other on one thread: the cost of one match for this kind of template. */
    private static void matchingSpeed(final List<FingerprintTemplateBytes> templates) {
        for (int round = 0; round < 2; round++) {
            final long started = System.nanoTime();
            final long cpu = processCpuNanos();
            for (final FingerprintTemplateBytes probe : templates) {
                final FingerprintMatcher matcher = new FingerprintMatcher(probe.template());
                for (final FingerprintTemplateBytes candidate : templates) {
                    sink += matcher.match(candidate.template());
                }
            }
            if (round == 1) {
                final double matches = (double) templates.size() * templates.size();
                OUT.printf(Locale.ROOT, "one thread, %d x %d templates: %,.0f matches/s (%,.0f per CPU-second)%n",
                        templates.size(), templates.size(), matches / seconds(started),
                        matches / ((processCpuNanos() - cpu) / 1e9));
            }
        }
    }

    private static void report(final ErrorRates rates) {
        OUT.printf(Locale.ROOT, "attempts: %,d genuine, %,d impostor%n", rates.genuine().length,
                rates.impostor().length);
        OUT.printf(Locale.ROOT, "at threshold %.0f: FAR %.4f%% (%d impostors), FRR %.2f%% (%d genuine)%n", THRESHOLD,
                100 * rates.falseAcceptRate(THRESHOLD),
                Math.round(rates.falseAcceptRate(THRESHOLD) * rates.impostor().length),
                100 * rates.falseRejectRate(THRESHOLD),
                Math.round(rates.falseRejectRate(THRESHOLD) * rates.genuine().length));
        OUT.printf(Locale.ROOT, "EER %.2f%% at score %.1f%n", 100 * rates.equalErrorRate(),
                rates.equalErrorThreshold());
        OUT.printf(Locale.ROOT, "genuine scores: 5th percentile %.1f, median %.1f; impostor: 99th percentile %.1f, "
                + "max %.1f%n", rates.genuineQuantile(0.05), rates.genuineQuantile(0.5),
                rates.impostorQuantile(0.99), rates.impostor()[rates.impostor().length - 1]);
    }

    private static void identification(final int[] sizes, final int probeCount) {
        final int largest = Arrays.stream(sizes).max().orElseThrow();
        OUT.printf(Locale.ROOT, "%n== 1:N identification over ISO templates (threshold %.0f)%n", THRESHOLD);
        final long started = System.nanoTime();
        final AtomicInteger built = new AtomicInteger();
        final MinutiaFinger.Capture capture = MinutiaFinger.Capture.calibrated();
        final FingerprintTemplateBytes[] enrolled = IntStream.range(0, largest).parallel().mapToObj(s -> {
            final FingerprintTemplateBytes template = MinutiaFinger.generate(s).template(s * 10L, capture);
            final int done = built.incrementAndGet();
            if (done % 10_000 == 0) {
                OUT.printf(Locale.ROOT, "  built %,d of %,d templates (%.0f s)%n", done, largest, seconds(started));
            }
            return template;
        }).toArray(FingerprintTemplateBytes[]::new);
        // Half the probes are later captures of enrolled subjects (spread over the smallest gallery), half never
        // enrolled (the common case at enrollment, and the full cost of a search).
        final List<FingerprintTemplateBytes> probes = new ArrayList<>();
        final List<String> expected = new ArrayList<>();
        for (int p = 0; p < probeCount; p++) {
            final int subject = p % 2 == 0 ? p * (sizes[0] / probeCount) : -1 - p;
            probes.add(MinutiaFinger.generate(subject).template(Math.abs(subject) * 10L + 1, capture));
            expected.add(subject >= 0 ? subjectId(subject) : null);
        }
        final FingerprintSearch search = FingerprintSearch.withThreshold(THRESHOLD);
        for (final int size : sizes) {
            final Gallery gallery = Gallery.inMemory();
            final List<FingerprintTemplate> plain = new ArrayList<>(size);
            for (int s = 0; s < size; s++) {
                gallery.put(subjectId(s), enrolled[s]);
                plain.add(enrolled[s].template());
            }
            OUT.printf(Locale.ROOT, "%ngallery of %,d templates (%.0f s so far); heap in use %d MiB%n", size,
                    seconds(started), usedHeapMiB());
            // Warm-up: let the JIT compile the matcher and the search before anything is timed.
            for (int round = 0; round < 2; round++) {
                sink += sequential(probes.get(0), plain);
                search.deduplicate(probes.get(1), gallery);
            }
            long sequentialNanos = 0;
            long sequentialCpu = 0;
            long parallelNanos = 0;
            long parallelCpu = 0;
            int found = 0;
            int falseHits = 0;
            for (int p = 0; p < probes.size(); p++) {
                final long a = System.nanoTime();
                final long cpuA = processCpuNanos();
                sink += sequential(probes.get(p), plain);
                final long b = System.nanoTime();
                final long cpuB = processCpuNanos();
                final Deduplication result = search.deduplicate(probes.get(p), gallery);
                final long c = System.nanoTime();
                final long cpuC = processCpuNanos();
                sequentialNanos += b - a;
                sequentialCpu += cpuB - cpuA;
                parallelNanos += c - b;
                parallelCpu += cpuC - cpuB;
                if (result instanceof Deduplication.DuplicateReferral referral) {
                    for (final MatchCandidate candidate : referral.candidates()) {
                        if (candidate.subjectId().equals(expected.get(p))) {
                            found++;
                        } else {
                            falseHits++;
                        }
                    }
                }
            }
            final double matches = (double) size * probes.size();
            // Wall-clock figures depend on what else the machine runs; CPU time shows how many cores the run got.
            OUT.printf(Locale.ROOT, "plain sequential SourceAFIS loop: %.0f ms per search, %,.0f matches/s "
                    + "(%,.0f per CPU-second; %.2f cores busy)%n", sequentialNanos / 1e6 / probes.size(),
                    matches / (sequentialNanos / 1e9), matches / (sequentialCpu / 1e9),
                    (double) sequentialCpu / sequentialNanos);
            OUT.printf(Locale.ROOT, "FingerprintSearch (parallelism %d): %.0f ms per search, %,.0f matches/s "
                    + "(%.2f cores busy), speed-up %.2fx%n", search.parallelism(), parallelNanos / 1e6
                    / probes.size(), matches / (parallelNanos / 1e9), (double) parallelCpu / parallelNanos,
                    (double) sequentialNanos / parallelNanos);
            OUT.printf(Locale.ROOT, "%d probes: %d of %d enrolled subjects found, %d other candidates%n",
                    probes.size(), found, (probes.size() + 1) / 2, falseHits);
        }
    }

    /* The baseline: what one thread does with SourceAFIS alone, no gallery and no candidate list. */
    private static double sequential(final FingerprintTemplateBytes probe, final List<FingerprintTemplate> plain) {
        final FingerprintMatcher matcher = new FingerprintMatcher(probe.template());
        double best = 0;
        for (final FingerprintTemplate candidate : plain) {
            best = Math.max(best, matcher.match(candidate));
        }
        return best;
    }

    private static String subjectId(final int subject) {
        return String.format(Locale.ROOT, "subject-%06d", subject);
    }

    static long usedHeapMiB() {
        System.gc();
        final Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    }

    static double seconds(final long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /* CPU time of this whole process (every thread), where the JVM can tell; wall time otherwise. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return System.nanoTime();
    }

    static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }
}
