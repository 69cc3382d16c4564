package org.safepassage.guardian.verification;

import java.util.Map;
import org.safepassage.service.api.ApiException;

/**
 * A phone verification refused: the shared {@link ApiException} with one of this API's {@link ErrorCode}s, and for a
 * wrong code or a lock, the tries left ({@code details.attemptsLeft}).
 */
public final class VerificationException extends ApiException {
    private static final long serialVersionUID = 1L;

    VerificationException(final int status, final ErrorCode code, final String message) {
        super(status, code.name(), message, Map.of());
    }

    VerificationException(final int status, final ErrorCode code, final String message, final int attemptsLeft) {
        super(status, code.name(), message, Map.of("attemptsLeft", attemptsLeft));
    }
}
