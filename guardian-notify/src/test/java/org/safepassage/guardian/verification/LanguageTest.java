package org.safepassage.guardian.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.safepassage.service.sms.SmsLanguage;

/** The verification texts exist in exactly the languages enrollment accepts for a guardian. */
class LanguageTest {
    @Test
    void has_one_text_per_language_of_the_shared_list() {
        assertThat(Arrays.stream(Language.values()).map(Language::tag)).containsExactlyElementsOf(SmsLanguage.tags());
        assertThat(Language.parse(" Ro")).contains(Language.RO);
        assertThat(Language.parse("de")).isEmpty();
    }
}
