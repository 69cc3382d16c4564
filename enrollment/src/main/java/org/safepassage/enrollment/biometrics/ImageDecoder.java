package org.safepassage.enrollment.biometrics;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.jnbis.api.Jnbis;
import org.jnbis.api.model.Bitmap;
import org.safepassage.service.image.ImageFormat;
import org.w3c.dom.Node;

/**
 * Decodes PNG, JPEG and WSQ into greyscale, checking the declared size before any pixel is decoded (a few kilobytes
 * of compressed data can declare gigapixels).
 */
final class ImageDecoder {
    private final int maxPixelsPerSide;

    ImageDecoder(final int maxPixelsPerSide) {
        this.maxPixelsPerSide = maxPixelsPerSide;
    }

    /** Thrown inside the capture pipeline; becomes a {@link CaptureResult.Rejected}. */
    static final class Rejection extends Exception {
        private static final long serialVersionUID = 1L;
        private final RejectionReason reason;

        Rejection(final RejectionReason reason, final String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }

        RejectionReason reason() {
            return reason;
        }
    }

    GrayImage decode(final ImageFormat format, final byte[] image) throws Rejection {
        return format == ImageFormat.WSQ ? decodeWsq(image) : decodeImageIo(format, image);
    }

    private GrayImage decodeImageIo(final ImageFormat format, final byte[] image) throws Rejection {
        // A memory-cached stream on purpose: ImageIO.createImageInputStream may cache to a temporary file, which would
        // leave a child's fingerprint image on disk.
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(image))) {
            final Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new Rejection(RejectionReason.UNREADABLE_IMAGE, format + " image is not decodable");
            }
            final ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, false);
                checkSize(reader.getWidth(0), reader.getHeight(0));
                final double dpi = declaredDpi(reader.getImageMetadata(0));
                return new GrayImage(reader.getWidth(0), reader.getHeight(0), gray(reader.read(0)), dpi);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // Truncated and corrupt files surface as IIOException, EOFException or, from some decoders, runtime
            // exceptions; all mean the same to the officer: capture again.
            throw new Rejection(RejectionReason.UNREADABLE_IMAGE, format + " image does not decode: truncated or"
                    + " corrupt");
        }
    }

    private GrayImage decodeWsq(final byte[] image) throws Rejection {
        final int[] size = wsqFrameSize(image);
        checkSize(size[0], size[1]);
        final Bitmap bitmap;
        try {
            bitmap = Jnbis.wsq().decode(image).asBitmap();
        } catch (RuntimeException e) {
            throw new Rejection(RejectionReason.UNREADABLE_IMAGE, "WSQ image does not decode: truncated or corrupt");
        }
        if (bitmap.getDepth() != 8 || bitmap.getPixels().length < bitmap.getWidth() * bitmap.getHeight()) {
            throw new Rejection(RejectionReason.UNREADABLE_IMAGE, "WSQ image is not 8-bit greyscale");
        }
        return new GrayImage(bitmap.getWidth(), bitmap.getHeight(), bitmap.getPixels(),
                bitmap.getPpi() > 0 ? bitmap.getPpi() : GrayImage.UNDECLARED);
    }

    /*
     * Walks the WSQ markers (ANSI/NIST WSQ spec, section "Compressed file format") up to the frame header (SOF,
     * 0xFFA2): Lf(2) A(1) B(1) Y(2) X(2), where Y is the height and X the width. Table and comment segments before it
     * carry their own 2-byte length.
     */
    private static int[] wsqFrameSize(final byte[] image) throws Rejection {
        int pos = 2;
        while (pos + 4 <= image.length) {
            final int marker = u16(image, pos);
            if (marker == 0xffa2) {
                if (pos + 10 > image.length) {
                    break;
                }
                return new int[] {u16(image, pos + 8), u16(image, pos + 6)};
            }
            if (marker < 0xffa4 || marker > 0xffa8) {
                break;
            }
            pos += 2 + u16(image, pos + 2);
        }
        throw new Rejection(RejectionReason.UNREADABLE_IMAGE, "WSQ image has no readable frame header");
    }

    private static int u16(final byte[] bytes, final int pos) {
        return ((bytes[pos] & 0xff) << 8) | (bytes[pos + 1] & 0xff);
    }

    private void checkSize(final int width, final int height) throws Rejection {
        if (width <= 0 || height <= 0) {
            throw new Rejection(RejectionReason.UNREADABLE_IMAGE, "image declares no pixels");
        }
        if (width > maxPixelsPerSide || height > maxPixelsPerSide) {
            throw new Rejection(RejectionReason.IMAGE_TOO_LARGE, "image is " + width + "x" + height
                    + " pixels; at most " + maxPixelsPerSide + " a side");
        }
    }

    /** Reads the resolution from the format-neutral metadata (PNG pHYs, JFIF density): mm per pixel → DPI. */
    private static double declaredDpi(final IIOMetadata metadata) {
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return GrayImage.UNDECLARED;
        }
        final Node root = metadata.getAsTree(IIOMetadataFormatImpl.standardMetadataFormatName);
        for (Node dimension = root.getFirstChild(); dimension != null; dimension = dimension.getNextSibling()) {
            if (!"Dimension".equals(dimension.getNodeName())) {
                continue;
            }
            for (Node child = dimension.getFirstChild(); child != null; child = child.getNextSibling()) {
                if ("HorizontalPixelSize".equals(child.getNodeName())) {
                    final Node value = child.getAttributes().getNamedItem("value");
                    try {
                        final double mmPerPixel = Double.parseDouble(value.getNodeValue());
                        return mmPerPixel > 0 ? 25.4 / mmPerPixel : GrayImage.UNDECLARED;
                    } catch (NumberFormatException | NullPointerException e) {
                        return GrayImage.UNDECLARED;
                    }
                }
            }
        }
        return GrayImage.UNDECLARED;
    }

    private static byte[] gray(final BufferedImage image) {
        final int width = image.getWidth();
        final int height = image.getHeight();
        final byte[] pixels = new byte[width * height];
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            image.getRaster().getDataElements(0, 0, width, height, pixels);
            return pixels;
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                final int rgb = image.getRGB(x, y);
                // ITU-R BT.601 luma, as greyscale scanners and SourceAFIS's own decoder use.
                final int luma = (299 * ((rgb >> 16) & 0xff) + 587 * ((rgb >> 8) & 0xff) + 114 * (rgb & 0xff)) / 1000;
                pixels[y * width + x] = (byte) luma;
            }
        }
        return pixels;
    }
}
