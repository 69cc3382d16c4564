package org.safepassage.service;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Says which SafePassage service answers, in which version and for what: the same endpoint in every service. */
@Path("/api/v1/service")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "service", description = "What this service is")
public final class ServiceInfoResource {
    private final ServiceInfo info;

    public ServiceInfoResource(
            @ConfigProperty(name = "quarkus.application.name") final String name,
            @ConfigProperty(name = "quarkus.application.version") final String version,
            @ConfigProperty(name = "safepassage.service.role") final String role) {
        this.info = new ServiceInfo(name, version, role);
    }

    /**
     * Describes this service.
     *
     * @return the service name, its running version and its role
     */
    @GET
    @Operation(summary = "Describe this service", description = "Name, running version and role of the service.")
    public ServiceInfo describe() {
        return info;
    }
}
