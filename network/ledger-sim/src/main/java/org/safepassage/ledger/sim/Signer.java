package org.safepassage.ledger.sim;

import java.util.Objects;
import java.util.Set;

/**
 * An identity whose endorsement signature verified, as a signature policy sees it: its MSP, its NodeOU role and
 * something that tells two identities of one MSP apart (Fabric counts each identity once).
 *
 * @param mspId the identity's MSP id
 * @param role its NodeOU role: {@code peer}, {@code client}, {@code admin} or {@code orderer}
 * @param id distinguishes identities of the same MSP and role, e.g. the certificate subject
 */
public record Signer(String mspId, String role, String id) {
    private static final Set<String> ROLES = Set.of("peer", "client", "admin", "orderer");

    /** Checks the role. */
    public Signer {
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(id, "id");
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("role must be one of " + ROLES + ": " + role);
        }
    }

    /**
     * @param mspId the MSP id
     * @return the one peer of that organisation, as the simulator and the devpeer play it
     */
    public static Signer peerOf(final String mspId) {
        return new Signer(mspId, "peer", "peer0." + mspId);
    }

    /**
     * @param identity an enrolled member whose certificate names its NodeOU in the subject's OU
     * @return it as a signer
     */
    public static Signer of(final Identity identity) {
        final String subject = identity.subject();
        String role = "client";
        for (String rdn : subject.split(",")) {
            final String trimmed = rdn.strip();
            if (trimmed.regionMatches(true, 0, "OU=", 0, 3) && ROLES.contains(trimmed.substring(3))) {
                role = trimmed.substring(3);
            }
        }
        return new Signer(identity.mspId(), role, subject);
    }
}
