package org.safepassage.service.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsLanguageTest {
    @Test
    void lists_the_four_tags_in_order() {
        assertThat(SmsLanguage.tags()).containsExactly("en", "ro", "ru", "uk");
    }

    @Test
    void parses_a_tag_in_any_case_and_refuses_others() {
        assertThat(SmsLanguage.parse(" RO ")).contains(SmsLanguage.RO);
        assertThat(SmsLanguage.parse("de")).isEmpty();
        assertThat(SmsLanguage.parse(null)).isEmpty();
    }
}
