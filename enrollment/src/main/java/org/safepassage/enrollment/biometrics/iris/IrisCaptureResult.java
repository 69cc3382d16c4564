package org.safepassage.enrollment.biometrics.iris;

import java.util.Objects;

/** The outcome of {@link IrisCapture#capture(byte[])}: accepted with an IrisCode, or rejected with a reason. */
public sealed interface IrisCaptureResult permits IrisCaptureResult.Accepted, IrisCaptureResult.Rejected {
    /**
     * The image passed the quality gate.
     *
     * @param code the IrisCode and its mask
     * @param quality what was measured
     */
    record Accepted(IrisCode code, IrisQuality quality) implements IrisCaptureResult {
        /**
         * Checks both components are present.
         *
         * @throws NullPointerException if a component is {@code null}
         */
        public Accepted {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(quality, "quality");
        }
    }

    /**
     * The image was refused.
     *
     * @param reason the machine-readable reason
     * @param detail a human-readable explanation with the measured value and the limit
     */
    record Rejected(IrisRejectionReason reason, String detail) implements IrisCaptureResult {
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
