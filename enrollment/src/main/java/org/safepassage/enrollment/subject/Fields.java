package org.safepassage.enrollment.subject;

import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.safepassage.enrollment.api.Reason;
import org.safepassage.service.api.ApiException;
import org.safepassage.service.sms.PhoneNumbers;
import org.safepassage.service.sms.SmsLanguage;

/** Field rules shared by the request records: one place for what a name, a phone number or a language may be. */
public final class Fields {
    /** The tags guardian-notify can text a guardian in (en, ro, ru, uk): {@link SmsLanguage}. */
    public static final List<String> GUARDIAN_LANGUAGES = SmsLanguage.tags();
    /**
     * E.164, as guardian-notify checks it too ({@link PhoneNumbers}). The patterns here are also what the OpenAPI
     * document declares ({@code @Schema(pattern = ...)}), so the document and the check are one rule.
     */
    public static final String E164_PATTERN = PhoneNumbers.E164_PATTERN;
    /** An ISO 639 language code such as {@code ro}. */
    public static final String LANGUAGE_PATTERN = "^[a-z]{2,3}$";
    /** An officer's idempotency key. */
    public static final String REQUEST_ID_PATTERN = "^[A-Za-z0-9_-]{8,64}$";
    /** The longest name, place or consenting person a form takes. */
    public static final int NAME_MAX = 200;
    private static final Pattern LANGUAGE = Pattern.compile(LANGUAGE_PATTERN);
    private static final Pattern REQUEST_ID = Pattern.compile(REQUEST_ID_PATTERN);

    private Fields() {}

    /** A free-text field a person wrote: present, trimmed, within a length, no control characters. */
    public static String text(final String field, final String value, final int maxLength) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, "is required");
        }
        final String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw ApiException.invalid(field, "is longer than " + maxLength + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalid(field, "contains control characters");
        }
        return trimmed;
    }

    public static String optionalText(final String field, final String value, final int maxLength) {
        return value == null || value.isBlank() ? null : text(field, value, maxLength);
    }

    public static String phoneNumber(final String field, final String value) {
        if (!PhoneNumbers.isE164(value)) {
            throw new ApiException(Reason.INVALID_PHONE_NUMBER, field + ": not " + PhoneNumbers.E164_RULE,
                    java.util.Map.of("field", field));
        }
        return value;
    }

    public static String guardianLanguage(final String field, final String value) {
        if (value == null || !GUARDIAN_LANGUAGES.contains(value)) {
            throw new ApiException(Reason.UNSUPPORTED_LANGUAGE,
                    field + ": guardian messages can be sent in " + GUARDIAN_LANGUAGES,
                    java.util.Map.of("field", field, "supported", GUARDIAN_LANGUAGES));
        }
        return value;
    }

    public static String language(final String field, final String value) {
        if (value == null || !LANGUAGE.matcher(value).matches()) {
            throw ApiException.invalid(field, "not an ISO 639 language code such as 'ro'");
        }
        return value;
    }

    public static String requestId(final String field, final String value) {
        if (value == null || !REQUEST_ID.matcher(value).matches()) {
            throw ApiException.invalid(field, "8-64 letters, digits, '-' or '_'");
        }
        return value;
    }

    public static <T> T present(final String field, final T value) {
        if (value == null) {
            throw ApiException.invalid(field, "is required");
        }
        return value;
    }

    /** Base64 content of at most {@code maxBytes} once decoded. */
    public static byte[] base64(final String field, final String value, final int maxBytes) {
        if (value == null || value.isEmpty()) {
            throw ApiException.invalid(field, "is required");
        }
        if (value.length() > (maxBytes / 3 + 1) * 4 + 4) {
            throw new ApiException(Reason.PAYLOAD_TOO_LARGE, field + ": larger than " + maxBytes + " bytes",
                    java.util.Map.of("field", field, "maxBytes", maxBytes));
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "is not base64");
        }
    }
}
