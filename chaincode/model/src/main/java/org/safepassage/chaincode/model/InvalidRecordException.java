package org.safepassage.chaincode.model;

/** Input that is not a valid record: malformed JSON, an unknown field, or a value that breaks the record's rules. */
public final class InvalidRecordException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidRecordException(final String message) {
        super(message);
    }

    public InvalidRecordException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
