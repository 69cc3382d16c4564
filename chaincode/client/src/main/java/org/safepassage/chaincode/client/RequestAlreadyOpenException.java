package org.safepassage.chaincode.client;

import java.util.Objects;
import org.safepassage.chaincode.model.ErrorCode;

/**
 * {@code OpenCrossingRequest} was refused because the subject already has an open crossing request
 * ({@link ErrorCode#REQUEST_ALREADY_OPEN}): nothing was written, no guardian will be texted again.
 * {@link #getOpenRequestId()} names the request that is open, so a post can answer with it as with one it knew of.
 */
public final class RequestAlreadyOpenException extends ChaincodeRefusedException {
    private static final long serialVersionUID = 1L;

    private final String openRequestId;

    /**
     * A refusal naming the open request.
     *
     * @param openRequestId the subject's open request; not null
     * @param explanation the chaincode's explanation, without the code; not null
     * @param transactionId the refused transaction's id, or {@code null}
     * @param cause the fabric-gateway exception that carried the refusal, or {@code null}
     */
    public RequestAlreadyOpenException(final String openRequestId, final String explanation,
            final String transactionId, final Throwable cause) {
        super(ErrorCode.REQUEST_ALREADY_OPEN, explanation, transactionId, cause);
        this.openRequestId = Objects.requireNonNull(openRequestId, "openRequestId");
    }

    /**
     * The subject's open request, which the refused call would have duplicated.
     *
     * @return its id (the id of the transaction that opened it)
     */
    public String getOpenRequestId() {
        return openRequestId;
    }
}
