/**
 * The guardian notifier: on each crossing request it will text the registered guardians by SMS with a short-lived
 * code, take their signed YES/NO replies, check code, sender and expiry, record each decision on the ledger and
 * escalate when nobody answers.
 *
 * <p>Entry point: {@link org.safepassage.service.ServiceInfoResource}, {@code GET /api/v1/service}. Features:
 * {@code verification} (one-time SMS codes proving a guardian's phone, for enrollment), {@code crossing} (texting the
 * guardians on each crossing request, their signed replies at {@code POST /twilio/inbound} and the decisions recorded
 * on the ledger) and {@code sms} (sending through Twilio).
 * Health is served at {@code /q/health}, Prometheus metrics at {@code /q/metrics} and the OpenAPI document at
 * {@code /q/openapi}.
 */
package org.safepassage.guardian;
