package org.safepassage.enrollment.gallery;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.safepassage.service.db.Jdbc;

/**
 * Deletes old {@code gallery_change} rows (migration V7): every row up to the newest one older than
 * {@code safepassage.biometrics.gallery-change.retention}, every
 * {@code safepassage.biometrics.gallery-change.prune-every}. The rows are only the follow-up channel between
 * instances, and would otherwise keep the opaque id of every subject ever changed, erased ones included. Every
 * instance runs it; running it twice at once is harmless.
 *
 * <p>The highest number deleted is kept in {@code gallery_change_pruned}. A gallery whose last applied change is below
 * it fell further behind than the retention and cannot know what it missed: it reloads everything
 * ({@link EnrolledGallery#catchUp()}, {@link IrisGallery#catchUp()}).
 */
@ApplicationScoped
public class GalleryChangePruning {
    private static final Logger LOG = Logger.getLogger(GalleryChangePruning.class);

    private final Jdbc jdbc;
    private final Duration retention;

    GalleryChangePruning(final Jdbc jdbc,
            @ConfigProperty(name = "safepassage.biometrics.gallery-change.retention", defaultValue = "24h")
            final Duration retention) {
        this.jdbc = jdbc;
        this.retention = positive(retention);
    }

    @Scheduled(every = "${safepassage.biometrics.gallery-change.prune-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodically() {
        try {
            pruneOlderThan(retention);
        } catch (RuntimeException e) {
            // Tried again at the next tick: until then the table only keeps a few more rows.
            LOG.warnf("gallery_change not pruned: %s", e.getMessage());
        }
    }

    /**
     * Deletes every change numbered up to the newest one recorded more than {@code retention} ago, and remembers the
     * highest number deleted.
     *
     * @param retention how long a change is kept; positive
     * @return how many rows were deleted
     */
    public int pruneOlderThan(final Duration retention) {
        positive(retention);
        // One statement: the rows and the mark go together, so no instance can see one without the other.
        final long[] result = jdbc.queryOne("with cut as (select max(seq) as up_to from gallery_change "
                + "where changed_at < now() - make_interval(secs => ?::float8)), "
                + "gone as (delete from gallery_change where seq <= (select up_to from cut) returning seq), "
                + "mark as (update gallery_change_pruned set up_to = greatest(up_to, "
                + "coalesce((select max(seq) from gone), 0)) returning up_to) "
                + "select (select count(*) from gone), (select up_to from mark)",
                row -> new long[] {row.getLong(1), row.getLong(2)}, retention.toMillis() / 1000.0).orElseThrow();
        if (result[0] > 0) {
            LOG.infof("gallery_change: %d changes pruned, up to number %d (retention %s)", result[0], result[1],
                    retention);
        }
        return (int) result[0];
    }

    /** The highest change number pruned: a gallery that applied less must reload everything. */
    static long prunedUpTo(final Jdbc jdbc) {
        return jdbc.queryOne("select up_to from gallery_change_pruned", row -> row.getLong(1)).orElse(0L);
    }

    /** The newest change number a gallery loaded now has seen, pruned ones included: where its follow-up starts. */
    static long newestChange(final Jdbc jdbc) {
        return jdbc.queryOne("select greatest((select coalesce(max(seq), 0) from gallery_change), "
                + "(select up_to from gallery_change_pruned))", row -> row.getLong(1)).orElse(0L);
    }

    private static Duration positive(final Duration retention) {
        if (Objects.requireNonNull(retention, "retention").isNegative() || retention.isZero()) {
            throw new IllegalStateException("safepassage.biometrics.gallery-change.retention: must be positive");
        }
        return retention;
    }
}
