package org.safepassage.enrollment.subject;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.safepassage.service.api.ApiException;
import org.safepassage.enrollment.api.Reason;
import org.safepassage.enrollment.biometrics.iris.IrisCapture;
import org.safepassage.enrollment.biometrics.iris.IrisCaptureResult;
import org.safepassage.enrollment.biometrics.iris.IrisQualityPolicy;

/** Uploaded iris images, decoded and put through the quality gate the one way every endpoint does it. */
@ApplicationScoped
public class IrisUploads {
    private final IrisQualityPolicy policy = IrisQualityPolicy.defaults();
    private final IrisCapture capture = IrisCapture.with(policy);

    /**
     * The code of one base64 image with what the gate measured; a rejection is a 422 {@code IRIS_REJECTED} naming the
     * field and the gate's reason ({@code details.rejection}, e.g. {@code OUT_OF_FOCUS}, {@code IRIS_OCCLUDED}).
     *
     * @param field where the image was in the request, e.g. {@code LEFT} or {@code irisImages[0]}
     */
    public IrisCaptureResult.Accepted capture(final String field, final String base64) {
        final byte[] image = Fields.base64("irises." + field, base64, policy.maxFileBytes());
        final IrisCaptureResult result = capture.capture(image);
        if (result instanceof IrisCaptureResult.Rejected rejected) {
            throw new ApiException(Reason.IRIS_REJECTED, field + ": " + rejected.detail(),
                    Map.of("eye", field, "rejection", rejected.reason().name()));
        }
        return (IrisCaptureResult.Accepted) result;
    }

    /** The largest image accepted, in bytes. */
    public int maxBytes() {
        return policy.maxFileBytes();
    }

    /** The gate's limits, which the officer's iris step shows beside each measurement. */
    public IrisQualityPolicy policy() {
        return policy;
    }
}
