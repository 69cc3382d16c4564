package org.safepassage.service.image;

import java.util.Optional;

/**
 * The image formats the services accept from capture devices (fingerprints, irises, photos), recognised by their
 * leading bytes, never by a file name or a declared type. The one place that knows the magic bytes: enrollment's
 * capture checks and the gateway's scan input both ask it.
 */
public enum ImageFormat {
    /** Portable Network Graphics. */
    PNG,
    /** JPEG (JFIF or EXIF). */
    JPEG,
    /** Wavelet Scalar Quantization, the FBI/NIST fingerprint format (ANSI/NIST-ITL WSQ). */
    WSQ;

    /**
     * Recognises the format of an image.
     *
     * @param image the image bytes
     * @return the format, or empty if the bytes are not one of the accepted formats
     */
    public static Optional<ImageFormat> detect(final byte[] image) {
        if (startsWith(image, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
            return Optional.of(PNG);
        }
        if (startsWith(image, 0xff, 0xd8, 0xff)) {
            return Optional.of(JPEG);
        }
        // WSQ starts with its SOI marker 0xFFA0, then the next marker (0xFFA2..0xFFA8).
        if (startsWith(image, 0xff, 0xa0, 0xff)) {
            return Optional.of(WSQ);
        }
        return Optional.empty();
    }

    /** Whether {@code image} is a PNG or a JPEG, the formats of a photo or an iris capture. */
    public static boolean isPhoto(final byte[] image) {
        return detect(image).filter(format -> format != WSQ).isPresent();
    }

    private static boolean startsWith(final byte[] image, final int... prefix) {
        if (image.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((image[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
