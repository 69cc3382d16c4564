package org.safepassage.service.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {
    @Test
    void takes_international_numbers_of_8_to_15_digits() {
        assertThat(PhoneNumbers.isE164("+40712345678")).isTrue();
        assertThat(PhoneNumbers.isE164("+12345678")).isTrue();
        assertThat(PhoneNumbers.isE164("+123456789012345")).isTrue();
    }

    @Test
    void refuses_a_country_code_starting_with_0_and_wrong_lengths_or_forms() {
        for (String number : new String[] {"+0712345678", "+1234567", "+1234567890123456", "40712345678",
                "+40 712 345 678", "+40712345678\n", ""}) {
            assertThat(PhoneNumbers.isE164(number)).as(number).isFalse();
        }
        assertThat(PhoneNumbers.isE164(null)).isFalse();
    }
}
