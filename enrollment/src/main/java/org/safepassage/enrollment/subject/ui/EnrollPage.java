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
import org.safepassage.enrollment.subject.IrisUploads;
import org.safepassage.enrollment.subject.Modalities;

/** The step-by-step enrollment; the page's script drives the existing JSON API. */
@Path("/ui/enroll")
@RolesAllowed({"officer", "supervisor"})
public class EnrollPage {
    private static final int MIB = 1024 * 1024;
    /** The same limits the API applies to each fingerprint image, so the page can explain them before upload. */
    private final QualityPolicy policy = QualityPolicy.defaults();
    private final IrisUploads irises;

    EnrollPage(final IrisUploads irises) {
        this.irises = irises;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String enroll(@Context final SecurityContext caller) {
        // The age rule and the iris gate's limits come from the classes the API applies, never copied into the page.
        return Pages.enroll(Screen.of("Enroll a person", "enroll", caller), Guardians.MAX_GUARDIANS,
                EnrollmentRequest.MAX_FINGERPRINTS, policy.maxBytes() / MIB, Modalities.IRIS_ONLY_BELOW_AGE,
                irises.maxBytes() / MIB, irises.policy()).render();
    }
}
