package org.safepassage.gateway.identify;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body sent to enrollment.
 *
 * @param images base64 fingerprint images
 * @param subjectId the subject to verify against (1:1), or null for 1:N
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdentifyCall(List<String> images, String subjectId) {}
