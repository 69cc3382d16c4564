package org.safepassage.enrollment.biometrics;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One pool of daemon threads, one per core, shared by every search in the JVM: ranking the index and matching the
 * short list are pure CPU work, so more threads than cores would only take turns. A search splits its work into
 * slices, does the first itself and hands the others here.
 */
public final class SearchThreads {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ForkJoinPool POOL = new ForkJoinPool(cores(), SearchThreads::thread, null, false);

    private SearchThreads() {}

    /**
     * The shared pool.
     *
     * @return the pool
     */
    public static ForkJoinPool pool() {
        return POOL;
    }

    /**
     * The cores this JVM may use: how many slices a search is worth splitting into.
     *
     * @return the number of cores
     */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static ForkJoinWorkerThread thread(final ForkJoinPool pool) {
        final ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setName("biometric-search-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
