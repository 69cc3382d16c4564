/**
 * The enrollment service used by enrollment officers: it will register children and trafficking survivors with their
 * guardians, consent and biometrics, keep their personal data in an encrypted off-chain vault, compute biometric
 * commitments, deduplicate enrollments and carry out erasure requests.
 *
 * <p>Entry point: {@link org.safepassage.service.ServiceInfoResource}, {@code GET /api/v1/service}.
 * Health is served at {@code /q/health}, Prometheus metrics at {@code /q/metrics} and the OpenAPI document at
 * {@code /q/openapi}.
 */
package org.safepassage.enrollment;
