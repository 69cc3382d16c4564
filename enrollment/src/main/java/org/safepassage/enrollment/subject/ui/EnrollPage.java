package org.safepassage.enrollment.subject.ui;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.safepassage.chaincode.model.Guardians;
import org.safepassage.enrollment.biometrics.QualityPolicy;
import org.safepassage.enrollment.subject.EnrollmentRequest;

/** The step-by-step enrollment; the page's script drives the existing JSON API. */
@Path("/ui/enroll")
@RolesAllowed({"officer", "supervisor"})
public class EnrollPage {
    /** The same limits the API applies to each fingerprint image, so the page can explain them before upload. */
    private final QualityPolicy policy = QualityPolicy.defaults();

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String enroll(@Context final SecurityContext caller) {
        return Pages.enroll(Screen.of("Enroll a person", "enroll", caller), Guardians.MAX_GUARDIANS,
                EnrollmentRequest.MAX_FINGERPRINTS, policy.maxBytes() / (1024 * 1024)).render();
    }
}
