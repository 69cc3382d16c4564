package org.safepassage.service.sms;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages a guardian can be texted in: the one list that enrollment accepts for a guardian and guardian-notify
 * writes its texts in (each of its text tables has one entry per constant here, which its tests check).
 */
public enum SmsLanguage {
    /** English. */
    EN,
    /** Romanian. */
    RO,
    /** Russian. */
    RU,
    /** Ukrainian. */
    UK;

    private static final List<String> TAGS = Arrays.stream(values()).map(SmsLanguage::tag).toList();

    /** The language's lower-case tag: en, ro, ru, uk. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every tag, in this order: en, ro, ru, uk. */
    public static List<String> tags() {
        return TAGS;
    }

    /** The language with this tag (any case, surrounding blanks ignored), or empty for a missing or unknown one. */
    public static Optional<SmsLanguage> parse(final String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        final String wanted = tag.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(language -> language.tag().equals(wanted)).findFirst();
    }
}
