package org.safepassage.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AllowedMethodsTest {
    @Test
    void a_template_matches_its_paths_and_no_others() {
        final var template = AllowedMethods.regex(AllowedMethods.normalise("/api/v1/requests/{id}/" + "/events"));

        assertThat(template.matcher("/api/v1/requests/tx-123/events").matches()).isTrue();
        assertThat(template.matcher("/api/v1/requests/tx-123").matches()).isFalse();
        assertThat(template.matcher("/api/v1/requests/a/b/events").matches()).isFalse();
    }

    @Test
    void a_parameter_with_its_own_expression_keeps_it() {
        final var template = AllowedMethods.regex("/outbox/{id: [0-9]+}/retry");

        assertThat(template.matcher("/outbox/42/retry").matches()).isTrue();
        assertThat(template.matcher("/outbox/x/retry").matches()).isFalse();
    }

    @Test
    void paths_are_compared_without_doubled_or_trailing_slashes() {
        assertThat(AllowedMethods.normalise("/api/v1/subjects/")).isEqualTo("/api/v1/subjects");
        assertThat(AllowedMethods.normalise("api//v1")).isEqualTo("/api/v1");
        assertThat(AllowedMethods.normalise("/")).isEqualTo("/");
    }
}
