package org.safepassage.enrollment.biometrics.iris;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.safepassage.service.image.ImageFormat;

/** Decodes PNG and JPEG eye images to greyscale, checking the declared size before any pixel is decoded. */
final class IrisImageDecoder {
    /** The ISO/IEC 19794-6 / 39794-6 VGA capture size this pipeline's radii and limits assume. */
    static final int WIDTH = 640;
    /** See {@link #WIDTH}. */
    static final int HEIGHT = 480;

    private IrisImageDecoder() {}

    /** Thrown inside the capture pipeline; becomes an {@link IrisCaptureResult.Rejected}. */
    static final class Rejection extends Exception {
        private static final long serialVersionUID = 1L;
        private final IrisRejectionReason reason;

        Rejection(final IrisRejectionReason reason, final String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }

        IrisRejectionReason reason() {
            return reason;
        }
    }

    static EyeImage decode(final byte[] image, final int maxFileBytes) throws Rejection {
        if (image.length == 0) {
            throw new Rejection(IrisRejectionReason.EMPTY_IMAGE, "no image bytes");
        }
        if (image.length > maxFileBytes) {
            throw new Rejection(IrisRejectionReason.FILE_TOO_LARGE, "image is " + image.length + " bytes; at most "
                    + maxFileBytes);
        }
        if (!ImageFormat.isPhoto(image)) {
            throw new Rejection(IrisRejectionReason.UNSUPPORTED_FORMAT, "image is neither PNG nor JPEG");
        }
        // A memory-cached stream on purpose: ImageIO.createImageInputStream may cache to a temporary file, which would
        // leave a child's eye image on disk.
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(image))) {
            final Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new Rejection(IrisRejectionReason.UNREADABLE_IMAGE, "image is not decodable");
            }
            final ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, false);
                final int width = reader.getWidth(0);
                final int height = reader.getHeight(0);
                if (width != WIDTH || height != HEIGHT) {
                    throw new Rejection(IrisRejectionReason.WRONG_IMAGE_SIZE, "image is " + width + "x" + height
                            + " pixels; an iris capture is " + WIDTH + "x" + HEIGHT);
                }
                return new EyeImage(width, height, gray(reader.read(0)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new Rejection(IrisRejectionReason.UNREADABLE_IMAGE, "image does not decode: truncated or corrupt");
        }
    }

    private static int[] gray(final BufferedImage image) {
        final int width = image.getWidth();
        final int height = image.getHeight();
        final int[] pixels = new int[width * height];
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            final byte[] row = new byte[width * height];
            image.getRaster().getDataElements(0, 0, width, height, row);
            for (int i = 0; i < row.length; i++) {
                pixels[i] = row[i] & 0xff;
            }
            return pixels;
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                final int rgb = image.getRGB(x, y);
                // NIR cameras deliver greyscale; a colour file is reduced with Rec. 601 luma.
                pixels[y * width + x] = (299 * (rgb >> 16 & 0xff) + 587 * (rgb >> 8 & 0xff) + 114 * (rgb & 0xff)) / 1000;
            }
        }
        return pixels;
    }
}
