package org.safepassage.guardian.verification;

import java.util.Locale;
import java.util.Optional;
import org.safepassage.service.sms.SmsLanguage;

/** The languages a verification text can be written in, each with its text. */
enum Language {
    EN("SafePassage: your phone verification code is %s. It is valid for %d minutes. Do not share it."),
    RO("SafePassage: codul de verificare a telefonului este %s. Este valabil %d minute. Nu îl comunicați nimănui."),
    RU("SafePassage: ваш код подтверждения телефона %s. Он действует %d минут. Никому его не сообщайте."),
    UK("SafePassage: ваш код підтвердження телефону %s. Він дійсний %d хвилин. Нікому його не повідомляйте.");

    private final String template;

    Language(final String template) {
        this.template = template;
    }

    /* The tag is checked against the one list (SmsLanguage); this enum holds only the texts, one per language. */
    static Optional<Language> parse(final String tag) {
        return SmsLanguage.parse(tag).map(language -> valueOf(language.name()));
    }

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    String text(final String code, final long minutes) {
        return String.format(Locale.ROOT, template, code, minutes);
    }
}
