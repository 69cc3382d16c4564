package org.safepassage.enrollment.identify;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;
import org.safepassage.service.api.ApiException;

/**
 * A border scan sent by the gateway: fingerprints, irises or both.
 *
 * @param images the captured fingerprint images (PNG, JPEG or WSQ, base64), up to 10
 * @param subjectId for 1:1 verification against the subject a card or QR code names; absent for 1:N
 * @param irisImages the captured near-infrared eye images (8-bit greyscale PNG or JPEG, 640 x 480, base64), up to 2
 */
public record IdentifyRequest(
        @Schema(maxItems = IdentifyRequest.MAX_IMAGES,
                description = "fingerprint images, PNG, JPEG or WSQ, base64; with irisImages, at least one image")
        List<String> images,
        String subjectId,
        @Schema(maxItems = IdentifyRequest.MAX_IRIS_IMAGES,
                description = "near-infrared eye images, 8-bit greyscale PNG or JPEG, base64")
        List<String> irisImages) {
    static final int MAX_IMAGES = 10;
    public static final int MAX_IRIS_IMAGES = 2;

    /** A scan by fingerprint only, as every scan was before the iris. */
    public IdentifyRequest(final List<String> images, final String subjectId) {
        this(images, subjectId, null);
    }

    public IdentifyRequest {
        images = images == null ? List.of() : List.copyOf(images);
        irisImages = irisImages == null ? List.of() : List.copyOf(irisImages);
        if (images.size() > MAX_IMAGES) {
            throw ApiException.invalid("images", "at most " + MAX_IMAGES + " fingerprint images");
        }
        if (irisImages.size() > MAX_IRIS_IMAGES) {
            throw ApiException.invalid("irisImages", "at most " + MAX_IRIS_IMAGES + " iris images");
        }
        if (images.isEmpty() && irisImages.isEmpty()) {
            throw ApiException.invalid("images", "between 1 and " + MAX_IMAGES
                    + " fingerprint images, or 1 or 2 iris images");
        }
        if (subjectId != null && subjectId.isBlank()) {
            subjectId = null;
        }
    }
}
