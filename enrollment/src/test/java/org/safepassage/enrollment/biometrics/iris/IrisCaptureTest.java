package org.safepassage.enrollment.biometrics.iris;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safepassage.devstack.demo.SyntheticEye;

class IrisCaptureTest {
    private static final IrisCapture CAPTURE = IrisCapture.withDefaults();

    private static IrisCaptureResult capture(final long eye, final SyntheticEye.Kind kind, final long captureSeed) {
        return CAPTURE.capture(SyntheticEye.of(eye).capture(kind, captureSeed));
    }

    @Nested
    class Accepts {
        @ParameterizedTest
        @CsvSource({"0, 1", "1, 2", "2, 3", "3, 4"})
        void good_synthetic_eyes_with_a_mostly_valid_code(final long eye, final long captureSeed) {
            final IrisCaptureResult result = capture(eye, SyntheticEye.Kind.GOOD, captureSeed);

            assertThat(result).isInstanceOf(IrisCaptureResult.Accepted.class);
            final IrisCaptureResult.Accepted accepted = (IrisCaptureResult.Accepted) result;
            assertThat(accepted.code().validBits()).isGreaterThan(IrisCode.BITS / 2);
            assertThat(accepted.quality().irisDiameter()).isBetween(190.0, 250.0);
            assertThat(accepted.quality().pupilIrisRatio()).isBetween(0.25, 0.55);
        }
    }

    @Nested
    class Rejects {
        @ParameterizedTest
        @CsvSource({
            "BLURRED, 0, OUT_OF_FOCUS",
            "CLOSED, 0, IRIS_OCCLUDED",
            "SMALL, 0, IRIS_TOO_SMALL",
            "DILATED, 0, PUPIL_IRIS_RATIO_OUT_OF_RANGE",
            "OFF_ANGLE, 0, GAZE_OFF_AXIS",
            "LASHES, 0, USABLE_IRIS_AREA_TOO_SMALL",
            "CROPPED, 0, IRIS_NOT_IN_FRAME",
            "NO_EYE, 0, IRIS_NOT_FOUND"
        })
        void each_bad_kind_with_its_reason(final SyntheticEye.Kind kind, final long eye,
                final IrisRejectionReason reason) {
            final IrisCaptureResult result = capture(eye, kind, 1);

            assertThat(result).isInstanceOfSatisfying(IrisCaptureResult.Rejected.class,
                    rejected -> assertThat(rejected.reason()).isEqualTo(reason));
        }

        @Test
        void an_empty_upload() {
            assertThat(CAPTURE.capture(new byte[0])).isEqualTo(
                    new IrisCaptureResult.Rejected(IrisRejectionReason.EMPTY_IMAGE, "no image bytes"));
        }

        @Test
        void bytes_that_are_not_png_or_jpeg() {
            assertThat(reason(CAPTURE.capture("GIF89a not an eye".getBytes(java.nio.charset.StandardCharsets.US_ASCII))))
                    .isEqualTo(IrisRejectionReason.UNSUPPORTED_FORMAT);
        }

        @Test
        void a_truncated_png() {
            final byte[] png = SyntheticEye.of(0).capture(SyntheticEye.Kind.GOOD, 1);

            assertThat(reason(CAPTURE.capture(Arrays.copyOf(png, 100)))).isEqualTo(
                    IrisRejectionReason.UNREADABLE_IMAGE);
        }

        @Test
        void an_image_that_is_not_640_by_480() {
            final java.awt.image.BufferedImage small =
                    new java.awt.image.BufferedImage(320, 240, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
            final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try {
                javax.imageio.ImageIO.write(small, "png", out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }

            assertThat(reason(CAPTURE.capture(out.toByteArray()))).isEqualTo(IrisRejectionReason.WRONG_IMAGE_SIZE);
        }

        @Test
        void a_file_over_the_size_limit_without_decoding_it() {
            final IrisCapture strict = IrisCapture.with(new IrisQualityPolicy(1_000, 150, 0.2, 0.7, 0.2, 0.4, 0.6, 4));

            assertThat(reason(strict.capture(SyntheticEye.of(0).capture(SyntheticEye.Kind.GOOD, 1)))).isEqualTo(
                    IrisRejectionReason.FILE_TOO_LARGE);
        }

        private IrisRejectionReason reason(final IrisCaptureResult result) {
            assertThat(result).isInstanceOf(IrisCaptureResult.Rejected.class);
            return ((IrisCaptureResult.Rejected) result).reason();
        }
    }
}
