/**
 * The border gateway used at checkpoint terminals: it identifies a scanned person through enrollment, records the scan
 * on the ledger as the post's own identity, gives the guard one clear decision (clear, waiting for guardian, alert, not
 * enrolled), opens crossing requests, streams their status live from the ledger's events, expires unanswered ones and
 * records crossings. Terminals and supervisors authenticate with client certificates from the border organisation's CA.
 *
 * <p>Entry points: {@link org.safepassage.gateway.scan.ScanResource} ({@code POST /api/v1/scans}),
 * {@link org.safepassage.gateway.crossing.RequestResource} ({@code /api/v1/requests/{id}}, its {@code /events},
 * {@code /crossing} and {@code /override}), {@link org.safepassage.gateway.crossing.CrossingResource}
 * ({@code POST /api/v1/crossings}) and {@link org.safepassage.service.ServiceInfoResource}
 * ({@code GET /api/v1/service}). Health ({@code /q/health}), Prometheus metrics ({@code /q/metrics}) and the OpenAPI
 * document ({@code /q/openapi}) are served on the plain-HTTP management port.
 */
package org.safepassage.gateway;
