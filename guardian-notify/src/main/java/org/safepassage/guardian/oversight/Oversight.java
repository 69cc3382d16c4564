package org.safepassage.guardian.oversight;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.safepassage.chaincode.model.AcknowledgeAlertCommand;
import org.safepassage.chaincode.model.Alert;
import org.safepassage.chaincode.model.AlertResolution;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.guardian.crossing.NotifierLedger;
import org.safepassage.guardian.redflag.RedFlagConfig;
import org.safepassage.guardian.redflag.RedFlagHits;

/**
 * What the analysts' screens show: open alerts and a subject's state from the ledger (read as the notifier, which may
 * read both), a subject's timeline and the statistics from the activity projection.
 */
@ApplicationScoped
public class Oversight {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final NotifierLedger ledger;
    private final AnalystLedger analysts;
    private final ActivityStore store;
    private final Clock clock;
    private final RedFlagConfig redFlags;
    private final RedFlagHits hits;

    Oversight(final NotifierLedger ledger, final AnalystLedger analysts, final ActivityStore store,
            final Clock clock, final RedFlagConfig redFlags, final RedFlagHits hits) {
        this.redFlags = redFlags;
        this.hits = hits;
        this.ledger = ledger;
        this.analysts = analysts;
        this.store = store;
        this.clock = clock;
    }

    /**
     * An analyst's conclusion on an alert, recorded on the ledger as the analyst identity and attributed to the person
     * logged in (her IdP subject); the alert leaves the open list.
     *
     * @throws RuntimeException a refusal (unknown or already acknowledged alert) or a ledger failure;
     *     {@link #problem(RuntimeException)} says it in words
     */
    public void acknowledge(final String alertId, final AlertResolution resolution) {
        try {
            analysts.chaincode().alerts().acknowledge(new AcknowledgeAlertCommand(alertId, resolution));
        } catch (RuntimeException e) {
            if (!(e instanceof org.safepassage.chaincode.client.ChaincodeRefusedException)) {
                analysts.reset();
            }
            throw e;
        }
    }

    /**
     * The open alerts, newest first.
     *
     * @throws RuntimeException a ledger failure; {@link #problem(RuntimeException)} says it in words
     */
    public List<AlertView> openAlerts() {
        return openAlerts(AlertFilter.NONE);
    }

    /**
     * The open alerts that pass the filter, newest first.
     *
     * @throws RuntimeException a ledger failure; {@link #problem(RuntimeException)} says it in words
     */
    public List<AlertView> openAlerts(final AlertFilter filter) {
        final List<Alert> alerts;
        try {
            alerts = new ArrayList<>(ledger.chaincode().alerts().listOpen());
        } catch (RuntimeException e) {
            ledger.reset();
            throw e;
        }
        alerts.sort(Comparator.comparing(Alert::raisedAt).reversed());
        return alerts.stream().filter(filter::accepts).map(a -> new AlertView(a.alertId(), a.type().name(),
                a.subjectId(), a.post(), TIME.format(a.raisedAt()), a.rule() == null ? null : a.rule().name(),
                a.rule() == null ? null : redFlags.settings().explain(a.rule()),
                a.evidence().stream().map(e -> new AlertView.Evidence(e.transactionId(), e.subjectId(),
                        e.event().eventName())).toList())).toList();
    }

    /** The subject's state on the ledger; a failure is reported in the result, not thrown. */
    public SubjectState subjectState(final String subjectId) {
        try {
            final Subject subject = ledger.chaincode().subjects().read(subjectId);
            final String quorum = subject.guardianRefs().isEmpty() ? null
                    : subject.approvalQuorum() + " of " + subject.guardianRefs().size() + " guardians";
            return new SubjectState(subjectId, subject.status().name(), quorum, null);
        } catch (RuntimeException e) {
            if (!(e instanceof org.safepassage.chaincode.client.ChaincodeRefusedException)) {
                ledger.reset();
            }
            return new SubjectState(subjectId, null, null, LedgerProblem.sentence(e));
        }
    }

    /** The subject's projected activity, oldest first. */
    public List<TimelineEntry> timeline(final String subjectId) {
        return store.timeline(subjectId).stream().map(Timeline::entry).toList();
    }

    /** The three charts over the last {@value OversightStatistics#DAYS} days. */
    public Statistics statistics() {
        final LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        final Instant from = OversightStatistics.windowStart(today);
        // a request can be open up to 24 hours, so openings a day before the window still time its first decisions
        final List<Activity> rows = store.since(from.minusSeconds(86_400), ActivityKind.REQUEST_OPENED,
                ActivityKind.GUARDIAN_DECISION, ActivityKind.CROSSING_RECORDED, ActivityKind.REQUEST_REFUSED,
                ActivityKind.OVERRIDE);
        return new Statistics(OversightStatistics.crossingsPerPost(rows, today),
                OversightStatistics.responseTimes(rows, today), OversightStatistics.refusalsAndOverrides(rows, today));
    }

    /** Each red-flag rule's hits per week over the last {@value RedFlagHits#WEEKS} weeks. */
    public List<RedFlagHits.RuleCounts> redFlagHits() {
        return hits.perWeek(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** A ledger failure in words for the analyst. */
    public static String problem(final RuntimeException e) {
        return LedgerProblem.sentence(e);
    }
}
