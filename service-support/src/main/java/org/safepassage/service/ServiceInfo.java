package org.safepassage.service;

import java.util.Objects;

/**
 * What this service is: its name, the version that is running and its role in SafePassage.
 *
 * @param service the application name, e.g. {@code enrollment}
 * @param version the running version, from {@code quarkus.application.version}
 * @param role one sentence on what the service does and for whom
 */
public record ServiceInfo(String service, String version, String role) {
    /**
     * Checks that every component is present.
     *
     * @throws NullPointerException if any component is {@code null}
     */
    public ServiceInfo {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(role, "role");
    }
}
