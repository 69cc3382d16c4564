/**
 * Guardian approval of crossings. {@link org.safepassage.guardian.crossing.CrossingEventConsumer} reads the chaincode's
 * events as the child-protection notifier from a checkpoint kept in PostgreSQL; on each {@code CrossingRequested} it
 * queues one text per guardian (outbox unique per request and guardian), each with its own six-digit code stored only
 * as a keyed hash. {@link org.safepassage.guardian.crossing.TwilioWebhookResource} takes the signed replies
 * ({@code POST /twilio/inbound}) and delivery reports ({@code POST /twilio/status}); accepted decisions are recorded on
 * the ledger with {@code RecordGuardianDecision} and confirmed by text.
 */
package org.safepassage.guardian.crossing;
