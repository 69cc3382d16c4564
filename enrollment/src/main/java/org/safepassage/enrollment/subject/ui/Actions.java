package org.safepassage.enrollment.subject.ui;

import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Which actions the subject screen offers the signed-in role; the same roles the API allows, so no button leads to a
 * refusal (the API checks again anyway).
 */
@TemplateData
public record Actions(boolean flagMissing, boolean unflagMissing, boolean export, boolean erase) {
    static Actions of(final SecurityContext caller) {
        final boolean officer = caller.isUserInRole("officer");
        final boolean supervisor = caller.isUserInRole("supervisor");
        final boolean dpo = caller.isUserInRole("dpo");
        return new Actions(officer || supervisor, supervisor, supervisor || dpo, dpo);
    }
}
