package org.safepassage.guardian.redflag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.safepassage.chaincode.client.ReceivedEvent;
import org.safepassage.chaincode.model.RedFlagCommand;

/**
 * The red-flag rules over the ledger's events, read in ledger order. Pure and in memory: fed the same events from the
 * same first block it finds the same hits with the same evidence, so the alert ids ({@link RedFlagCommand#alertId()})
 * are the same and the ledger raises each once however often the stream is read. Not thread-safe.
 */
public final class RedFlagEngine {
    private final List<Rule> rules;
    private final List<WeakSignal> weak = new ArrayList<>();
    private Instant ledgerNow = Instant.EPOCH;

    /** What one event led to: alerts to raise, and weak signals to count. */
    public record Outcome(List<RedFlagCommand> alerts, List<WeakSignal> weakSignals) {}

    /**
     * @param settings the thresholds
     * @param phones guardian-notify's keyed phone hashes per request and guardian
     */
    public RedFlagEngine(final RedFlagSettings settings, final PhoneBook phones) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(phones, "phones");
        this.rules = List.of(
                new CompanionRule(settings.companionChildren(), settings.companionWindow()),
                new ExitRules(settings.exitCount(), settings.exitWindow(), settings.returnWithin(),
                        settings.homeCountry()),
                new PostShoppingRule(settings.postShoppingWithin()),
                new ReconciliationRule(settings.arrivalWithin(), settings.reconciledCountries(),
                        settings.unreconciledPosts(), settings.reconcileFrom()),
                new PhoneRule(settings, phones, weak));
    }

    /**
     * Applies the rules to one event.
     *
     * @return the hits it completed, in a stable order
     */
    public Outcome accept(final ReceivedEvent received) {
        final List<RedFlagCommand> hits = new ArrayList<>();
        weak.clear();
        for (final Fact fact : Fact.of(received)) {
            if (fact.kind() == Fact.Kind.ERASED) {
                rules.forEach(r -> r.forget(fact.subjectId()));
                continue;
            }
            // deadlines that passed before this fact fire first: an entry after the deadline was still too late
            if (fact.at().isAfter(ledgerNow)) {
                ledgerNow = fact.at();
                for (final Rule rule : rules) {
                    rule.advance(ledgerNow, hits);
                }
            }
            for (final Rule rule : rules) {
                rule.accept(fact, hits);
            }
        }
        return new Outcome(List.copyOf(hits), List.copyOf(weak));
    }
}
