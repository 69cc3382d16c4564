package org.safepassage.enrollment.biometrics;

import java.util.Objects;
import org.safepassage.service.image.ImageFormat;

/**
 * What was learned about an accepted image.
 *
 * @param format the detected format
 * @param width width in pixels
 * @param height height in pixels
 * @param dpi the resolution used for extraction
 * @param dpiDeclared {@code true} if the image declared its resolution, {@code false} if the policy default was used
 */
public record ImageInfo(ImageFormat format, int width, int height, double dpi, boolean dpiDeclared) {
    /**
     * Checks the format is present.
     *
     * @throws NullPointerException if {@code format} is {@code null}
     */
    public ImageInfo {
        Objects.requireNonNull(format, "format");
    }
}
