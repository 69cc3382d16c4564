package org.safepassage.enrollment.subject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import org.safepassage.service.api.ApiException;

/** Who agreed to the enrollment, on what legal basis, and when. */
public record Consent(
        @Schema(required = true, minLength = 1, maxLength = Fields.NAME_MAX, examples = "Elena Popescu") String consentedBy,
        @Schema(required = true) LegalBasisOfProcessing legalBasis,
        @Schema(required = true, description = "not in the future", examples = "2026-12-01T09:00:00Z") Instant consentedAt) {
    public Consent {
        consentedBy = Fields.text("consent.consentedBy", consentedBy, Fields.NAME_MAX);
        Fields.present("consent.legalBasis", legalBasis);
        Fields.present("consent.consentedAt", consentedAt);
        if (consentedAt.isAfter(Instant.now().plusSeconds(300))) {
            throw ApiException.invalid("consent.consentedAt", "is in the future");
        }
    }
}
