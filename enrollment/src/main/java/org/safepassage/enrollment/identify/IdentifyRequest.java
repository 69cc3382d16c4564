package org.safepassage.enrollment.identify;

import java.util.List;
import org.safepassage.service.api.ApiException;

/**
 * A border scan sent by the gateway.
 *
 * @param images the captured fingerprint images (PNG, JPEG or WSQ, base64), one or more fingers
 * @param subjectId for 1:1 verification against the subject a card or QR code names; absent for 1:N
 */
public record IdentifyRequest(List<String> images, String subjectId) {
    public IdentifyRequest {
        images = images == null ? List.of() : List.copyOf(images);
        if (images.isEmpty() || images.size() > 10) {
            throw ApiException.invalid("images", "between 1 and 10 fingerprint images");
        }
        if (subjectId != null && subjectId.isBlank()) {
            subjectId = null;
        }
    }
}
