package org.safepassage.enrollment.subject;

import java.time.Instant;
import org.safepassage.service.api.ApiException;

/** Who agreed to the enrollment, on what legal basis, and when. */
public record Consent(String consentedBy, LegalBasisOfProcessing legalBasis, Instant consentedAt) {
    public Consent {
        consentedBy = Fields.text("consent.consentedBy", consentedBy, 200);
        Fields.present("consent.legalBasis", legalBasis);
        Fields.present("consent.consentedAt", consentedAt);
        if (consentedAt.isAfter(Instant.now().plusSeconds(300))) {
            throw ApiException.invalid("consent.consentedAt", "is in the future");
        }
    }
}
