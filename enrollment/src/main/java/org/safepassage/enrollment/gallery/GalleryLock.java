package org.safepassage.enrollment.gallery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.safepassage.service.db.Jdbc;

/**
 * The one lock every enrollment instance behind the database shares: a PostgreSQL transaction-level advisory lock.
 * Deduplication takes it before it reads the gallery and keeps it until its insert commits, so two officers at two
 * instances enrolling the same child cannot both pass; a rollback releases it with the transaction. The trigger
 * behind {@code gallery_change} (migration V3) takes it too, so gallery changes commit in the order of their numbers.
 */
public final class GalleryLock {
    /** The advisory lock key, 0x5AFEDED000000001; the same literal is in V3__gallery_changes.sql. */
    public static final long KEY = 0x5AFE_DED0_0000_0001L;

    private GalleryLock() {}

    /**
     * Waits for the lock and holds it until the current transaction ends.
     *
     * @param jdbc the service's database access, which joins the current transaction
     * @throws IllegalStateException outside a transaction, where the lock would be released at once
     */
    public static void acquire(final Jdbc jdbc) {
        if (!QuarkusTransaction.isActive()) {
            throw new IllegalStateException("the gallery lock is held until commit: take it inside a transaction");
        }
        jdbc.queryOne("select pg_advisory_xact_lock(?)", row -> Boolean.TRUE, KEY);
    }
}
