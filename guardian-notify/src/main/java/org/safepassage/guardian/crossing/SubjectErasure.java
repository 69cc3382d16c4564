package org.safepassage.guardian.crossing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;
import org.safepassage.guardian.oversight.ActivityProjection;
import org.safepassage.guardian.sms.SmsNotDeletedException;
import org.safepassage.guardian.sms.SmsSender;

/**
 * Erases what this service holds about a subject's crossing requests when enrollment erases the subject: first the
 * SMS provider's stored copies of every text about them (a copy already gone counts as deleted), then the rows, in
 * one transaction, leaving only a keyed hash of each request's id so that a redelivered event for it creates nothing
 * again. The rows go last so that a provider failure leaves every sid on record for enrollment's retry;
 * once they are gone a repeated call finds nothing and succeeds. It runs while no text is being sent, so no text
 * about the subject can be half-recorded meanwhile. The subject's rows in the analysts' activity projection go in
 * the same transaction.
 */
@ApplicationScoped
class SubjectErasure {
    private static final Logger LOG = Logger.getLogger(SubjectErasure.class);

    private final CrossingStore store;
    private final CrossingCodes codes;
    private final GuardianTexts texts;
    private final SmsSender sms;
    private final ActivityProjection activity;
    private final Clock clock;

    SubjectErasure(final CrossingStore store, final CrossingCodes codes, final GuardianTexts texts,
            final SmsSender sms, final ActivityProjection activity, final Clock clock) {
        this.activity = activity;
        this.store = store;
        this.codes = codes;
        this.texts = texts;
        this.sms = sms;
        this.clock = clock;
    }

    /**
     * Forgets the subject's SMS records here and at the provider.
     *
     * @throws SmsNotDeletedException if the provider could not delete a copy; nothing was deleted here then
     */
    void forget(final String subjectId) {
        texts.whileNotSending(() -> {
            final List<String> sids = store.messageSidsAbout(subjectId);
            int deleted = 0;
            for (final String sid : sids) {
                if (sms.delete(sid)) {
                    deleted++;
                }
            }
            final int requests = QuarkusTransaction.requiringNew().call(() -> {
                for (final String requestId : store.requestIdsOf(subjectId)) {
                    store.markErased(codes.erasedRequestHash(requestId), clock.instant());
                }
                activity.forgetSubject(subjectId);
                return store.forgetSubject(subjectId);
            });
            LOG.infof("erasure: %d crossing request(s) forgotten, %d of %d text(s) deleted at the SMS provider "
                    + "(the rest were gone already)", requests, deleted, sids.size());
        });
    }
}
