package org.safepassage.chaincode.model;

/** The agencies on the channel, by the MSP id of their Fabric organisation. */
public enum Organisation {
    /** Civil registry or enrollment agency: registers subjects, links guardians, erases. */
    REGISTRY("RegistryMSP"),
    /** Border police: opens crossing requests, records crossings. */
    BORDER("BorderMSP"),
    /** Child-protection agency or NGO: records guardian decisions and trips, reviews alerts. */
    CHILD_PROTECTION("ChildProtectionMSP");

    private final String mspId;

    Organisation(final String mspId) {
        this.mspId = mspId;
    }

    public String mspId() {
        return mspId;
    }
}
