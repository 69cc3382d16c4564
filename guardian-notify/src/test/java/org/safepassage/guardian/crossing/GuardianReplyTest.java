package org.safepassage.guardian.crossing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.model.Decision;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.guardian.crossing.GuardianReply.Kind;

class GuardianReplyTest {
    @Test
    void reads_two_word_decisions_in_every_language_and_any_case() {
        assertThat(GuardianReply.parse("APPROVE 483921")).isEqualTo(new GuardianReply(Kind.APPROVE, "483921"));
        assertThat(GuardianReply.parse("  refuse   483921 ")).isEqualTo(new GuardianReply(Kind.REFUSE, "483921"));
        assertThat(GuardianReply.parse("Aprob 483921").kind()).isEqualTo(Kind.APPROVE);
        assertThat(GuardianReply.parse("REFUZ 483921").kind()).isEqualTo(Kind.REFUSE);
        assertThat(GuardianReply.parse("одобрить 483921").kind()).isEqualTo(Kind.APPROVE);
        assertThat(GuardianReply.parse("ОТКЛОНИТЬ 483921").kind()).isEqualTo(Kind.REFUSE);
        assertThat(GuardianReply.parse("схвалити 483921").kind()).isEqualTo(Kind.APPROVE);
        assertThat(GuardianReply.parse("ВІДХИЛИТИ 483921").decision()).isEqualTo(Decision.REFUSE);
    }

    @Test
    void reads_carrier_keywords_alone() {
        assertThat(GuardianReply.parse("stop").kind()).isEqualTo(Kind.STOP);
        assertThat(GuardianReply.parse("UNSUBSCRIBE").kind()).isEqualTo(Kind.STOP);
        assertThat(GuardianReply.parse("Start").kind()).isEqualTo(Kind.START);
        assertThat(GuardianReply.parse("HELP").kind()).isEqualTo(Kind.HELP);
    }

    @Test
    void anything_else_is_not_understood() {
        for (final String body : new String[] {"", "YES", "APPROVE", "483921", "APPROVE 4839", "APPROVE 483921 now",
                "PLEASE 483921", "STOP 483921", null}) {
            assertThat(GuardianReply.parse(body).kind()).as("%s", body).isEqualTo(Kind.UNKNOWN);
        }
    }

    @Test
    void the_request_text_names_post_direction_time_and_companion_but_no_child() {
        final String text = GuardianLanguage.EN.requestText("MD-LEUSENI", Direction.ENTRY,
                Instant.parse("2026-11-29T05:30:00Z"), "companion-abcdef0123456789", "483921", 10);

        assertThat(text).contains("MD-LEUSENI").contains("entering the country").contains("2026-11-29 05:30 UTC")
                .contains("ref companio").contains("APPROVE 483921").contains("REFUSE 483921").contains("10 min");
        assertThat(GuardianLanguage.of("RO")).isEqualTo(GuardianLanguage.RO);
        assertThat(GuardianLanguage.of("de")).isEqualTo(GuardianLanguage.EN);
    }
}
