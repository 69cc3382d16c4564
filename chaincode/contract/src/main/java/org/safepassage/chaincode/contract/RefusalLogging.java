package org.safepassage.chaincode.contract;

import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps expected refusals out of the error log. The shim logs every {@code ChaincodeException} at SEVERE with its
 * stack trace, but a refusal (bad input, a caller without the right role, a rule not met) is the chaincode working
 * as designed and is answered to the caller with its code. Unexpected exceptions are still logged.
 *
 * <p>The shim's loggers are not registered with the log manager, so a logger filter cannot reach them; the filter
 * sits on the root handlers instead, which every shim record ends at.
 */
public final class RefusalLogging {
    private static final String REFUSAL = "org.hyperledger.fabric.shim.ChaincodeException";

    private RefusalLogging() {}

    /** Installs the filter on the root logger's handlers; idempotent. */
    public static void install() {
        for (final Handler handler : Logger.getLogger("").getHandlers()) {
            final Filter existing = handler.getFilter();
            if (!(existing instanceof DropRefusals)) {
                handler.setFilter(new DropRefusals(existing));
            }
        }
    }

    private record DropRefusals(Filter next) implements Filter {
        @Override
        public boolean isLoggable(final LogRecord record) {
            final boolean refusal = record.getMessage() != null && record.getMessage().contains(REFUSAL)
                    && record.getLoggerName() != null && record.getLoggerName().startsWith("org.hyperledger.fabric");
            return !refusal && (next == null || next.isLoggable(record));
        }
    }
}
