package org.safepassage.network.crypto;

import java.util.List;

/**
 * Who is enrolled in each organisation of the development network: an admin, and client users whose {@code role}
 * certificate attribute the chaincode's access policy reads.
 */
public record Member(String mspId, String name, String commonName, String role) {

    /** The name of each organisation's administrator (NodeOU admin, no role attribute). */
    public static final String ADMIN = "Admin";

    public static final String ORDERER_MSP = "OrdererMSP";
    public static final String REGISTRY_MSP = "RegistryMSP";
    public static final String BORDER_MSP = "BorderMSP";
    public static final String CHILD_PROTECTION_MSP = "ChildProtectionMSP";
    /** The neighbouring country's border police, the fourth organisation (docs/network.md: adding a country). */
    public static final String ROMANIA_BORDER_MSP = "RomaniaBorderMSP";

    /**
     * The organisations that run peers, in a stable order: the devpeer plays each of them. A new country is one entry
     * here and its members below; material written before it gets the new organisation added on the next start.
     */
    public static final List<String> PEER_ORGANISATIONS =
            List.of(REGISTRY_MSP, BORDER_MSP, CHILD_PROTECTION_MSP, ROMANIA_BORDER_MSP);

    /** Every enrolled member of the development network. */
    public static final List<Member> ALL = List.of(
            admin(ORDERER_MSP),
            admin(REGISTRY_MSP),
            new Member(REGISTRY_MSP, "officer", "officer-01", "officer"),
            new Member(REGISTRY_MSP, "supervisor", "registry-supervisor-01", "supervisor"),
            new Member(REGISTRY_MSP, "dpo", "dpo-01", "dpo"),
            admin(BORDER_MSP),
            // A border post terminal is its own ledger identity, so the ledger shows which post recorded what.
            new Member(BORDER_MSP, "guard", "post-md-leuseni-01", "guard"),
            new Member(BORDER_MSP, "supervisor", "post-md-leuseni-supervisor", "supervisor"),
            // Two more posts on the Moldovan-Romanian border, so the demo and the analyst's charts have several.
            new Member(BORDER_MSP, "guard-sculeni", "post-md-sculeni-01", "guard"),
            new Member(BORDER_MSP, "guard-giurgiulesti", "post-md-giurgiulesti-01", "guard"),
            admin(CHILD_PROTECTION_MSP),
            new Member(CHILD_PROTECTION_MSP, "notifier", "guardian-notify", "notifier"),
            new Member(CHILD_PROTECTION_MSP, "analyst", "analyst-01", "analyst"),
            // The red-flag rules raise alerts as their own identity, which may do nothing else on the ledger.
            new Member(CHILD_PROTECTION_MSP, "analytics", "redflag-analytics", "analytics"),
            admin(ROMANIA_BORDER_MSP),
            // The neighbour's posts: their terminals record ENTRY scans and crossings through the same gateway code.
            new Member(ROMANIA_BORDER_MSP, "guard", "post-ro-sculeni-01", "guard"),
            new Member(ROMANIA_BORDER_MSP, "supervisor", "post-ro-sculeni-supervisor", "supervisor"),
            new Member(ROMANIA_BORDER_MSP, "guard-albita", "post-ro-albita-01", "guard"));

    /** Whether this member is its organisation's administrator. */
    public boolean isAdmin() {
        return role == null;
    }

    private static Member admin(final String mspId) {
        return new Member(mspId, ADMIN, "Admin@" + mspId.toLowerCase(java.util.Locale.ROOT), null);
    }
}
