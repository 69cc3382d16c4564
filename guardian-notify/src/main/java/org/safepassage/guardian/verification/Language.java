package org.safepassage.guardian.verification;

import java.util.Locale;
import java.util.Optional;

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

    static Optional<Language> parse(final String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        for (final Language language : values()) {
            if (language.tag().equals(tag.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    String text(final String code, final long minutes) {
        return String.format(Locale.ROOT, template, code, minutes);
    }
}
