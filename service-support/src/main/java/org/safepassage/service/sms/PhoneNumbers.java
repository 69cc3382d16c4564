package org.safepassage.service.sms;

import java.util.regex.Pattern;

/**
 * What a guardian's phone number may be, the one rule enrollment and guardian-notify check and document alike: E.164,
 * a plus, a country code not starting with 0, 8 to 15 digits in all. {@link #E164_PATTERN} is also what the OpenAPI
 * documents declare ({@code @Schema(pattern = ...)}), so a document and its check cannot drift apart.
 */
public final class PhoneNumbers {
    /** E.164 as a regular expression, anchored, for {@code @Schema(pattern = ...)} and the checks. */
    public static final String E164_PATTERN = "^\\+[1-9][0-9]{7,14}$";

    /** How a refusal describes the rule to a caller. */
    public static final String E164_RULE = "an international (E.164) phone number: '+', a country code not starting "
            + "with 0, 8 to 15 digits in all, such as +40712345678";

    private static final Pattern E164 = Pattern.compile(E164_PATTERN);

    private PhoneNumbers() {}

    /** Whether {@code number} is an E.164 phone number by {@link #E164_PATTERN}; false for null. */
    public static boolean isE164(final String number) {
        return number != null && E164.matcher(number).matches();
    }
}
