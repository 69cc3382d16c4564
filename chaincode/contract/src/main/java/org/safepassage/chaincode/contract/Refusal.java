package org.safepassage.chaincode.contract;

import java.util.function.Supplier;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.safepassage.chaincode.model.CanonicalJson;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.chaincode.model.Identifiers;

/**
 * Refusals with a stable code. The code is the exception's payload and also prefixes its message, because a Fabric
 * Gateway passes the message on to the client but drops the payload.
 */
public final class Refusal {
    private Refusal() {}

    /** The exception to throw to refuse a transaction for {@code code}. */
    public static ChaincodeException of(final ErrorCode code, final String explanation) {
        return new ChaincodeException(code.name() + ": " + explanation, code.name());
    }

    /** Parses a JSON argument into a validated record, refusing bad input as {@link ErrorCode#INVALID_ARGUMENT}. */
    public static <T> T parse(final String json, final Class<T> type) {
        return valid(() -> CanonicalJson.parse(json, type));
    }

    /** Checks a plain opaque-id argument, refusing it as {@link ErrorCode#INVALID_ARGUMENT} if malformed. */
    public static String opaqueId(final String field, final String value) {
        return valid(() -> Identifiers.requireOpaqueId(field, value));
    }

    /** Checks a plain ledger-id argument, refusing it as {@link ErrorCode#INVALID_ARGUMENT} if malformed. */
    public static String ledgerId(final String field, final String value) {
        return valid(() -> Identifiers.requireLedgerId(field, value));
    }

    /**
     * Runs a record construction or a check that rejects bad values with {@link IllegalArgumentException}, refusing
     * them as {@link ErrorCode#INVALID_ARGUMENT}.
     */
    public static <T> T valid(final Supplier<T> construction) {
        try {
            return construction.get();
        } catch (IllegalArgumentException e) {
            throw of(ErrorCode.INVALID_ARGUMENT, e.getMessage());
        }
    }
}
