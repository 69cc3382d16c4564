package org.safepassage.enrollment.biometrics.iris;

import java.util.ArrayList;
import java.util.List;

/**
 * The baseline the benchmark and tests compare {@link IrisSearch} against: codes unpacked to one {@code boolean} per
 * bit, compared bit by bit in one thread, rotations by index arithmetic. Same result, no tricks.
 */
final class NaiveIrisSearch {
    private final List<String> subjects = new ArrayList<>();
    private final List<boolean[]> codes = new ArrayList<>();
    private final List<boolean[]> masks = new ArrayList<>();

    void add(final String subjectId, final IrisCode code) {
        subjects.add(subjectId);
        codes.add(unpack(code, false));
        masks.add(unpack(code, true));
    }

    List<IrisCandidate> search(final IrisCode probe, final double threshold) {
        final boolean[] pb = unpack(probe, false);
        final boolean[] pm = unpack(probe, true);
        final List<IrisCandidate> found = new ArrayList<>();
        for (int e = 0; e < codes.size(); e++) {
            final boolean[] gb = codes.get(e);
            final boolean[] gm = masks.get(e);
            double best = Double.MAX_VALUE;
            IrisScore bestScore = null;
            for (int shift = -IrisMatcher.MAX_SHIFT; shift <= IrisMatcher.MAX_SHIFT; shift++) {
                int disagree = 0;
                int compared = 0;
                for (int i = 0; i < IrisCode.BITS; i++) {
                    // The probe turned by `shift` steps has at i the bit that was at i - shift * 16.
                    final int j = Math.floorMod(i - shift * IrisCode.BITS_PER_ANGLE, IrisCode.BITS);
                    if (gm[i] && pm[j]) {
                        compared++;
                        if (gb[i] != pb[j]) {
                            disagree++;
                        }
                    }
                }
                final double raw = compared == 0 ? 1.0 : (double) disagree / compared;
                final double normalized = IrisMatcher.normalize(raw, compared);
                if (normalized < best) {
                    best = normalized;
                    bestScore = new IrisScore(raw, normalized, compared, shift);
                }
            }
            if (best <= threshold) {
                found.add(new IrisCandidate(subjects.get(e), bestScore));
            }
        }
        found.sort((a, b) -> Double.compare(a.score().normalizedDistance(), b.score().normalizedDistance()));
        return found;
    }

    private static boolean[] unpack(final IrisCode code, final boolean mask) {
        final boolean[] out = new boolean[IrisCode.BITS];
        for (int i = 0; i < IrisCode.BITS; i++) {
            out[i] = mask ? code.valid(i) : code.bit(i);
        }
        return out;
    }
}
