package org.safepassage.guardian.redflag;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.safepassage.chaincode.model.Alert;
import org.safepassage.chaincode.model.RedFlagRule;
import org.safepassage.service.db.Jdbc;

/**
 * The {@code red_flag_hit} table: every red flag the rules found (raised now or found already on the ledger), for the
 * hit counts per rule over time. Keyed by alert id, so a replay counts nothing twice.
 */
@ApplicationScoped
public class RedFlagHits {
    /** Weeks the statistics show. */
    public static final int WEEKS = 8;

    private final Jdbc jdbc;

    RedFlagHits(final Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void record(final Alert alert) {
        jdbc.update("INSERT INTO red_flag_hit (alert_id, rule, post, raised_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (alert_id) DO NOTHING", alert.alertId(), alert.rule().name(), alert.post(),
                alert.raisedAt());
    }

    /** One rule's hits per week, oldest week first. */
    @io.quarkus.qute.TemplateData
    public record RuleCounts(String rule, List<Integer> perWeek, int total) {}

    /**
     * Each rule's hits in each of the last {@value #WEEKS} weeks (seven-day periods ending today, UTC).
     *
     * @return one row per rule, in the rules' order
     */
    public List<RuleCounts> perWeek(final LocalDate today) {
        final Instant from = today.plusDays(1).minusWeeks(WEEKS).atStartOfDay(ZoneOffset.UTC).toInstant();
        final Map<String, int[]> counts = new HashMap<>();
        for (final RedFlagRule rule : RedFlagRule.values()) {
            counts.put(rule.name(), new int[WEEKS]);
        }
        jdbc.query("SELECT rule, raised_at FROM red_flag_hit WHERE raised_at >= ?", row -> {
            final int[] weeks = counts.get(row.getString(1));
            if (weeks != null) {
                final long days = java.time.Duration.between(from, row.getTimestamp(2).toInstant()).toDays();
                weeks[(int) Math.min(WEEKS - 1, days / 7)]++;
            }
            return null;
        }, from);
        final List<RuleCounts> rows = new ArrayList<>();
        for (final RedFlagRule rule : RedFlagRule.values()) {
            final int[] weeks = counts.get(rule.name());
            final List<Integer> list = new ArrayList<>();
            int total = 0;
            for (final int n : weeks) {
                list.add(n);
                total += n;
            }
            rows.add(new RuleCounts(rule.name(), list, total));
        }
        return rows;
    }
}
