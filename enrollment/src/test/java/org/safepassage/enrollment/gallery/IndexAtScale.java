package org.safepassage.enrollment.gallery;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.safepassage.enrollment.biometrics.FingerprintTemplateBytes;
import org.safepassage.enrollment.biometrics.Gallery;
import org.safepassage.enrollment.biometrics.index.CandidateIndex;
import org.safepassage.enrollment.biometrics.index.IndexParameters;
import org.safepassage.enrollment.subject.Finger;
import org.safepassage.enrollment.vault.DataKeyStore;
import org.safepassage.enrollment.vault.KeyEncryptionKeys;
import org.safepassage.enrollment.vault.SubjectVault;

/**
 * Memory and restart of the fingerprint gallery at scale, the index on, as {@link EnrolledGallery} holds them: the
 * templates serialised in an in-memory gallery under the same keys, the subjects' finger sets, the index built in
 * batches of 2,000 (hashing on every core, one bulk insert each), trimmed; then the sealed snapshot written and read
 * back. Prints heap used after a full GC at each step. A {@code main}, not a test; the templates come from a file
 * that {@code biometrics.GalleryAtScale generate} wrote.
 *
 * <pre>java -Xmx8g ... IndexAtScale /tmp/gallery-1m.bin 1000000 /tmp/snapshot-dir</pre>
 */
public final class IndexAtScale {
    private static final int BATCH = 2_000;

    private IndexAtScale() {}

    public static void main(final String[] args) throws IOException {
        final Path file = Path.of(args[0]);
        final int size = Integer.parseInt(args[1]);
        final Path directory = Path.of(args[2]);
        Files.createDirectories(directory);
        out("start: load average %s, heap max %d MiB, %d cores", load(), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        final long baseline = usedAfterGc();

        // The templates as the gallery keeps them with the index on: serialised.
        long t = System.nanoTime();
        final Gallery gallery = Gallery.inMemory();
        final Map<String, Set<Finger>> fingers = new ConcurrentHashMap<>();
        final List<String> keys = new ArrayList<>(size);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            final int stored = in.readInt();
            if (stored < size) {
                throw new IllegalArgumentException("the file holds only " + stored);
            }
            for (int i = 0; i < size; i++) {
                final byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                final String subject = String.format(Locale.ROOT, "syn-%08d-0000-4000-8000-%012d", i, i);
                final String key = subject + "/" + Finger.RIGHT_INDEX.name();
                gallery.put(key, FingerprintTemplateBytes.serialized(bytes));
                fingers.computeIfAbsent(subject, id -> ConcurrentHashMap.newKeySet()).add(Finger.RIGHT_INDEX);
                keys.add(key);
            }
        }
        final long templates = usedAfterGc() - baseline;
        out("%,d serialised templates read in %.1f s; heap for them (with keys and finger sets) %,d MiB, %,d bytes"
                + " each", size, secs(t), templates >> 20, templates / size);

        // Parsing a short list, as a search does.
        for (int round = 0; round < 3; round++) {
            t = System.nanoTime();
            final long cpuParse = threadCpu();
            for (int i = 0; i < 1_000; i++) {
                gallery.find(keys.get(i * (size / 1_000) + round)).orElseThrow().template();
            }
            out("parsing 1,000 templates (one short list) on one thread, round %d: %.0f ms wall, %.0f ms CPU", round,
                    (System.nanoTime() - t) / 1e6, (threadCpu() - cpuParse) / 1e6);
        }

        // The index, built as the load builds it.
        final IndexParameters parameters = IndexParameters.defaults().withShortlist(0.01, 512);
        CandidateIndex index = CandidateIndex.create(parameters);
        t = System.nanoTime();
        long hashing = 0;
        long inserting = 0;
        final long cpu0 = cpu();
        for (int from = 0; from < size; from += BATCH) {
            final int to = Math.min(size, from + BATCH);
            final long a = System.nanoTime();
            final CandidateIndex finalIndex = index;
            final List<CandidateIndex.Hashes> hashes = IntStream.range(from, to).parallel()
                    .mapToObj(i -> finalIndex.hash(gallery.find(keys.get(i)).orElseThrow())).toList();
            final long b = System.nanoTime();
            index.addAll(keys.subList(from, to), hashes);
            inserting += System.nanoTime() - b;
            hashing += b - a;
            if (to % 100_000 == 0) {
                out("  %,d indexed, %.0f s, load average %s", to, secs(t), load());
            }
        }
        final long c = System.nanoTime();
        index.trim();
        final long trimming = System.nanoTime() - c;
        out("index built in %.1f s: hashing %.1f s wall, inserting %.1f s, trimming %.1f s; %.0f CPU-s (process)",
                secs(t), hashing / 1e9, inserting / 1e9, trimming / 1e9, (cpu() - cpu0) / 1e9);
        CandidateIndex.Statistics statistics = index.statistics();
        final long withIndex = usedAfterGc() - baseline;
        out("index %s; %.2f postings per template, %.2f bytes per posting (estimated from the arrays)",
                statistics, (double) statistics.postings() / size,
                (double) statistics.approximateBytes() / statistics.postings());
        out("HEAP after load (templates + index): %,d MiB (%,d bytes per template); the index alone %,d MiB",
                withIndex >> 20, withIndex / size, (withIndex - templates) >> 20);

        // The snapshot, sealed under a vault key, as the gallery writes it.
        final byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        final long cpuDigests = cpu();
        final SubjectVault vault = SubjectVault.create(KeyEncryptionKeys.fromBase64("scale",
                Base64.getEncoder().encodeToString(kek)), DataKeyStore.inMemory());
        final IndexSnapshot snapshot = new IndexSnapshot(directory, vault);
        t = System.nanoTime();
        final Map<String, byte[]> digests = new HashMap<>(size * 2);
        gallery.forEach((key, template) -> digests.put(key, IndexSnapshot.digest(key, template.bytes())));
        out("digests of every template: %.1f s (%.1f CPU-s)", secs(t), (cpu() - cpuDigests) / 1e9);
        t = System.nanoTime();
        long cpuBefore = cpu();
        snapshot.write(index, digests);
        out("snapshot written in %.1f s (%.1f CPU-s): %,d MiB", secs(t), (cpu() - cpuBefore) / 1e9,
                Files.size(directory.resolve(IndexSnapshot.FILE_NAME)) >> 20);

        // A restart: the index dropped, the snapshot read back and checked against every template.
        index = null;
        digests.clear();
        final long withoutIndex = usedAfterGc() - baseline;
        t = System.nanoTime();
        cpuBefore = cpu();
        final IndexSnapshot.Restored restored = snapshot.read(parameters).orElseThrow();
        final long read = System.nanoTime() - t;
        final long readCpu = cpu() - cpuBefore;
        final long d = System.nanoTime();
        final long cpuCheck = cpu();
        final Map<String, byte[]> expected = restored.digests();
        final long reused = keys.parallelStream().filter(key -> java.security.MessageDigest.isEqual(expected.get(key),
                IndexSnapshot.digest(key, gallery.find(key).orElseThrow().bytes()))).count();
        final long checking = System.nanoTime() - d;
        final long checkingCpu = cpu() - cpuCheck;
        statistics = restored.index().statistics();
        out("RESTART: snapshot read in %.1f s (%.1f CPU-s), every template checked against its digest in %.1f s (%.1f CPU-s): %,d of %,d reused"
                + " without hashing; index %s", read / 1e9, readCpu / 1e9, checking / 1e9, checkingCpu / 1e9, reused, size, statistics);
        out("heap after the restart (templates + restored index): %,d MiB (before reading it: %,d MiB)",
                (usedAfterGc() - baseline) >> 20, withoutIndex >> 20);
        // Until here, or a compiled main lets the collector take what it no longer reads and the figures above lie.
        java.lang.ref.Reference.reachabilityFence(gallery);
        java.lang.ref.Reference.reachabilityFence(fingers);
        java.lang.ref.Reference.reachabilityFence(keys);
        java.lang.ref.Reference.reachabilityFence(restored);
        out("end: load average %s", load());
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long threadCpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double secs(final long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void out(final String format, final Object... args) {
        System.out.printf(Locale.ROOT, format + "%n", args);
        System.out.flush();
    }
}
