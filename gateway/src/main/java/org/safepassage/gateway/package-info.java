/**
 * The border gateway used at checkpoint terminals: it will identify a scanned person, verify the biometric commitment
 * against the ledger, give the guard one clear decision (clear, waiting for guardian, refused or alert), open crossing
 * requests and record crossings.
 *
 * <p>Entry point: {@link org.safepassage.gateway.ServiceInfoResource}, {@code GET /api/v1/service}.
 * Health is served at {@code /q/health}, Prometheus metrics at {@code /q/metrics} and the OpenAPI document at
 * {@code /q/openapi}.
 */
package org.safepassage.gateway;
