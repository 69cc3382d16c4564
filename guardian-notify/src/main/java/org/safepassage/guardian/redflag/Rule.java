package org.safepassage.guardian.redflag;

import java.time.Instant;
import java.util.List;
import org.safepassage.chaincode.model.RedFlagCommand;

/**
 * One red-flag rule: sees every fact in ledger order and adds its hits. A rule is deterministic: the same facts in the
 * same order give the same hits with the same evidence, hence the same alert ids.
 */
interface Rule {
    void accept(Fact fact, List<RedFlagCommand> hits);

    /** The ledger's clock moved to {@code now} (the latest transaction time seen): deadlines that passed fire. */
    default void advance(final Instant now, final List<RedFlagCommand> hits) {
    }

    /** The subject was erased: drop everything about it, so no alert names it. */
    void forget(String subjectId);

    /** At most {@link RedFlagCommand#MAX_EVIDENCE} items, the first ones. */
    static <T> List<T> capped(final List<T> items) {
        return items.size() <= RedFlagCommand.MAX_EVIDENCE ? List.copyOf(items)
                : List.copyOf(items.subList(0, RedFlagCommand.MAX_EVIDENCE));
    }
}
