package org.safepassage.gateway.terminal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.util.Map;
import java.util.Optional;

/**
 * The terminals this gateway serves, by the common name (CN) of their client certificate, issued by the border
 * organisation's CA: {@code safepassage.gateway.terminals."post-md-leuseni-01".post=MD-LEUSENI} and
 * {@code ....ledger-user=guard}.
 */
@ConfigMapping(prefix = "safepassage.gateway.terminals")
public interface TerminalConfig {
    /** @return the terminals, by certificate common name */
    @WithParentName
    Map<String, TerminalEntry> terminals();

    /** One terminal. */
    interface TerminalEntry {
        /** @return the border post the terminal stands at, e.g. {@code MD-LEUSENI} */
        String post();

        /** @return the ledger identity it acts as: its folder under {@code <MSP>/users/} */
        @WithName("ledger-user")
        String ledgerUser();

        /**
         * @return the role if the certificate carries no {@code role} attribute ({@code guard} or {@code supervisor});
         *     the certificate's attribute, which the chaincode also enforces, wins
         */
        Optional<String> role();
    }
}
