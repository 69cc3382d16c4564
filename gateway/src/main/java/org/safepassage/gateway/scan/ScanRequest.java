package org.safepassage.gateway.scan;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.Identifiers;
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
public record ScanRequest(
        @Schema(maxItems = ScanService.MAX_IMAGES,
                description = "fingerprint images, PNG, JPEG or WSQ, base64, each at most 2 MiB; with irisImages, at "
                        + "least one image") List<String> images,
        @Schema(pattern = Identifiers.OPAQUE_ID_PATTERN) String subjectReference,
        @Schema(required = true, implementation = Direction.class) String direction,
        CompanionDocument companion,
        @Schema(maxItems = ScanService.MAX_IRIS_IMAGES,
                description = "near-infrared eye images, 8-bit greyscale PNG or JPEG, base64")
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
    public record CompanionDocument(
            @Schema(required = true, enumeration = {"PASSPORT", "ID_CARD", "RESIDENCE_PERMIT", "TRAVEL_DOCUMENT"})
                    String documentType,
            @Schema(required = true, minLength = 1, description = "1 to 30 letters and digits; spaces and dashes are "
                    + "ignored") String documentNumber,
            @Schema(required = true, pattern = "^[A-Za-z]{3}$", examples = "MDA") String nationality) {
        /** Hides the number from logs and error messages. */
        @Override
        public String toString() {
            return "CompanionDocument[" + documentType + ", ***, " + nationality + "]";
        }
    }
}
