package org.safepassage.gateway.scan;

import java.util.List;

/**
 * What a border-post terminal sends after a scan.
 *
 * @param images the captured fingerprint images (PNG, JPEG or WSQ, base64), 1 to 10
 * @param subjectReference the subject id read from a card or QR code, for 1:1 verification; absent for 1:N
 * @param direction {@code EXIT} or {@code ENTRY}
 * @param companion the travel document of the adult travelling with the person, if any
 * @param irisImages the captured near-infrared eye images (8-bit greyscale PNG or JPEG, 640 x 480, base64), 0 to 2;
 *     a scan carries fingerprints, irises or both
 */
public record ScanRequest(List<String> images, String subjectReference, String direction, CompanionDocument companion,
        List<String> irisImages) {
    /** A scan by fingerprint only, as every scan was before the iris. */
    public ScanRequest(final List<String> images, final String subjectReference, final String direction,
            final CompanionDocument companion) {
        this(images, subjectReference, direction, companion, null);
    }

    /**
     * The companion's travel document. Only an opaque keyed hash of it leaves the gateway.
     *
     * @param documentType e.g. {@code PASSPORT}, {@code ID_CARD}
     * @param documentNumber the number as printed
     * @param nationality ISO 3166-1 alpha-3 issuing state, e.g. {@code MDA}
     */
    public record CompanionDocument(String documentType, String documentNumber, String nationality) {
        /** Hides the number from logs and error messages. */
        @Override
        public String toString() {
            return "CompanionDocument[" + documentType + ", ***, " + nationality + "]";
        }
    }
}
