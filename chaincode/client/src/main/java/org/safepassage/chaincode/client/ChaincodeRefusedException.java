package org.safepassage.chaincode.client;

import java.util.Objects;
import org.safepassage.chaincode.model.ErrorCode;

/**
 * The chaincode refused the transaction for a stated reason: nothing was written. {@link #getCode()} tells a service
 * which 4xx to answer ({@link ErrorCode#httpStatus()}); retrying the same call gets the same refusal unless the ledger
 * changed in between.
 *
 * <p>The message is {@code CODE: explanation}, as the chaincode wrote it. A refusal that names a record the caller
 * needs has its own subclass ({@link RequestAlreadyOpenException}).
 */
public class ChaincodeRefusedException extends LedgerException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String explanation;

    /**
     * A refusal.
     *
     * @param code the chaincode's error code; not null
     * @param explanation the chaincode's explanation, without the code; not null
     * @param transactionId the refused transaction's id, or {@code null} for an evaluation
     * @param cause the fabric-gateway exception that carried the refusal, or {@code null}
     */
    public ChaincodeRefusedException(
            final ErrorCode code, final String explanation, final String transactionId, final Throwable cause) {
        super(Objects.requireNonNull(code, "code").name() + ": " + Objects.requireNonNull(explanation, "explanation"),
                transactionId, cause);
        this.code = code;
        this.explanation = explanation;
    }

    /**
     * Why the chaincode refused.
     *
     * @return the error code
     */
    public ErrorCode getCode() {
        return code;
    }

    /**
     * The chaincode's explanation, without the code: safe to pass on to a caller (the ledger holds no personal data).
     *
     * @return the explanation
     */
    public String getExplanation() {
        return explanation;
    }
}
