package org.safepassage.enrollment.subject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One captured finger.
 *
 * @param image PNG, JPEG or WSQ, base64-encoded
 */
public record FingerprintInput(@Schema(required = true) Finger finger,
        @Schema(required = true, format = "byte", description = "PNG, JPEG or WSQ, base64", examples = "iVBORw0KGgo=")
                String image) {
    public FingerprintInput {
        Fields.present("fingerprint.finger", finger);
        Fields.present("fingerprint.image", image);
    }
}
