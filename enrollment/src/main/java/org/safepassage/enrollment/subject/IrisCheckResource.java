package org.safepassage.enrollment.subject;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safepassage.service.api.ApiException;
import org.safepassage.enrollment.biometrics.iris.IrisQuality;

/**
 * The quality gate on one eye image, before the enrollment is sent: what the officer's iris step shows while the
 * child is still in front of the camera. Nothing is stored; a refusal is the same 422 {@code IRIS_REJECTED} an
 * enrollment would get.
 */
@Path("/api/v1/iris-checks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"officer", "supervisor"})
@Tag(name = "subjects")
public class IrisCheckResource {
    private final IrisUploads uploads;

    IrisCheckResource(final IrisUploads uploads) {
        this.uploads = uploads;
    }

    /** One eye image to check. */
    public record Check(Eye eye, String image) {}

    /** The image passed; what the gate measured (ISO/IEC 29794-6 style metrics). */
    public record Checked(Eye eye, IrisQuality quality, int validBits) {}

    @POST
    @Operation(summary = "Check one eye image against the iris quality gate; nothing is stored")
    public Checked check(final Check check) {
        if (check == null) {
            throw ApiException.invalid("body", "is required");
        }
        final Eye eye = Fields.present("eye", check.eye());
        final var accepted = uploads.capture(eye.name(), check.image());
        return new Checked(eye, accepted.quality(), accepted.code().validBits());
    }
}
