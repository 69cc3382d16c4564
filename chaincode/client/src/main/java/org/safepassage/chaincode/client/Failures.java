package org.safepassage.chaincode.client;

import io.grpc.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.chaincode.model.InvalidRecordException;
import org.safepassage.chaincode.model.OpenRequest;

/** Translates fabric-gateway's checked exceptions, stage by stage, into the client's unchecked ones. */
final class Failures {
    /**
     * A word in capitals followed by a colon, not inside another word. The chaincode's message is "CODE: explanation";
     * a Fabric Gateway drops the payload and wraps the message, e.g. "chaincode response 500, CODE: explanation".
     */
    private static final Pattern CODE_PREFIX = Pattern.compile("(?<![A-Za-z0-9_])([A-Z][A-Z0-9_]*):");

    private static final Map<String, ErrorCode> CODES =
            Arrays.stream(ErrorCode.values()).collect(Collectors.toUnmodifiableMap(ErrorCode::name, Function.identity()));

    private Failures() {}

    static LedgerException endorsement(final String transaction, final EndorseException e) {
        return fromPeers("Endorsement of " + transaction, e.getTransactionId(), e.getStatus(), e.getDetails(), e);
    }

    static LedgerException evaluation(final String transaction, final GatewayException e) {
        return fromPeers("Evaluation of " + transaction, null, e.getStatus(), e.getDetails(), e);
    }

    static LedgerException submission(final String transaction, final SubmitException e) {
        final String what = "Submission of " + transaction + " to ordering";
        final Status.Code code = e.getStatus().getCode();
        if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
            // Past its deadline the orderer may still have accepted the transaction.
            return new LedgerUnavailableException(describe(what, e.getStatus(), e.getDetails()), e.getTransactionId(),
                    code == Status.Code.DEADLINE_EXCEEDED, e);
        }
        return new LedgerException(describe(what, e.getStatus(), e.getDetails()), e.getTransactionId(), e);
    }

    static LedgerException commitStatus(final String transaction, final CommitStatusException e) {
        // Whatever the status code, the transaction was ordered and we could not learn whether it committed.
        return new LedgerUnavailableException(
                describe("Commit status of " + transaction + " (outcome unknown)", e.getStatus(), e.getDetails()),
                e.getTransactionId(), true, e);
    }

    /** A commit status that is not VALID, learnt without a {@link CommitException}. */
    static LedgerException commit(final org.hyperledger.fabric.client.Status status) {
        if (LedgerConflictException.isConflict(status.getCode())) {
            return new LedgerConflictException(status.getTransactionId(), status.getCode(), null);
        }
        return new TransactionInvalidException(status.getTransactionId(), status.getCode(), null);
    }

    static LedgerException commit(final CommitException e) {
        if (LedgerConflictException.isConflict(e.getCode())) {
            return new LedgerConflictException(e.getTransactionId(), e.getCode(), e);
        }
        return new TransactionInvalidException(e.getTransactionId(), e.getCode(), e);
    }

    static LedgerException eventStream(final String chaincodeName, final GatewayRuntimeException e) {
        return fromPeers("Chaincode event stream of " + chaincodeName, null, e.getStatus(), e.getDetails(), e);
    }

    static LedgerException badResult(final String transaction, final String transactionId, final String expected,
            final InvalidRecordException e) {
        return new LedgerException(
                transaction + " returned a result that is not a valid " + expected + ": " + e.getMessage(),
                transactionId, e);
    }

    /**
     * The refusal named in a gRPC status or in the peers' error details, if any: the first capitalised word followed
     * by a colon that is an {@link ErrorCode} name, searched in the status message, then in each detail in order.
     */
    static Optional<ChaincodeRefusedException> refusal(final String transactionId, final Status status,
            final List<ErrorDetail> details, final Throwable cause) {
        final List<String> messages = new ArrayList<>();
        if (status.getDescription() != null) {
            messages.add(status.getDescription());
        }
        details.forEach(detail -> messages.add(detail.getMessage()));
        for (final String message : messages) {
            final Matcher matcher = CODE_PREFIX.matcher(message);
            while (matcher.find()) {
                final ErrorCode code = CODES.get(matcher.group(1));
                if (code != null) {
                    final String explanation = message.substring(matcher.end()).strip();
                    return Optional.of(refusal(code, explanation, transactionId, cause));
                }
            }
        }
        return Optional.empty();
    }

    private static ChaincodeRefusedException refusal(final ErrorCode code, final String explanation,
            final String transactionId, final Throwable cause) {
        if (code == ErrorCode.REQUEST_ALREADY_OPEN) {
            final Optional<String> open = OpenRequest.fromExplanation(explanation);
            if (open.isPresent()) {
                return new RequestAlreadyOpenException(open.get(), explanation, transactionId, cause);
            }
        }
        return new ChaincodeRefusedException(code, explanation, transactionId, cause);
    }

    private static LedgerException fromPeers(final String what, final String transactionId, final Status status,
            final List<ErrorDetail> details, final Throwable cause) {
        // A refusal is deterministic, so it wins over another peer being unreachable.
        final Optional<ChaincodeRefusedException> refusal = refusal(transactionId, status, details, cause);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        final String message = describe(what, status, details);
        if (status.getCode() == Status.Code.UNAVAILABLE || status.getCode() == Status.Code.DEADLINE_EXCEEDED
                || isNoEndorsementPlan(status)) {
            return new LedgerUnavailableException(message, transactionId, false, cause);
        }
        return new LedgerException(message, transactionId, cause);
    }

    /**
     * The gateway found no set of reachable peers satisfying the endorsement policies: an organisation whose peer
     * must endorse (every creation needs all three) is down or not yet known by gossip. Nothing was endorsed, and
     * it passes when the peer is back, so it is an outage, not a refusal.
     */
    private static boolean isNoEndorsementPlan(final Status status) {
        return status.getCode() == Status.Code.FAILED_PRECONDITION && status.getDescription() != null
                && status.getDescription().contains("no combination of peers can be derived");
    }

    private static String describe(final String what, final Status status, final List<ErrorDetail> details) {
        final StringBuilder message = new StringBuilder(what).append(" failed: ").append(status.getCode());
        if (status.getDescription() != null) {
            message.append(' ').append(status.getDescription());
        }
        for (final ErrorDetail detail : details) {
            message.append("; ").append(detail.getMspId()).append('@').append(detail.getAddress()).append(": ")
                    .append(detail.getMessage());
        }
        return message.toString();
    }
}
