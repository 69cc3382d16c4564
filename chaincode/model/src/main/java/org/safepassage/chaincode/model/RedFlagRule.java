package org.safepassage.chaincode.model;

/**
 * The trafficking red-flag rules whose hits are raised as {@link AlertType#RED_FLAG} alerts. The rules themselves,
 * their thresholds and their explanations live with the child-protection agency's analytics (guardian-notify's
 * {@code redflag} package); the ledger only names which one matched.
 */
public enum RedFlagRule {
    /** One companion (keyed document reference) seen with many different children. */
    COMPANION_MANY_CHILDREN,
    /** One guardian phone number approved crossings of children of several families (judged off-chain). */
    PHONE_MANY_FAMILIES,
    /** A child left the country many times in a short period. */
    FREQUENT_EXITS,
    /** A child left and did not come back in time (for a pre-authorised trip: after the trip's end). */
    EXIT_WITHOUT_RETURN,
    /** A crossing refused, expired or denied at one post, then the same child seen at another post. */
    POST_SHOPPING,
    /**
     * An exit from one country on the ledger with no entry of the child recorded by the neighbouring country's border
     * police in time: the child did not arrive where it was recorded leaving to.
     */
    EXIT_WITHOUT_ARRIVAL,
    /**
     * An entry recorded by one country's border police with no exit of the child recorded by the other country in
     * time: the child left without passing the other side's post.
     */
    ARRIVAL_WITHOUT_EXIT
}
