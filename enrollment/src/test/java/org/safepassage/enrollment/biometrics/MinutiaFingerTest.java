package org.safepassage.enrollment.biometrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class MinutiaFingerTest {
    private static final Logger LOG = Logger.getLogger(MinutiaFingerTest.class.getName());

    @Test
    void the_same_seeds_give_the_same_record() {
        final byte[] first = MinutiaFinger.generate(7).isoImpression(3, MinutiaFinger.Capture.calibrated());
        final byte[] again = MinutiaFinger.generate(7).isoImpression(3, MinutiaFinger.Capture.calibrated());

        assertThat(again).isEqualTo(first);
        assertThat(MinutiaFinger.generate(8).isoImpression(3, MinutiaFinger.Capture.calibrated())).isNotEqualTo(first);
    }

    @Test
    void calibrated_impressions_keep_the_figures_in_docs_biometrics() {
        // A regression guard on the generator, not an accuracy claim: see docs/biometrics.md. 120 fingers x 4
        // impressions give 720 genuine and 7,140 impostor attempts.
        final List<List<FingerprintTemplateBytes>> fingers = new ArrayList<>();
        int minutiae = 0;
        for (int f = 0; f < 120; f++) {
            final MinutiaFinger finger = MinutiaFinger.generate(90_000 + f);
            final List<FingerprintTemplateBytes> impressions = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                final FingerprintTemplateBytes template = finger.template(f * 10L + i,
                        MinutiaFinger.Capture.calibrated());
                impressions.add(template);
                minutiae += template.minutiae();
            }
            fingers.add(impressions);
        }

        final ErrorRates rates = ErrorRates.measure(fingers);

        LOG.info(String.format(Locale.ROOT, "ISO synthetic: %.1f minutiae, EER %.2f%%, FAR@40 %.4f%%, FRR@40 %.1f%%",
                minutiae / 480.0, 100 * rates.equalErrorRate(), 100 * rates.falseAcceptRate(40),
                100 * rates.falseRejectRate(40)));
        assertThat(minutiae / 480.0).isBetween(30.0, 55.0);
        assertThat(rates.equalErrorRate()).isBetween(0.015, 0.08);
        assertThat(rates.falseAcceptRate(FingerprintSearch.DEFAULT_THRESHOLD)).isLessThan(0.001);
        assertThat(rates.falseRejectRate(FingerprintSearch.DEFAULT_THRESHOLD)).isBetween(0.1, 0.4);
    }
}
