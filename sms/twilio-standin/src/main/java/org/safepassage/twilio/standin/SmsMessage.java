package org.safepassage.twilio.standin;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One message the stand-in holds, outbound (created through the Messages API) or inbound (a reply typed on the
 * phone page or sent with {@link TwilioStandIn#reply}). Immutable: a status change replaces the stored value.
 *
 * @param sid the message sid, {@code SM} and 32 hex digits
 * @param accountSid the account the message belongs to
 * @param direction {@code outbound-api} or {@code inbound}
 * @param from the sender: the Twilio number (outbound) or the handset (inbound); empty when only a messaging
 *     service was given
 * @param to the recipient: the handset (outbound) or the Twilio number (inbound)
 * @param messagingServiceSid the messaging service sid given instead of, or besides, {@code From}; may be empty
 * @param body the text
 * @param status Twilio's status: {@code queued}, {@code sent}, {@code delivered}, {@code undelivered},
 *     {@code failed} or {@code received}
 * @param errorCode Twilio's error code for a failed or undelivered message, or {@code null}
 * @param errorMessage a description of {@code errorCode}, or {@code null}
 * @param dateCreated when the stand-in accepted the message
 * @param dateUpdated the last status change
 * @param dateSent when the message left the queue, or {@code null}
 * @param statusCallback the URL status callbacks are posted to, or {@code null}
 * @param validityPeriod seconds the message may wait in the queue, or {@code null} for Twilio's default (36000)
 */
public record SmsMessage(
        String sid,
        String accountSid,
        String direction,
        String from,
        String to,
        String messagingServiceSid,
        String body,
        String status,
        Integer errorCode,
        String errorMessage,
        Instant dateCreated,
        Instant dateUpdated,
        Instant dateSent,
        String statusCallback,
        Integer validityPeriod) {

    /** Twilio's direction for a message created through the REST API. */
    public static final String OUTBOUND = "outbound-api";

    /** Twilio's direction for a message received from a handset. */
    public static final String INBOUND = "inbound";

    /**
     * Checks the components that are always present.
     *
     * @throws NullPointerException if sid, account, direction, to, body, status or dateCreated is {@code null}
     */
    public SmsMessage {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(dateCreated, "dateCreated");
        from = from == null ? "" : from;
        messagingServiceSid = messagingServiceSid == null ? "" : messagingServiceSid;
        dateUpdated = dateUpdated == null ? dateCreated : dateUpdated;
    }

    /**
     * The status callback URL, if one was given.
     *
     * @return the URL, or empty
     */
    public Optional<String> statusCallbackUrl() {
        return Optional.ofNullable(statusCallback).filter(url -> !url.isBlank());
    }

    /**
     * Whether the message has reached a status it will not leave.
     *
     * @return {@code true} for delivered, undelivered, failed and received
     */
    public boolean isFinal() {
        return switch (status) {
            case "delivered", "undelivered", "failed", "received" -> true;
            default -> false;
        };
    }

    SmsMessage withStatus(
            final String newStatus, final Integer newErrorCode, final String newErrorMessage, final Instant at) {
        final Instant sent = dateSent == null && "sent".equals(newStatus) ? at : dateSent;
        return new SmsMessage(
                sid,
                accountSid,
                direction,
                from,
                to,
                messagingServiceSid,
                body,
                newStatus,
                newErrorCode,
                newErrorMessage,
                dateCreated,
                at,
                sent,
                statusCallback,
                validityPeriod);
    }
}
