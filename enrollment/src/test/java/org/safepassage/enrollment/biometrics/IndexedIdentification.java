package org.safepassage.enrollment.biometrics;

import com.machinezoo.sourceafis.FingerprintMatcher;
import com.machinezoo.sourceafis.FingerprintTemplate;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.safepassage.enrollment.biometrics.index.CandidateIndex;
import org.safepassage.enrollment.biometrics.index.IndexParameters;
import org.safepassage.enrollment.biometrics.index.Shortlist;

/**
 * The indexed 1:N part of {@link BiometricsBenchmark}: at each gallery size, the plain SourceAFIS loop, the
 * exhaustive parallel search and the candidate index, on the same probes in the same run, with the index's build
 * time, memory, penetration and hit rate.
 *
 * <p>Galleries larger than {@link #PARSED_LIMIT} do not fit in a heap as parsed SourceAFIS templates (about 12.5 KB
 * each); there the gallery keeps serialised templates and parses the short list on demand, and the plain loop and
 * exhaustive search are timed on the largest parsed gallery and scaled linearly (printed as extrapolated).
 */
final class IndexedIdentification {
    private static final int PARSED_LIMIT = 200_000;
    private static final int BUILD_BATCH = 2_000;
    private static final double THRESHOLD = FingerprintSearch.DEFAULT_THRESHOLD;
    private static volatile double sink;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /* Set by --rank-only: measure the index's ranking and the mates' ranks, without SourceAFIS on the short list. */
    static boolean rankOnly;

    private IndexedIdentification() {}

    /** The index the service builds unless configured otherwise. */
    static IndexParameters serviceDefaults() {
        return IndexParameters.defaults();
    }

    static void run(final PrintStream out, final int[] sizes, final int matedProbes, final int sampled,
            final IndexParameters parameters) {
        final int largest = Arrays.stream(sizes).max().orElseThrow();
        final int smallest = Arrays.stream(sizes).min().orElseThrow();
        out.printf(Locale.ROOT, "%n== Indexed 1:N identification (threshold %.0f, index %s)%n", THRESHOLD,
                parameters);
        final long started = System.nanoTime();
        final MinutiaFinger.Capture capture = MinutiaFinger.Capture.calibrated();
        final AtomicInteger built = new AtomicInteger();
        final byte[][] serialized = IntStream.range(0, largest).parallel().mapToObj(s -> {
            final byte[] bytes = MinutiaFinger.generate(s).template(s * 10L, capture).bytes();
            if (built.incrementAndGet() % 100_000 == 0) {
                out.printf(Locale.ROOT, "  generated %,d of %,d templates (%.0f s)%n", built.get(), largest,
                        BiometricsBenchmark.seconds(started));
            }
            return bytes;
        }).toArray(byte[][]::new);
        // Mated probes: later captures of subjects spread over the smallest gallery (so every size has them);
        // then as many never-enrolled fingers, the usual case at enrollment.
        final List<FingerprintTemplateBytes> probes = new ArrayList<>();
        final List<Integer> mates = new ArrayList<>();
        for (int p = 0; p < matedProbes; p++) {
            final int subject = (int) ((long) p * smallest / matedProbes);
            probes.add(MinutiaFinger.generate(subject).template(subject * 10L + 1, capture));
            mates.add(subject);
        }
        for (int p = 0; p < matedProbes; p++) {
            probes.add(MinutiaFinger.generate(-1 - p).template(p, capture));
            mates.add(-1);
        }
        final double[] mateScores = new double[probes.size()];
        for (int p = 0; p < matedProbes; p++) {
            mateScores[p] = new FingerprintMatcher(probes.get(p).template())
                    .match(new FingerprintTemplate(serialized[mates.get(p)]));
        }
        final long matched = Arrays.stream(mateScores, 0, matedProbes).filter(s -> s >= THRESHOLD).count();
        out.printf(Locale.ROOT, "%,d templates and %d probes (%d of %d mated probes score >= %.0f against their mate)"
                + " in %.0f s%n", largest, probes.size(), matched, matedProbes, THRESHOLD,
                BiometricsBenchmark.seconds(started));
        double plainPerTemplate = 0;
        double exhaustivePerTemplate = 0;
        for (final int size : sizes) {
            final Result parsed = size <= PARSED_LIMIT ? measure(out, serialized, size, probes, mates, mateScores,
                    sampled, true, parameters) : null;
            if (parsed != null) {
                plainPerTemplate = parsed.plainMs / size;
                exhaustivePerTemplate = parsed.exhaustiveMs / size;
            } else if (size > PARSED_LIMIT) {
                measure(out, serialized, size, probes, mates, mateScores, 0, false, parameters);
                out.printf(Locale.ROOT, "plain loop and exhaustive search at %,d EXTRAPOLATED linearly from the "
                        + "largest parsed gallery: %.0f ms and %.0f ms per search%n", size, plainPerTemplate * size,
                        exhaustivePerTemplate * size);
            }
        }
    }

    private record Result(double plainMs, double exhaustiveMs) {}

    private static Result measure(final PrintStream out, final byte[][] serialized, final int size,
            final List<FingerprintTemplateBytes> probes, final List<Integer> mates, final double[] mateScores,
            final int sampled, final boolean parse, final IndexParameters parameters) {
        out.printf(Locale.ROOT, "%n-- gallery of %,d templates (%s); load average %s%n", size,
                parse ? "parsed in memory" : "serialised in memory, short list parsed per search",
                BiometricsBenchmark.loadAverage());
        final long heapBefore = BiometricsBenchmark.usedHeapMiB();
        final CandidateIndex index = CandidateIndex.create(parameters);
        long started = System.nanoTime();
        long cpu = BiometricsBenchmark.processCpuNanos();
        // Built as the service's load builds it: hashed on every core in batches, each batch bulk-inserted, then
        // trimmed. Holding every template's hashes at once would not fit a million in the heap.
        long hashNanos = 0;
        long addNanos = 0;
        for (int from = 0; from < size; from += BUILD_BATCH) {
            final int to = Math.min(size, from + BUILD_BATCH);
            final long a = System.nanoTime();
            final List<CandidateIndex.Hashes> hashes = IntStream.range(from, to).parallel()
                    .mapToObj(s -> index.hash(serialized[s])).toList();
            final long b = System.nanoTime();
            index.addAll(IntStream.range(from, to).mapToObj(IndexedIdentification::key).toList(), hashes);
            hashNanos += b - a;
            addNanos += System.nanoTime() - b;
            if (to % 100_000 == 0) {
                out.printf(Locale.ROOT, "  indexed %,d of %,d (%.0f s)%n", to, size,
                        BiometricsBenchmark.seconds(started));
            }
        }
        index.trim();
        final double hashSeconds = hashNanos / 1e9;
        final double hashCores = (BiometricsBenchmark.processCpuNanos() - cpu) / 1e9
                / BiometricsBenchmark.seconds(started);
        final double addSeconds = addNanos / 1e9;
        final CandidateIndex.Statistics statistics = index.statistics();
        final long heapWithIndex = BiometricsBenchmark.usedHeapMiB();
        out.printf(Locale.ROOT, "index build: hashing %.1f s (%.2f cores busy over the build) + inserting %.1f s = %.1f s; %s%n",
                hashSeconds, hashCores, addSeconds, hashSeconds + addSeconds, statistics);
        out.printf(Locale.ROOT, "heap: %d MiB before the index, %d MiB with it (index estimate %d MiB, %.0f bytes "
                + "per template)%n", heapBefore, heapWithIndex, statistics.approximateBytes() >> 20,
                (double) statistics.approximateBytes() / size);
        final Gallery gallery = parse ? Gallery.inMemory() : new SerialisedGallery(serialized, size);
        started = System.nanoTime();
        if (parse && !rankOnly) {
            for (int s = 0; s < size; s++) {
                gallery.put(key(s), FingerprintTemplateBytes.fromBytes(serialized[s]));
            }
            out.printf(Locale.ROOT, "parsed %,d templates in %.1f s (one thread); heap now %d MiB%n", size,
                    BiometricsBenchmark.seconds(started), BiometricsBenchmark.usedHeapMiB());
        }
        final FingerprintSearch search = FingerprintSearch.withThreshold(THRESHOLD);
        // Warm-up of the index path.
        for (int p = 0; p < 3; p++) {
            if (rankOnly) {
                index.shortlist(probes.get(p));
            } else {
                indexed(index, search, gallery, probes.get(p));
            }
        }
        final int shortlistLength = index.parameters().shortlistLength(size);
        final double[] latency = new double[probes.size()];
        final double[] rankLatency = new double[probes.size()];
        final long[] work = new long[probes.size()];
        long indexNanos = 0;
        long indexCpu = 0;
        long rankNanos = 0;
        long rankCpu = 0;
        int hits = 0;
        int missed = 0;
        int fallbacks = 0;
        int falseHits = 0;
        for (int p = 0; p < probes.size(); p++) {
            final long a = System.nanoTime();
            final long cpuA = BiometricsBenchmark.processCpuNanos();
            final Shortlist shortlist = index.shortlist(probes.get(p));
            rankCpu += BiometricsBenchmark.processCpuNanos() - cpuA;
            final long b = System.nanoTime();
            if (rankOnly) {
                rankNanos += b - a;
                latency[p] = (b - a) / 1e6;
                rankLatency[p] = (b - a) / 1e6;
                work[p] = shortlist instanceof Shortlist.Ranked ranked ? ranked.postingsRead() : 0;
                fallbacks += shortlist instanceof Shortlist.Exhaustive ? 1 : 0;
                indexNanos += b - a;
                continue;
            }
            final Deduplication result = shortlist instanceof Shortlist.Ranked ranked
                    ? search.deduplicate(probes.get(p), gallery, ranked.keys())
                    : search.deduplicate(probes.get(p), gallery);
            final long c = System.nanoTime();
            indexCpu += BiometricsBenchmark.processCpuNanos() - cpuA;
            rankNanos += b - a;
            indexNanos += c - a;
            latency[p] = (c - a) / 1e6;
            rankLatency[p] = (b - a) / 1e6;
            if (shortlist instanceof Shortlist.Ranked ranked) {
                work[p] = ranked.postingsRead();
            }
            if (shortlist instanceof Shortlist.Exhaustive) {
                fallbacks++;
            }
            final List<String> found = result instanceof Deduplication.DuplicateReferral referral
                    ? referral.candidates().stream().map(MatchCandidate::subjectId).toList() : List.of();
            final int mate = mates.get(p);
            for (final String candidate : found) {
                if (mate < 0 || !candidate.equals(key(mate))) {
                    falseHits++;
                }
            }
            if (mate >= 0 && mateScores[p] >= THRESHOLD) {
                if (found.contains(key(mate))) {
                    hits++;
                } else {
                    missed++;
                }
            }
        }
        Arrays.sort(latency);
        Arrays.sort(rankLatency);
        Arrays.sort(work);
        final double mean = indexNanos / 1e6 / probes.size();
        out.printf(Locale.ROOT, "INDEX ranking alone: p50 %.0f ms, p95 %.0f ms, max %.0f ms; postings read (votes) per "
                + "probe: mean %,.0f, p50 %,d, p95 %,d, max %,d (%.1f per enrolled template on average)%n",
                rankLatency[rankLatency.length / 2], rankLatency[(int) Math.ceil(0.95 * rankLatency.length) - 1],
                rankLatency[rankLatency.length - 1], Arrays.stream(work).average().orElse(0), work[work.length / 2],
                work[(int) Math.ceil(0.95 * work.length) - 1], work[work.length - 1],
                Arrays.stream(work).average().orElse(0) / size);
        // CPU time, not wall time, so that a shared machine's load does not hide what a change to the ranking did.
        out.printf(Locale.ROOT, "INDEX ranking CPU (the process, all threads): mean %.1f ms per probe, %.1f ns per "
                + "vote%n", rankCpu / 1e6 / probes.size(), (double) rankCpu / Math.max(1, Arrays.stream(work).sum()));
        oneThread(out, index, probes);
        out.printf(Locale.ROOT, "INDEX: %d probes, short list %,d (penetration %.2f%%), %d exhaustive fallbacks; "
                + "per search mean %.0f ms (ranking %.0f ms), p50 %.0f ms, p95 %.0f ms, max %.0f ms; %.2f cores busy%n",
                probes.size(), shortlistLength, 100.0 * shortlistLength / size, fallbacks, mean,
                rankNanos / 1e6 / probes.size(), latency[latency.length / 2],
                latency[(int) Math.ceil(0.95 * latency.length) - 1], latency[latency.length - 1],
                (double) indexCpu / indexNanos);
        if (!rankOnly) out.printf(Locale.ROOT, "INDEX hit rate: %d of %d probes whose mate scores >= %.0f found (%.2f%%); %d missed;"
                + " %d other candidates%n", hits, hits + missed, THRESHOLD, 100.0 * hits / Math.max(1, hits + missed),
                missed, falseHits);
        hitRateByPenetration(out, index, probes, mates, mateScores, size);
        if (!parse || sampled == 0 || rankOnly) {
            return null;
        }
        // The two baselines on a sample of the probes (every second one mated), alternating per probe.
        final List<FingerprintTemplate> plain = new ArrayList<>(size);
        gallery.forEach((key, template) -> plain.add(template.template()));
        long plainNanos = 0;
        long exhaustiveNanos = 0;
        long exhaustiveCpu = 0;
        int agree = 0;
        int exhaustiveHits = 0;
        for (int i = 0; i < sampled; i++) {
            final int p = i % 2 == 0 ? i : probes.size() - i;
            final FingerprintTemplateBytes probe = probes.get(p);
            final long a = System.nanoTime();
            final FingerprintMatcher matcher = new FingerprintMatcher(probe.template());
            double best = 0;
            for (final FingerprintTemplate candidate : plain) {
                best = Math.max(best, matcher.match(candidate));
            }
            sink += best;
            final long b = System.nanoTime();
            final long cpuB = BiometricsBenchmark.processCpuNanos();
            final Deduplication exhaustive = search.deduplicate(probe, gallery);
            final long c = System.nanoTime();
            exhaustiveCpu += BiometricsBenchmark.processCpuNanos() - cpuB;
            plainNanos += b - a;
            exhaustiveNanos += c - b;
            final Deduplication viaIndex = indexed(index, search, gallery, probe);
            if (exhaustive instanceof Deduplication.DuplicateReferral referral) {
                exhaustiveHits += referral.candidates().size();
                if (viaIndex instanceof Deduplication.DuplicateReferral other
                        && other.candidates().containsAll(referral.candidates())) {
                    agree++;
                }
            } else if (viaIndex instanceof Deduplication.Unique) {
                agree++;
            }
        }
        final double plainMs = plainNanos / 1e6 / sampled;
        final double exhaustiveMs = exhaustiveNanos / 1e6 / sampled;
        out.printf(Locale.ROOT, "PLAIN LOOP (1 thread, %d probes): %.0f ms per search, %,.0f matches/s%n", sampled,
                plainMs, size / (plainMs / 1e3));
        out.printf(Locale.ROOT, "EXHAUSTIVE FingerprintSearch (parallelism %d, %d probes): %.0f ms per search "
                + "(%.2f cores busy)%n", search.parallelism(), sampled, exhaustiveMs,
                (double) exhaustiveCpu / exhaustiveNanos);
        out.printf(Locale.ROOT, "on those probes the index answered exactly what the exhaustive search did for %d of "
                + "%d (%d exhaustive hits)%n", agree, sampled, exhaustiveHits);
        out.printf(Locale.ROOT, "SPEED-UP of the index (mean): %.0fx the plain loop, %.0fx the exhaustive search%n",
                plainMs / mean, exhaustiveMs / mean);
        return new Result(plainMs, exhaustiveMs);
    }

    /* The same ranking not split (one thread), on a sample of the probes: what the split buys in wall time. */
    private static void oneThread(final PrintStream out, final CandidateIndex index,
            final List<FingerprintTemplateBytes> probes) {
        final int sample = Math.min(60, probes.size());
        final double[] wall = new double[sample];
        long cpu = 0;
        for (int i = 0; i < sample; i++) {
            final FingerprintTemplateBytes probe = probes.get(i * probes.size() / sample);
            final long a = System.nanoTime();
            final long threadCpu = THREADS.getCurrentThreadCpuTime();
            index.shortlist(probe, 1);
            cpu += THREADS.getCurrentThreadCpuTime() - threadCpu;
            wall[i] = (System.nanoTime() - a) / 1e6;
        }
        Arrays.sort(wall);
        out.printf(Locale.ROOT, "INDEX ranking in one part (not split), %d probes: p50 %.0f ms, p95 %.0f ms, mean CPU "
                + "%.1f ms%n", sample, wall[sample / 2], wall[(int) Math.ceil(0.95 * sample) - 1], cpu / 1e6 / sample);
    }

    private static Deduplication indexed(final CandidateIndex index, final FingerprintSearch search,
            final Gallery gallery, final FingerprintTemplateBytes probe) {
        return index.shortlist(probe) instanceof Shortlist.Ranked ranked
                ? search.deduplicate(probe, gallery, ranked.keys())
                : search.deduplicate(probe, gallery);
    }

    /* Where the mate ranks on a long short list: the hit rate any shorter list would have had. */
    private static void hitRateByPenetration(final PrintStream out, final CandidateIndex index,
            final List<FingerprintTemplateBytes> probes, final List<Integer> mates, final double[] mateScores,
            final int size) {
        final double[] shares = {0.0005, 0.001, 0.002, 0.003, 0.005, 0.01, 0.02, 0.05, 0.1};
        final List<Integer> ranks = new ArrayList<>();
        final CandidateIndex wide = index;
        for (int p = 0; p < probes.size(); p++) {
            if (mates.get(p) >= 0 && mateScores[p] >= THRESHOLD) {
                final Shortlist shortlist = wide.shortlist(probes.get(p));
                if (shortlist instanceof Shortlist.Ranked ranked) {
                    final int rank = ranked.keys().indexOf(key(mates.get(p)));
                    ranks.add(rank < 0 ? Integer.MAX_VALUE : rank);
                } else {
                    ranks.add(0);
                }
            }
        }
        final StringBuilder line = new StringBuilder("hit rate by penetration (mate's rank on the short list):");
        for (final double share : shares) {
            final long within = (long) Math.ceil(share * size);
            if (within > index.parameters().shortlistLength(size)) {
                break;
            }
            final long found = ranks.stream().filter(r -> r < within).count();
            line.append(String.format(Locale.ROOT, " %.2f%% -> %.1f%% (%d);", 100 * share,
                    100.0 * found / ranks.size(), found));
        }
        out.println(line + " (" + ranks.size() + " probes)");
        final List<Integer> sorted = new ArrayList<>(ranks);
        sorted.sort(java.util.Comparator.reverseOrder());
        out.println("worst mate ranks (0 = first; " + Integer.MAX_VALUE + " = not on the short list): "
                + sorted.subList(0, Math.min(12, sorted.size())));
    }

    static String key(final int subject) {
        return String.format(Locale.ROOT, "subject-%07d", subject);
    }

    /* A read-only gallery of serialised templates, parsed on each lookup: 1.25 GiB per 100,000 saved, CPU paid. */
    private static final class SerialisedGallery implements Gallery {
        private final byte[][] serialized;
        private final int size;

        SerialisedGallery(final byte[][] serialized, final int size) {
            this.serialized = serialized;
            this.size = size;
        }

        @Override
        public void put(final String subjectId, final FingerprintTemplateBytes template) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public boolean remove(final String subjectId) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public Optional<FingerprintTemplateBytes> find(final String subjectId) {
            final int subject = Integer.parseInt(subjectId.substring("subject-".length()));
            return subject < size ? Optional.of(FingerprintTemplateBytes.fromBytes(serialized[subject]))
                    : Optional.empty();
        }

        @Override
        public void forEach(final BiConsumer<String, FingerprintTemplateBytes> visitor) {
            for (int s = 0; s < size; s++) {
                visitor.accept(key(s), FingerprintTemplateBytes.fromBytes(serialized[s]));
            }
        }

        @Override
        public int size() {
            return size;
        }
    }
}
