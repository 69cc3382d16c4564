package org.safepassage.guardian.sms;

/** The provider did not delete a stored message: it could not be reached or answered with an error other than 404. */
public final class SmsNotDeletedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SmsNotDeletedException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
