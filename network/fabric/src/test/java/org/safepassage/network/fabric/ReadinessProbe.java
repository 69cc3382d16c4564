package org.safepassage.network.fabric;

import java.util.List;

/**
 * A read that one organisation's user may endorse and whose answer is the same on every peer, including peers a block
 * apart: nothing is written under it while the suites wait. Used to wait until that organisation's gateway can plan an
 * endorsement under the chaincode-level policy.
 */
record ReadinessProbe(String mspId, String user, String transaction, String... arguments) {
    /** A subject id no test registers: its crossing history is empty on every peer. */
    private static final String NOBODY = "subj_readiness_probe_nobody";

    static final List<ReadinessProbe> EVERY_ORGANISATION = List.of(
            // the registry's audit anchors: written by the enrollment service, which the network suites do not run
            new ReadinessProbe("RegistryMSP", "officer", "audit:ListAuditAnchors"),
            new ReadinessProbe("BorderMSP", "guard", "crossing:ListCrossings", NOBODY),
            new ReadinessProbe("ChildProtectionMSP", "notifier", "crossing:ListCrossings", NOBODY));
}
