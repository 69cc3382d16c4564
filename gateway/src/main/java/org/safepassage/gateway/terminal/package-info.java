/**
 * Who is calling: terminals and supervisors authenticate with client certificates from the border organisation's CA
 * (mutual TLS); {@link org.safepassage.gateway.terminal.CurrentTerminal} gives the post and ledger identity.
 */
package org.safepassage.gateway.terminal;
