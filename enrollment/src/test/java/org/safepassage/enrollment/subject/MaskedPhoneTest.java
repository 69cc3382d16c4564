package org.safepassage.enrollment.subject;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskedPhoneTest {
    @Test
    void hides_everything_but_the_last_three_digits() {
        assertThat(MaskedPhone.of("+40711000101")).isEqualTo("•••••••••101").hasSize(12);
    }

    @Test
    void hides_a_number_too_short_to_mask_entirely() {
        assertThat(MaskedPhone.of("123")).isEqualTo("•••");
        assertThat(MaskedPhone.of(null)).isEqualTo("•••");
    }
}
