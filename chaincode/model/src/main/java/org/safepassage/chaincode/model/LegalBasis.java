package org.safepassage.chaincode.model;

/**
 * Why a crossing was allowed (or on what it was decided): exactly the reference its type needs and no other.
 *
 * @param requestId the approved crossing request, for {@link BasisType#APPROVAL}
 * @param tripId the pre-authorised trip, for {@link BasisType#PREAUTHORISED}
 * @param overrideReason the documented reason, for {@link BasisType#SUPERVISED_OVERRIDE}
 */
public record LegalBasis(BasisType type, String requestId, String tripId, OverrideReason overrideReason) {
    public LegalBasis {
        Require.present("basis.type", type);
        Require.that((requestId != null) == (type == BasisType.APPROVAL),
                "basis.requestId: required for APPROVAL and only for it");
        Require.that((tripId != null) == (type == BasisType.PREAUTHORISED),
                "basis.tripId: required for PREAUTHORISED and only for it");
        Require.that((overrideReason != null) == (type == BasisType.SUPERVISED_OVERRIDE),
                "basis.overrideReason: required for SUPERVISED_OVERRIDE and only for it");
        if (requestId != null) {
            Require.ledgerId("basis.requestId", requestId);
        }
        if (tripId != null) {
            Require.ledgerId("basis.tripId", tripId);
        }
    }

    public static LegalBasis approval(final String requestId) {
        return new LegalBasis(BasisType.APPROVAL, requestId, null, null);
    }

    public static LegalBasis preauthorised(final String tripId) {
        return new LegalBasis(BasisType.PREAUTHORISED, null, tripId, null);
    }

    public static LegalBasis notRequired() {
        return new LegalBasis(BasisType.NOT_REQUIRED, null, null, null);
    }

    public static LegalBasis override(final OverrideReason reason) {
        return new LegalBasis(BasisType.SUPERVISED_OVERRIDE, null, null, reason);
    }
}
