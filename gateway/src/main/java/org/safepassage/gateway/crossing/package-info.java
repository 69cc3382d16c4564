/**
 * Crossing requests and crossings: {@link org.safepassage.gateway.crossing.RequestResource},
 * {@code /api/v1/requests/{id}}, and {@link org.safepassage.gateway.crossing.CrossingResource},
 * {@code POST /api/v1/crossings} for people a scan cleared.
 */
package org.safepassage.gateway.crossing;
