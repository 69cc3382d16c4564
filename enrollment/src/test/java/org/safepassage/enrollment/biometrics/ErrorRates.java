package org.safepassage.enrollment.biometrics;

import com.machinezoo.sourceafis.FingerprintMatcher;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Genuine and impostor scores of a set of fingers under the FVC protocol, and the error rates they give: every pair
 * of impressions of one finger is a genuine attempt (the later one as the probe), and the first impressions of every
 * two fingers an impostor attempt.
 *
 * @param genuine genuine scores, ascending
 * @param impostor impostor scores, ascending
 */
record ErrorRates(double[] genuine, double[] impostor) {
    /**
     * Scores a set of fingers (on all cores; the scores do not depend on it).
     *
     * @param fingers each finger's impressions, impression 0 first
     */
    static ErrorRates measure(final List<List<FingerprintTemplateBytes>> fingers) {
        final double[] genuine = IntStream.range(0, fingers.size()).parallel().mapToObj(f -> {
            final List<FingerprintTemplateBytes> impressions = fingers.get(f);
            final double[] scores = new double[impressions.size() * (impressions.size() - 1) / 2];
            int next = 0;
            for (int probe = 1; probe < impressions.size(); probe++) {
                final FingerprintMatcher matcher = new FingerprintMatcher(impressions.get(probe).template());
                for (int enrolled = 0; enrolled < probe; enrolled++) {
                    scores[next++] = matcher.match(impressions.get(enrolled).template());
                }
            }
            return scores;
        }).flatMapToDouble(Arrays::stream).sorted().toArray();
        final double[] impostor = IntStream.range(0, fingers.size()).parallel().mapToObj(f -> {
            final FingerprintMatcher matcher = new FingerprintMatcher(fingers.get(f).get(0).template());
            final double[] scores = new double[f];
            for (int other = 0; other < f; other++) {
                scores[other] = matcher.match(fingers.get(other).get(0).template());
            }
            return scores;
        }).flatMapToDouble(Arrays::stream).sorted().toArray();
        return new ErrorRates(genuine, impostor);
    }

    /** Share of impostor attempts at or above the threshold (FAR, FMR). */
    double falseAcceptRate(final double threshold) {
        return (double) (impostor.length - countBelow(impostor, threshold)) / impostor.length;
    }

    /** Share of genuine attempts below the threshold (FRR, FNMR). */
    double falseRejectRate(final double threshold) {
        return (double) countBelow(genuine, threshold) / genuine.length;
    }

    /** The threshold where FAR and FRR are closest. */
    double equalErrorThreshold() {
        double best = 0;
        double gap = Double.MAX_VALUE;
        for (final double[] scores : new double[][] {genuine, impostor}) {
            for (final double candidate : scores) {
                final double difference = Math.abs(falseAcceptRate(candidate) - falseRejectRate(candidate));
                if (difference < gap) {
                    gap = difference;
                    best = candidate;
                }
            }
        }
        return best;
    }

    /** The equal error rate: the mean of FAR and FRR where they are closest. */
    double equalErrorRate() {
        final double threshold = equalErrorThreshold();
        return (falseAcceptRate(threshold) + falseRejectRate(threshold)) / 2;
    }

    double genuineQuantile(final double share) {
        return genuine[(int) Math.min(genuine.length - 1, Math.floor(share * genuine.length))];
    }

    double impostorQuantile(final double share) {
        return impostor[(int) Math.min(impostor.length - 1, Math.floor(share * impostor.length))];
    }

    private static int countBelow(final double[] ascending, final double threshold) {
        int low = 0;
        int high = ascending.length;
        while (low < high) {
            final int middle = (low + high) >>> 1;
            if (ascending[middle] < threshold) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
