package org.safepassage.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiExceptionTest {
    private enum Reasons implements ErrorReason {
        GALLERY_NOT_READY;

        @Override
        public int status() {
            return 503;
        }
    }

    @Test
    void takes_code_and_status_from_a_services_reason() {
        final ApiException e = new ApiException(Reasons.GALLERY_NOT_READY, "still loading", Map.of("retryAfter", 5));

        assertThat(e.status()).isEqualTo(503);
        assertThat(e.code()).isEqualTo("GALLERY_NOT_READY");
        assertThat(e.reason()).isEqualTo(Reasons.GALLERY_NOT_READY);
        assertThat(e.toError()).isEqualTo(new ApiError("GALLERY_NOT_READY", "still loading", Map.of("retryAfter", 5)));
    }

    @Test
    void an_invalid_field_is_a_400_naming_the_field() {
        final ApiException e = ApiException.invalid("direction", "EXIT or ENTRY");

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.toError()).isEqualTo(new ApiError("INVALID_FIELD", "direction: EXIT or ENTRY",
                Map.of("field", "direction")));
        assertThat(e.reason()).isNull();
    }
}
