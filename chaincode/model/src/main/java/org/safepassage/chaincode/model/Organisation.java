package org.safepassage.chaincode.model;

import java.util.Arrays;
import java.util.Optional;

/** The agencies on the channel, by the MSP id of their Fabric organisation. */
public enum Organisation {
    /** Civil registry or enrollment agency: registers subjects, links guardians, erases. */
    REGISTRY("RegistryMSP", null),
    /** Moldova's border police: opens crossing requests, records crossings, at Moldovan posts. */
    BORDER("BorderMSP", "MD"),
    /** Child-protection agency or NGO: records guardian decisions and trips, reviews alerts. */
    CHILD_PROTECTION("ChildProtectionMSP", null),
    /**
     * The neighbouring country's border police (Romania), the fourth organisation: its posts record scans and
     * crossings at Romanian posts, so Moldova's exits can be reconciled with Romania's entries.
     */
    ROMANIA_BORDER("RomaniaBorderMSP", "RO");

    private final String mspId;
    private final String country;

    Organisation(final String mspId, final String country) {
        this.mspId = mspId;
        this.country = country;
    }

    public String mspId() {
        return mspId;
    }

    /**
     * The country whose posts a border police organisation works at (the prefix of its post ids, {@code MD} for
     * {@code MD-LEUSENI}); empty for the other organisations.
     */
    public Optional<String> country() {
        return Optional.ofNullable(country);
    }

    /** The organisation with this MSP id. */
    public static Optional<Organisation> ofMspId(final String mspId) {
        return Arrays.stream(values()).filter(o -> o.mspId.equals(mspId)).findFirst();
    }
}
