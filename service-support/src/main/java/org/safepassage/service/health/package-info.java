/** Readiness of a service's dependencies: {@link org.safepassage.service.health.Reachability}. */
package org.safepassage.service.health;
