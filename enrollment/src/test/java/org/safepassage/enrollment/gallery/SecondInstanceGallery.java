package org.safepassage.enrollment.gallery;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.safepassage.enrollment.vault.SubjectVault;
import org.safepassage.service.db.Jdbc;

/**
 * An {@link EnrolledGallery} built by hand, as another enrollment instance would hold it: its own templates in
 * memory, its own follower connection, the same database. Tests stop it with {@link #stop(EnrolledGallery)}. Its
 * iris gallery ({@link #startIris}) is built the same way.
 */
public final class SecondInstanceGallery {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private SecondInstanceGallery() {}

    /**
     * Starts the gallery and its follower, which catches up only on notifications and reconnections (its periodic
     * catch-up is set far beyond any test's deadline), and connects only while {@code online} says so.
     */
    public static EnrolledGallery start(final Jdbc jdbc, final SubjectVault vault, final BooleanSupplier online) {
        final EnrolledGallery gallery = configured(jdbc, vault, online);
        gallery.start();
        return gallery;
    }

    /**
     * Starts an instance with the index on (short lists of {@code shortlist} entries, so it narrows even the test
     * database's gallery) and its snapshot in {@code snapshots}: what a restart of one instance does.
     */
    public static EnrolledGallery startIndexed(final Jdbc jdbc, final SubjectVault vault, final Path snapshots,
            final int shortlist) {
        final EnrolledGallery gallery = configured(jdbc, vault, () -> true);
        gallery.indexEnabled = true;
        gallery.penetration = 0.001;
        gallery.minShortlist = shortlist;
        gallery.snapshotDirectory = Optional.of(snapshots.toString());
        gallery.start();
        return gallery;
    }

    /** Templates the gallery hashed for its index since it started. */
    public static long rehashed(final EnrolledGallery gallery) {
        return gallery.rehashedTemplates();
    }

    private static EnrolledGallery configured(final Jdbc jdbc, final SubjectVault vault,
            final BooleanSupplier online) {
        final var config = ConfigProvider.getConfig();
        final EnrolledGallery gallery = new EnrolledGallery();
        gallery.snapshotDirectory = Optional.empty();
        gallery.jdbc = jdbc;
        gallery.vault = vault;
        gallery.threshold = config.getOptionalValue("safepassage.biometrics.match-threshold", Double.class).orElse(40.0);
        gallery.indexEnabled = false;
        gallery.indexMethod = config.getOptionalValue("safepassage.biometrics.index.method", String.class)
                .orElse("triangles");
        gallery.penetration = 0.01;
        gallery.minShortlist = 512;
        gallery.loadInBackground = false;
        gallery.catchUpEvery = Duration.ofMinutes(10);
        gallery.followerName = "enrollment-gallery-follower-" + INSTANCES.incrementAndGet();
        gallery.followerConnections = () -> {
            if (!online.getAsBoolean()) {
                throw new SQLException("this instance is cut off from the database (test)");
            }
            return gallery.followerConnection();
        };
        gallery.jdbcUrl = config.getValue("quarkus.datasource.jdbc.url", String.class);
        gallery.username = config.getOptionalValue("quarkus.datasource.username", String.class);
        gallery.password = config.getOptionalValue("quarkus.datasource.password", String.class);
        return gallery;
    }

    /**
     * Starts another instance's iris gallery: its own eyes in memory, loaded from the same database, following the
     * others' changes only through {@code gallery_change} (it catches up before each search; it has no follower).
     */
    public static IrisGallery startIris(final Jdbc jdbc, final SubjectVault vault) {
        final IrisGallery gallery = new IrisGallery();
        gallery.jdbc = jdbc;
        gallery.vault = vault;
        gallery.threshold = ConfigProvider.getConfig()
                .getOptionalValue("safepassage.biometrics.iris.match-threshold", Double.class).orElse(0.28);
        gallery.start();
        return gallery;
    }

    /** The application name of the gallery's follower connection in pg_stat_activity. */
    public static String followerName(final EnrolledGallery gallery) {
        return gallery.followerName;
    }

    public static void stop(final EnrolledGallery gallery) {
        gallery.stop();
    }
}
