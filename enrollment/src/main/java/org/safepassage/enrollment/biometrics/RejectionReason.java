package org.safepassage.enrollment.biometrics;

/** Why a fingerprint image was refused; the name is the machine-readable code an API returns. */
public enum RejectionReason {
    /** No bytes were sent. */
    EMPTY_IMAGE,
    /** The upload is larger than the policy allows; it was not decoded. */
    FILE_TOO_LARGE,
    /** The bytes are not PNG, JPEG or WSQ. */
    UNSUPPORTED_FORMAT,
    /** The bytes claim an accepted format but do not decode (truncated or corrupt). */
    UNREADABLE_IMAGE,
    /** The imaged area is smaller than a fingertip impression needs. */
    IMAGE_TOO_SMALL,
    /** The image is larger than a single-finger capture (checked before decoding pixels). */
    IMAGE_TOO_LARGE,
    /** The image's declared resolution is outside the accepted DPI range. */
    RESOLUTION_OUT_OF_RANGE,
    /** The image is (nearly) uniform: no ridge structure to extract. */
    NO_RIDGES,
    /** Too few minutiae were found for reliable matching and deduplication. */
    TOO_FEW_MINUTIAE
}
