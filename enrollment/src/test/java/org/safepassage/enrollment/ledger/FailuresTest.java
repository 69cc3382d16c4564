package org.safepassage.enrollment.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailuresTest {
    @Test
    void a_command_the_model_refuses_to_build_is_permanent() {
        assertThat(Failures.isPermanent(new IllegalArgumentException("guardianRefs: at most 5 entries"))).isTrue();
        assertThat(Failures.isPermanent(new PermanentFailure("guardian-notify answered 401"))).isTrue();
    }

    @Test
    void an_outage_or_an_unknown_failure_is_retried() {
        assertThat(Failures.isPermanent(new IllegalStateException("guardian-notify answered 503"))).isFalse();
        assertThat(Failures.isPermanent(new java.io.UncheckedIOException(new java.io.IOException("reset")))).isFalse();
    }
}
