package org.safepassage.enrollment.biometrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.machinezoo.sourceafis.FingerprintTemplate;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class FingerprintTemplateBytesTest {
    private final SyntheticFingers fingers = SyntheticFingers.get();

    @Test
    void deserialising_and_serialising_again_gives_the_same_bytes() {
        // The fp-v1 commitment is derived from these bytes: they must survive a round trip through SourceAFIS.
        for (int finger = 0; finger < SyntheticFingers.FINGERS; finger++) {
            final byte[] stored = fingers.template(finger, 0).bytes();

            final byte[] again = new FingerprintTemplate(stored).toByteArray();
            final byte[] twice = new FingerprintTemplate(again).toByteArray();

            assertThat(again).isEqualTo(stored);
            assertThat(twice).isEqualTo(stored);
            assertThat(FingerprintTemplateBytes.fromBytes(stored).bytes()).isEqualTo(stored);
        }
    }

    @Test
    void extracting_the_same_image_twice_gives_the_same_bytes() {
        final FingerprintCapture capture = FingerprintCapture.create(QualityPolicy.defaults());

        final CaptureResult first = capture.capture(fingers.png(0, 0));
        final CaptureResult second = capture.capture(fingers.png(0, 0));

        assertThat(((CaptureResult.Accepted) first).template().bytes())
                .isEqualTo(((CaptureResult.Accepted) second).template().bytes());
    }

    @Test
    void counts_minutiae_from_the_serialised_form() {
        final FingerprintTemplateBytes template = fingers.template(1, 0);

        assertThat(template.minutiae()).isBetween(12, 200);
        assertThat(FingerprintTemplateBytes.fromBytes(template.bytes()).minutiae()).isEqualTo(template.minutiae());
    }

    @Test
    void an_unparsed_template_scores_as_the_parsed_one_and_equals_it() {
        // A gallery with the index on keeps templates serialised and parses the short list per search.
        final FingerprintTemplateBytes parsed = fingers.template(1, 0);
        final FingerprintTemplateBytes unparsed = FingerprintTemplateBytes.serialized(parsed.bytes());
        final FingerprintSearch search = FingerprintSearch.withThreshold(FingerprintSearch.DEFAULT_THRESHOLD);

        assertThat(unparsed.isParsed()).isFalse();
        assertThat(parsed.unparsed().isParsed()).isFalse();
        assertThat(unparsed).isEqualTo(parsed).isEqualTo(parsed.unparsed());
        assertThat(unparsed.minutiae()).isEqualTo(parsed.minutiae());
        final FingerprintTemplateBytes probe = fingers.template(1, 1);
        assertThat(search.verify(probe, unparsed).score()).isEqualTo(search.verify(probe, parsed).score());
    }

    @Test
    void an_unparsed_template_refuses_bytes_that_are_not_cbor() {
        assertThatThrownBy(() -> FingerprintTemplateBytes.serialized(new byte[] {(byte) 0xff, 1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refuses_bytes_that_are_not_a_template() {
        assertThatThrownBy(() -> FingerprintTemplateBytes.fromBytes(new byte[] {1, 2, 3, 4}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a SourceAFIS template");
    }

    @Test
    void never_prints_template_content() {
        final FingerprintTemplateBytes template = fingers.template(2, 0);
        final String hex = HexFormat.of().formatHex(template.bytes());

        assertThat(template.toString()).contains("minutiae").doesNotContain(hex.substring(hex.length() - 16));
    }
}
