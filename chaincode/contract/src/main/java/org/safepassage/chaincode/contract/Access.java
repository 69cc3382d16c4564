package org.safepassage.chaincode.contract;

import static org.safepassage.chaincode.model.Organisation.BORDER;
import static org.safepassage.chaincode.model.Organisation.CHILD_PROTECTION;
import static org.safepassage.chaincode.model.Organisation.REGISTRY;
import static org.safepassage.chaincode.model.Organisation.ROMANIA_BORDER;
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
 * Who may run each family of transactions: least privilege per organisation, and per role inside it; and, for the
 * border police of each country, at which posts ({@link #mayActAt}). This table is the whole access policy of the
 * chaincode.
 *
 * <p>The neighbouring country's border police ({@code RomaniaBorderMSP}) gets what its terminals need to scan and
 * record crossings through the same gateway code, and nothing of Moldova's history: it may read a subject's status, its
 * own posts' requests and a child's pre-authorised trips (a trip may cover Romanian posts), never the list of a child's
 * crossings, the alerts, guardians' decisions or enrollment; it may not override.
 */
public enum Access {
    /** Register subjects, replace guardians, renew commitments. */
    ENROLL(grant(REGISTRY, OFFICER, SUPERVISOR)),
    /** Flag a child missing, or clear the flag. */
    FLAG_MISSING(grant(REGISTRY, OFFICER, SUPERVISOR), grant(CHILD_PROTECTION, ANALYST)),
    /** Erase a subject: the data-protection officer alone. */
    ERASE(grant(REGISTRY, DPO)),
    /** A subject's record (status, protection, opaque guardian references): what a post needs to decide. */
    READ_SUBJECT(anyMember(REGISTRY), anyMember(BORDER), anyMember(CHILD_PROTECTION),
            grant(ROMANIA_BORDER, GUARD, SUPERVISOR)),
    /** Identify by commitment: the registry and border posts, not the notifier. */
    FIND_BY_COMMITMENT(anyMember(REGISTRY), anyMember(BORDER)),
    /** Report scans, open and cancel crossing requests, record crossings: at the caller's own country's posts. */
    BORDER_CHECK(grant(BORDER, GUARD, SUPERVISOR), grant(ROMANIA_BORDER, GUARD, SUPERVISOR)),
    /** Let a protected minor cross without guardian approval, for a documented reason: Moldova's supervisors only. */
    OVERRIDE(grant(BORDER, SUPERVISOR)),
    /** Record guardians' decisions on requests and trips. */
    GUARDIAN_DECISION(grant(CHILD_PROTECTION, NOTIFIER)),
    /** Close a request whose time ran out: the notifier's timer or the waiting post. */
    EXPIRE_REQUEST(grant(CHILD_PROTECTION, NOTIFIER), grant(BORDER, GUARD, SUPERVISOR),
            grant(ROMANIA_BORDER, GUARD, SUPERVISOR)),
    /** Read a crossing request (a neighbour's post: its own posts' only) and a child's pre-authorised trips. */
    READ_REQUESTS_AND_TRIPS(anyMember(BORDER), anyMember(CHILD_PROTECTION), grant(ROMANIA_BORDER, GUARD, SUPERVISOR)),
    /** A child's crossing history: Moldova's border police and child protection, not the neighbour. */
    READ_CROSSINGS(anyMember(BORDER), anyMember(CHILD_PROTECTION)),
    REVIEW_ALERTS(grant(CHILD_PROTECTION, ANALYST)),
    /** Raise red-flag alerts: the child-protection analytics identity alone, which can do nothing else. */
    RAISE_RED_FLAGS(grant(CHILD_PROTECTION, ANALYTICS)),
    READ_ALERTS(anyMember(CHILD_PROTECTION)),
    /** Anchor the head of the registry's access-audit chain: the enrollment service, as its officer identity. */
    ANCHOR_AUDIT(grant(REGISTRY, OFFICER)),
    /** Read an organisation's own audit anchors: any member of the registry (the DPO's check). */
    READ_AUDIT_ANCHORS(anyMember(REGISTRY));

    private final List<Grant> grants;

    Access(final Grant... grants) {
        this.grants = List.of(grants);
    }

    /**
     * Whether a member of {@code mspId} may act at (or read the records of) {@code post}: a border police
     * organisation only at its own country's posts ({@code MD-...} for BorderMSP, {@code RO-...} for
     * RomaniaBorderMSP), so no country can write or read another's border records; other organisations are not bound
     * to posts.
     */
    public static boolean mayActAt(final String mspId, final String post) {
        return Organisation.ofMspId(mspId)
                .flatMap(Organisation::country)
                .map(country -> post != null && post.startsWith(country + "-"))
                .orElse(true);
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
