package org.safepassage.guardian.crossing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.safepassage.service.sms.SmsLanguage;

/** The crossing texts exist in exactly the languages enrollment accepts for a guardian. */
class GuardianLanguageTest {
    @Test
    void has_one_text_table_per_language_of_the_shared_list() {
        assertThat(Arrays.stream(GuardianLanguage.values()).map(GuardianLanguage::tag))
                .containsExactlyElementsOf(SmsLanguage.tags());
    }

    @Test
    void falls_back_to_english_for_a_tag_outside_the_list() {
        assertThat(GuardianLanguage.of(" UK ")).isEqualTo(GuardianLanguage.UK);
        assertThat(GuardianLanguage.of("de")).isEqualTo(GuardianLanguage.EN);
        assertThat(GuardianLanguage.of(null)).isEqualTo(GuardianLanguage.EN);
    }
}
