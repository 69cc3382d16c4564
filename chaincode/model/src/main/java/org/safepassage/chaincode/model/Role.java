package org.safepassage.chaincode.model;

/**
 * What a member of an organisation may do, read from the {@code role} attribute of the caller's X.509 certificate
 * (the Fabric CA attribute extension).
 */
public enum Role {
    /** Registry: enrolls subjects and maintains their guardians. */
    OFFICER("officer"),
    /** Registry or border: an officer or guard with supervisory powers (overrides). */
    SUPERVISOR("supervisor"),
    /** Registry: the data-protection officer, who alone may erase. */
    DPO("dpo"),
    /** Border: a border-post terminal. */
    GUARD("guard"),
    /** Child protection: the guardian notifier service. */
    NOTIFIER("notifier"),
    /** Child protection: reviews alerts and flags missing children. */
    ANALYST("analyst"),
    /** Child protection: the red-flag rules over the ledger's events, which raise alerts and nothing else. */
    ANALYTICS("analytics");

    /** The name of the certificate attribute that carries the role. */
    public static final String ATTRIBUTE = "role";

    private final String attributeValue;

    Role(final String attributeValue) {
        this.attributeValue = attributeValue;
    }

    /** The value of the {@code role} certificate attribute for this role. */
    public String attributeValue() {
        return attributeValue;
    }
}
