package org.safepassage.enrollment.biometrics;

import java.util.Objects;

/** The outcome of {@link FingerprintCapture#capture(byte[])}: accepted with a template, or rejected with a reason. */
public sealed interface CaptureResult permits CaptureResult.Accepted, CaptureResult.Rejected {
    /**
     * The image passed the quality check.
     *
     * @param image what the image was
     * @param template the extracted template
     */
    record Accepted(ImageInfo image, FingerprintTemplateBytes template) implements CaptureResult {
        /**
         * Checks both components are present.
         *
         * @throws NullPointerException if a component is {@code null}
         */
        public Accepted {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(template, "template");
        }
    }

    /**
     * The image was refused.
     *
     * @param reason the machine-readable reason
     * @param detail a human-readable explanation with the measured value and the limit
     */
    record Rejected(RejectionReason reason, String detail) implements CaptureResult {
        /**
         * Checks both components are present.
         *
         * @throws NullPointerException if a component is {@code null}
         */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
