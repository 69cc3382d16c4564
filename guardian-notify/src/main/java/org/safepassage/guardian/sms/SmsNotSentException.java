package org.safepassage.guardian.sms;

/** The provider did not accept a text: it refused it ({@link #refused()}) or could not be reached. */
public final class SmsNotSentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean refused;
    private final Integer providerCode;

    SmsNotSentException(final String message, final boolean refused, final Integer providerCode, final Throwable cause) {
        super(message, cause);
        this.refused = refused;
        this.providerCode = providerCode;
    }

    /**
     * Whether the provider refused this message (a 4xx: bad or opted-out number, ...), so that sending it again
     * would fail again; {@code false} when the provider failed or was unreachable and the outcome is unknown.
     *
     * @return {@code true} if refused
     */
    public boolean refused() {
        return refused;
    }

    /**
     * The provider's error code, e.g. Twilio 21610 for an opted-out number.
     *
     * @return the code, or {@code null}
     */
    public Integer providerCode() {
        return providerCode;
    }
}
