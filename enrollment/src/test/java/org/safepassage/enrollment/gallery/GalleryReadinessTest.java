package org.safepassage.enrollment.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.safepassage.enrollment.api.Reason;
import org.safepassage.service.api.ApiException;

class GalleryReadinessTest {
    private final GalleryReadiness readiness = new GalleryReadiness();

    @Test
    void refuses_searches_with_503_and_the_progress_while_loading() {
        readiness.progress(20_000, 1_000_000);
        final ApiException refused = catchThrowableOfType(ApiException.class, readiness::require);
        assertThat(refused.reason()).isEqualTo(Reason.GALLERY_NOT_READY);
        assertThat(refused.reason().status()).isEqualTo(503);
        assertThat(refused.details()).containsEntry("state", "LOADING").containsEntry("loaded", 20_000)
                .containsEntry("total", 1_000_000);
    }

    @Test
    void answers_once_loading_has_finished() {
        readiness.progress(3, 3);
        readiness.ready();
        assertThat(readiness.isReady()).isTrue();
        assertThatCode(readiness::require).doesNotThrowAnyException();
    }

    @Test
    void keeps_refusing_after_a_failed_load_and_says_so() {
        readiness.failed("VaultException");
        final ApiException refused = catchThrowableOfType(ApiException.class, readiness::require);
        assertThat(refused.reason()).isEqualTo(Reason.GALLERY_NOT_READY);
        assertThat(refused.details()).containsEntry("state", "FAILED");
    }
}
