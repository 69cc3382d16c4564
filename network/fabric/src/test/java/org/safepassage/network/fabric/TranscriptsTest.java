package org.safepassage.network.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptsTest {
    private static final String TX_A = "a".repeat(64);
    private static final String TX_B = "b".repeat(64);

    @Test
    void transaction_ids_and_times_compare_by_their_place_not_their_value() {
        final String left = new Transcripts.Normaliser()
                .normalise("request " + TX_A + " at 2026-12-02T10:00:00.123Z, crossing " + TX_B);
        final String right = new Transcripts.Normaliser()
                .normalise("request " + TX_B + " at 2026-12-03T11:30:00Z, crossing " + TX_A);

        assertThat(left).isEqualTo(right).isEqualTo("request <id1> at <time>, crossing <id2>");
    }

    @Test
    void an_id_reused_where_the_other_ledger_made_a_new_one_still_differs() {
        final String reused = new Transcripts.Normaliser().normalise(TX_A + " then " + TX_A);
        final String fresh = new Transcripts.Normaliser().normalise(TX_A + " then " + TX_B);

        assertThat(reused).isNotEqualTo(fresh);
    }

    @Test
    void a_difference_is_counted_and_shown_with_both_sides() {
        final Transcripts.Comparison comparison = Transcripts.compare(
                "devpeer", List.of("same", "grpc ABORTED"), "fabric", List.of("same", "grpc UNKNOWN", "extra"));

        assertThat(comparison.differences()).isEqualTo(2);
        assertThat(comparison.report()).contains("2 of 3 observations differ")
                .contains("-   2 devpeer grpc ABORTED").contains("+   2 fabric  grpc UNKNOWN")
                .contains("+   3 fabric  extra").contains("-   3 devpeer (nothing)");
    }

    @Test
    void identical_transcripts_have_no_difference() {
        assertThat(Transcripts.compare("devpeer", List.of("x"), "fabric", List.of("x")).differences()).isZero();
    }
}
