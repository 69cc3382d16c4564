package org.safepassage.enrollment.identify;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;
import org.safepassage.service.api.ApiException;

/**
 * A border scan sent by the gateway.
 *
 * @param images the captured fingerprint images (PNG, JPEG or WSQ, base64), one or more fingers
 * @param subjectId for 1:1 verification against the subject a card or QR code names; absent for 1:N
 */
public record IdentifyRequest(
        @Schema(required = true, minItems = 1, maxItems = IdentifyRequest.MAX_IMAGES,
                description = "PNG, JPEG or WSQ images, base64") List<String> images,
        String subjectId) {
    static final int MAX_IMAGES = 10;

    public IdentifyRequest {
        images = images == null ? List.of() : List.copyOf(images);
        if (images.isEmpty() || images.size() > MAX_IMAGES) {
            throw ApiException.invalid("images", "between 1 and " + MAX_IMAGES + " fingerprint images");
        }
        if (subjectId != null && subjectId.isBlank()) {
            subjectId = null;
        }
    }
}
