package org.safepassage.enrollment.subject;

/**
 * One captured finger.
 *
 * @param image PNG, JPEG or WSQ, base64-encoded
 */
public record FingerprintInput(Finger finger, String image) {
    public FingerprintInput {
        Fields.present("fingerprint.finger", finger);
        Fields.present("fingerprint.image", image);
    }
}
