package org.safepassage.enrollment.gallery;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.safepassage.enrollment.biometrics.index.CandidateIndex;

/** Ready once the 1:N gallery and its index are loaded: a load balancer keeps scans away until then. */
@Readiness
@ApplicationScoped
public class GalleryHealth implements HealthCheck {
    private final EnrolledGallery gallery;

    GalleryHealth(final EnrolledGallery gallery) {
        this.gallery = gallery;
    }

    @Override
    public HealthCheckResponse call() {
        final CandidateIndex.Statistics index = gallery.indexStatistics();
        return HealthCheckResponse.named("gallery").status(gallery.ready())
                .withData("fingerprints", index.entries())
                .withData("indexMiB", index.approximateBytes() >> 20)
                .withData("unreadable", gallery.unreadable().size())
                .build();
    }
}
