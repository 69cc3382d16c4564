package org.safepassage.enrollment.subject;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.safepassage.enrollment.api.Reason;
import org.safepassage.enrollment.biometrics.CaptureResult;
import org.safepassage.enrollment.biometrics.FingerprintCapture;
import org.safepassage.enrollment.biometrics.FingerprintTemplateBytes;
import org.safepassage.enrollment.biometrics.QualityPolicy;
import org.safepassage.service.api.ApiException;

/** Uploaded fingerprint images, decoded and checked the one way every endpoint does it. */
@ApplicationScoped
public class FingerprintUploads {
    private final QualityPolicy policy = QualityPolicy.defaults();
    private final FingerprintCapture capture = FingerprintCapture.create(policy);

    /**
     * The template of one base64 image; a rejection is a 422 naming the field and the reason.
     *
     * @param field where the image was in the request, e.g. {@code RIGHT_INDEX} or {@code images[0]}
     */
    public FingerprintTemplateBytes template(final String field, final String base64) {
        final byte[] image = Fields.base64("fingerprints." + field, base64, policy.maxBytes());
        final CaptureResult result = capture.capture(image);
        if (result instanceof CaptureResult.Rejected rejected) {
            throw new ApiException(Reason.FINGERPRINT_REJECTED, field + ": " + rejected.detail(),
                    Map.of("finger", field, "rejection", rejected.reason().name()));
        }
        return ((CaptureResult.Accepted) result).template();
    }
}
