package org.safepassage.chaincode.contract;

import static org.safepassage.chaincode.model.Organisation.BORDER;
import static org.safepassage.chaincode.model.Organisation.CHILD_PROTECTION;
import static org.safepassage.chaincode.model.Organisation.REGISTRY;
import static org.safepassage.chaincode.model.Role.ANALYST;
import static org.safepassage.chaincode.model.Role.ANALYTICS;
import static org.safepassage.chaincode.model.Role.DPO;
import static org.safepassage.chaincode.model.Role.GUARD;
import static org.safepassage.chaincode.model.Role.NOTIFIER;
import static org.safepassage.chaincode.model.Role.OFFICER;
import static org.safepassage.chaincode.model.Role.SUPERVISOR;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.safepassage.chaincode.model.Organisation;
import org.safepassage.chaincode.model.Role;

/**
 * Who may run each family of transactions: least privilege per organisation, and per role inside it. This table is the
 * whole access policy of the chaincode.
 */
public enum Access {
    /** Register subjects, replace guardians, renew commitments. */
    ENROLL(grant(REGISTRY, OFFICER, SUPERVISOR)),
    /** Flag a child missing, or clear the flag. */
    FLAG_MISSING(grant(REGISTRY, OFFICER, SUPERVISOR), grant(CHILD_PROTECTION, ANALYST)),
    /** Erase a subject: the data-protection officer alone. */
    ERASE(grant(REGISTRY, DPO)),
    READ_SUBJECT(anyMember(REGISTRY), anyMember(BORDER), anyMember(CHILD_PROTECTION)),
    /** Identify by commitment: the registry and border posts, not the notifier. */
    FIND_BY_COMMITMENT(anyMember(REGISTRY), anyMember(BORDER)),
    /** Report scans, open and cancel crossing requests, record crossings. */
    BORDER_CHECK(grant(BORDER, GUARD, SUPERVISOR)),
    /** Let a protected minor cross without guardian approval, for a documented reason. */
    OVERRIDE(grant(BORDER, SUPERVISOR)),
    /** Record guardians' decisions on requests and trips. */
    GUARDIAN_DECISION(grant(CHILD_PROTECTION, NOTIFIER)),
    /** Close a request whose time ran out: the notifier's timer or the waiting post. */
    EXPIRE_REQUEST(grant(CHILD_PROTECTION, NOTIFIER), grant(BORDER, GUARD, SUPERVISOR)),
    READ_CROSSINGS(anyMember(BORDER), anyMember(CHILD_PROTECTION)),
    REVIEW_ALERTS(grant(CHILD_PROTECTION, ANALYST)),
    /** Raise red-flag alerts: the child-protection analytics identity alone, which can do nothing else. */
    RAISE_RED_FLAGS(grant(CHILD_PROTECTION, ANALYTICS)),
    READ_ALERTS(anyMember(CHILD_PROTECTION));

    private final List<Grant> grants;

    Access(final Grant... grants) {
        this.grants = List.of(grants);
    }

    /** Whether a member of {@code mspId} holding {@code role} (or none) may run this family. */
    public boolean allows(final String mspId, final Role role) {
        return grants.stream().anyMatch(g -> g.organisation().mspId().equals(mspId)
                && (g.roles().isEmpty() || role != null && g.roles().contains(role)));
    }

    private static Grant grant(final Organisation organisation, final Role first, final Role... rest) {
        return new Grant(organisation, EnumSet.of(first, rest));
    }

    private static Grant anyMember(final Organisation organisation) {
        return new Grant(organisation, Set.of());
    }

    /** Members of one organisation with one of the roles, or any member when the set is empty. */
    private record Grant(Organisation organisation, Set<Role> roles) {}
}
