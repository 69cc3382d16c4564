package org.safepassage.enrollment.biometrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safepassage.devstack.demo.SyntheticFinger;
import org.safepassage.service.image.ImageFormat;

class FingerprintCaptureTest {
    private final FingerprintCapture capture = FingerprintCapture.create(QualityPolicy.defaults());
    private final SyntheticFingers fingers = SyntheticFingers.get();

    private CaptureResult.Rejected rejected(final byte[] image) {
        final CaptureResult result = capture.capture(image);
        assertThat(result).isInstanceOf(CaptureResult.Rejected.class);
        final CaptureResult.Rejected rejection = (CaptureResult.Rejected) result;
        assertThat(rejection.detail()).isNotBlank();
        return rejection;
    }

    private static BufferedImage gray(final int width, final int height, final Pixel pixel) {
        final BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, Math.max(0, Math.min(255, pixel.at(x, y))));
            }
        }
        return image;
    }

    private interface Pixel {
        int at(int x, int y);
    }

    /**
     * A PNG whose pHYs chunk declares the given resolution. Written through the PNG-native metadata tree: the JDK's
     * PNG writer mis-converts the format-neutral HorizontalPixelSize (it stores mm x 1000 as pixels per metre).
     */
    private static byte[] pngWithDpi(final BufferedImage image, final double dpi) throws IOException {
        final ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        final IIOMetadata metadata = writer.getDefaultImageMetadata(
                ImageTypeSpecifier.createFromRenderedImage(image), writer.getDefaultWriteParam());
        final String pixelsPerMetre = Long.toString(Math.round(dpi / 0.0254));
        final IIOMetadataNode physical = new IIOMetadataNode("pHYs");
        physical.setAttribute("pixelsPerUnitXAxis", pixelsPerMetre);
        physical.setAttribute("pixelsPerUnitYAxis", pixelsPerMetre);
        physical.setAttribute("unitSpecifier", "meter");
        final IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(physical);
        metadata.mergeTree("javax_imageio_png_1.0", root);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(new IIOImage(image, null, metadata));
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    @Nested
    class Accepts {
        @Test
        void a_png_impression_with_its_facts() {
            final CaptureResult result = capture.capture(fingers.png(0, 0));

            assertThat(result).isInstanceOfSatisfying(CaptureResult.Accepted.class, accepted -> {
                assertThat(accepted.image()).isEqualTo(new ImageInfo(ImageFormat.PNG, 300, 300, 500, false));
                assertThat(accepted.template().minutiae()).isGreaterThanOrEqualTo(12);
            });
        }

        @Test
        void a_jpeg_impression() {
            final BufferedImage image = SyntheticFinger.generate(1000).impression(7, 10, 15, 12);

            final CaptureResult result = capture.capture(SyntheticFinger.encode(image, "jpg"));

            assertThat(result).isInstanceOfSatisfying(CaptureResult.Accepted.class,
                    accepted -> assertThat(accepted.image().format()).isEqualTo(ImageFormat.JPEG));
        }

        @Test
        void the_resolution_the_image_declares() throws IOException {
            final BufferedImage image = SyntheticFinger.generate(1000).impression(7, 10, 15, 12);

            final CaptureResult result = capture.capture(pngWithDpi(image, 508));

            assertThat(result).isInstanceOfSatisfying(CaptureResult.Accepted.class, accepted -> {
                assertThat(accepted.image().dpiDeclared()).isTrue();
                assertThat(accepted.image().dpi()).isCloseTo(508, org.assertj.core.data.Offset.offset(1.0));
            });
        }
    }

    @Nested
    class Rejects {
        @Test
        void an_empty_upload() {
            assertThat(rejected(new byte[0]).reason()).isEqualTo(RejectionReason.EMPTY_IMAGE);
        }

        @Test
        void an_oversized_upload_without_decoding_it() {
            final byte[] huge = new byte[QualityPolicy.defaults().maxBytes() + 1];
            System.arraycopy(fingers.png(0, 0), 0, huge, 0, 8);

            assertThat(rejected(huge).reason()).isEqualTo(RejectionReason.FILE_TOO_LARGE);
        }

        @Test
        void bytes_that_are_not_an_image() {
            assertThat(rejected("%PDF-1.7 not a fingerprint".getBytes()).reason())
                    .isEqualTo(RejectionReason.UNSUPPORTED_FORMAT);
        }

        @Test
        void a_truncated_png() {
            final byte[] png = fingers.png(0, 0);

            assertThat(rejected(Arrays.copyOf(png, png.length / 2)).reason())
                    .isEqualTo(RejectionReason.UNREADABLE_IMAGE);
        }

        @Test
        void a_png_header_declaring_gigapixels_before_decoding_any() {
            final byte[] png = fingers.png(0, 0);
            // IHDR data starts at byte 16: width and height as big-endian ints, then the chunk CRC at byte 29.
            ByteBuffer.wrap(png, 16, 8).putInt(60_000).putInt(60_000);
            final CRC32 crc = new CRC32();
            crc.update(png, 12, 17);
            ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());

            assertThat(rejected(png).reason()).isEqualTo(RejectionReason.IMAGE_TOO_LARGE);
        }

        @Test
        void an_image_of_a_too_small_area() {
            final BufferedImage crop = SyntheticFinger.generate(1000).impression(7, 10, 15, 12)
                    .getSubimage(100, 100, 120, 120);

            assertThat(rejected(SyntheticFinger.encode(crop, "png")).reason())
                    .isEqualTo(RejectionReason.IMAGE_TOO_SMALL);
        }

        @Test
        void an_image_larger_than_a_finger() {
            final BufferedImage page = gray(1200, 1200, (x, y) -> 200);

            assertThat(rejected(SyntheticFinger.encode(page, "png")).reason())
                    .isEqualTo(RejectionReason.IMAGE_TOO_LARGE);
        }

        @Test
        void a_resolution_outside_the_accepted_range() throws IOException {
            final BufferedImage image = SyntheticFinger.generate(1000).impression(7, 10, 15, 12);

            final CaptureResult.Rejected rejection = rejected(pngWithDpi(image, 96));

            assertThat(rejection.reason()).isEqualTo(RejectionReason.RESOLUTION_OUT_OF_RANGE);
            assertThat(rejection.detail()).contains("96 DPI");
        }

        @Test
        void a_uniform_image() {
            assertThat(rejected(SyntheticFinger.encode(gray(300, 300, (x, y) -> 128), "png")).reason())
                    .isEqualTo(RejectionReason.NO_RIDGES);
        }

        @Test
        void an_image_of_noise_with_no_ridge_pattern() {
            final Random random = new Random(5);

            final BufferedImage noise = gray(300, 300, (x, y) -> random.nextInt(256));

            assertThat(rejected(SyntheticFinger.encode(noise, "png")).reason()).isEqualTo(RejectionReason.NO_RIDGES);
        }

        @Test
        void straight_ridges_without_minutiae() {
            final BufferedImage stripes =
                    gray(300, 300, (x, y) -> (int) (128 + 100 * Math.sin(2 * Math.PI * (0.8 * x + 0.6 * y) / 9)));

            final CaptureResult.Rejected rejection = rejected(SyntheticFinger.encode(stripes, "png"));

            assertThat(rejection.reason()).isEqualTo(RejectionReason.TOO_FEW_MINUTIAE);
            assertThat(rejection.detail()).contains("at least 12");
        }

        @Test
        void a_corrupt_wsq_file() {
            final byte[] wsq = {(byte) 0xff, (byte) 0xa0, (byte) 0xff, (byte) 0xa8, 0, 4, 1, 2, 9, 9, 9, 9};

            assertThat(rejected(wsq).reason()).isEqualTo(RejectionReason.UNREADABLE_IMAGE);
        }

        @Test
        void a_wsq_frame_header_declaring_a_huge_image() {
            // SOI, then SOF: Lf=17, A=0, B=255, Y (height)=40000, X (width)=40000, then nothing.
            final byte[] wsq = {(byte) 0xff, (byte) 0xa0, (byte) 0xff, (byte) 0xa2, 0, 17, 0, (byte) 0xff,
                (byte) 0x9c, 0x40, (byte) 0x9c, 0x40, 0, 0, 0, 0};

            assertThat(rejected(wsq).reason()).isEqualTo(RejectionReason.IMAGE_TOO_LARGE);
        }
    }
}
