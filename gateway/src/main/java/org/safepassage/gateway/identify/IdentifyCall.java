package org.safepassage.gateway.identify;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body sent to enrollment.
 *
 * @param images base64 fingerprint images
 * @param subjectId the subject to verify against (1:1), or null for 1:N
 * @param irisImages base64 near-infrared eye images, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdentifyCall(List<String> images, String subjectId, List<String> irisImages) {
    /** A fingerprint-only call. */
    public IdentifyCall(final List<String> images, final String subjectId) {
        this(images, subjectId, null);
    }
}
