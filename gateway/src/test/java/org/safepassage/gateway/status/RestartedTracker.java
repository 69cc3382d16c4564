package org.safepassage.gateway.status;

import jakarta.enterprise.inject.Vetoed;
import java.time.Duration;
import org.safepassage.gateway.ledger.PostLedgers;
import org.safepassage.gateway.terminal.TerminalConfig;

/**
 * A request tracker as a gateway has it just after a restart, before the ledger's events have been replayed: it knows
 * of no open request. It is never started, so it stays that way except for what the scan service tells it. Installed
 * over the application's bean with {@code QuarkusMock.installMockForType}; vetoed, so it is no bean itself.
 */
@Vetoed
public final class RestartedTracker extends RequestTracker {
    private RestartedTracker(final PostLedgers ledgers, final TerminalConfig terminals) {
        super(ledgers, terminals, "guard", 0, Duration.ofSeconds(5), "BorderMSP");
    }

    /**
     * @param ledgers the application's ledgers
     * @param terminals the application's terminals
     * @return a tracker that has replayed nothing
     */
    public static RequestTracker replayedNothing(final PostLedgers ledgers, final TerminalConfig terminals) {
        return new RestartedTracker(ledgers, terminals);
    }
}
