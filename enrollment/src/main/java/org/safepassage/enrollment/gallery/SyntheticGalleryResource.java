package org.safepassage.enrollment.gallery;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safepassage.service.api.ApiException;

/** Internal, load testing only: {@link SyntheticGallery} (404 unless enabled). */
@Path("/internal/v1/load/synthetic-gallery")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("officer")
@Tag(name = "internal")
public class SyntheticGalleryResource {
    private final SyntheticGallery synthetic;

    SyntheticGalleryResource(final SyntheticGallery synthetic) {
        this.synthetic = synthetic;
    }

    /** A batch of synthetic enrolled fingers. */
    public record Batch(@Schema(required = true) List<byte[]> templates) {}

    @POST
    @Operation(summary = "Load testing only: enroll synthetic fingers (ISO/IEC 19794-2 records) into the gallery")
    @APIResponse(responseCode = "200", description = "Added",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SyntheticGallery.Added.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: load testing is not enabled on this installation")
    public SyntheticGallery.Added add(final Batch batch) {
        if (batch == null) {
            throw ApiException.invalid("body", "is required");
        }
        return synthetic.add(batch.templates());
    }
}
