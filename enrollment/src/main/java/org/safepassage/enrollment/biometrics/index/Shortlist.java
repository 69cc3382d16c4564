package org.safepassage.enrollment.biometrics.index;

import java.util.List;
import java.util.Objects;

/** What the index answers for a probe: the gallery entries to score, or that the whole gallery must be scored. */
public sealed interface Shortlist permits Shortlist.Ranked, Shortlist.Exhaustive {
    /**
     * The entries most likely to match, best-ranked first, plus every enrolled template the index cannot rank.
     *
     * @param keys gallery keys to score with SourceAFIS
     * @param gallerySize entries in the index when it answered, for the penetration rate
     * @param postingsRead postings the index read to rank (under the triangle method: the transformation votes
     *     cast), the measure of its work
     */
    record Ranked(List<String> keys, int gallerySize, long postingsRead) implements Shortlist {
        /** Copies the list. */
        public Ranked {
            keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
        }
    }

    /**
     * The index cannot narrow this search safely: score the whole gallery.
     *
     * @param why the reason, for logs and metrics
     */
    record Exhaustive(Why why) implements Shortlist {
        /** Checks the reason is present. */
        public Exhaustive {
            Objects.requireNonNull(why, "why");
        }
    }

    /** Why a search falls back to scoring everything. */
    enum Why {
        /** The probe has too few indexable minutia cylinders to rank by: a poor or partial capture. */
        PROBE_TOO_FEW_MINUTIAE,
        /** The gallery is no larger than a short list would be. */
        SMALL_GALLERY
    }
}
