package org.pathwise.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.pathwise.stats.Percentiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures of the audit log over a period, for the dashboard: answers per day, the mix of outcomes, refusals per rule,
 * ratings, latency percentiles per stage, and quality per language (share answered, share rated useful). Computed
 * from the interaction records of the period, read one at a time. Beside them, the annotators' agreement beyond chance
 * (Cohen's or Fleiss' kappa, see {@link AnnotatorAgreement}) over every annotated record, whatever the period.
 */
@Component
class AuditDashboard {

    private final JdbcTemplate streaming;

    AuditDashboard(DataSource dataSource) {
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(500);
    }

    /** A labelled count. */
    record Count(String label, long value) {}

    /** Latency of a stage, in milliseconds. */
    record Latency(String stage, long samples, double p50, double p95, double p99) {}

    /**
     * Quality in one language.
     *
     * @param answeredShare answered / interactions
     * @param usefulShare ratings "useful" / ratings, or {@code null} without ratings
     */
    record Language(String language, long interactions, double answeredShare, long ratings, Double usefulShare) {}

    /**
     * The figures of a period {@code [from, to)}.
     *
     * @param agreement the annotators' agreement over every annotated record, whatever the period
     */
    record Figures(
            Instant from,
            Instant to,
            long interactions,
            List<Count> perDay,
            List<Count> outcomes,
            List<Count> refusalsByRule,
            List<Count> ratings,
            List<Latency> latency,
            List<Language> languages,
            AnnotatorAgreement.Kappa agreement) {}

    /** The longest period the dashboard covers: the default research retention, and a day. */
    static final int MAX_DAYS = 1827;

    /**
     * The period that a request's {@code from} and {@code to} name (a date or an instant each, either may be blank):
     * by default the 30 days up to the end of today (UTC).
     *
     * @throws IllegalArgumentException when a bound can't be read, from is not before to, or the period is longer than
     *     {@value #MAX_DAYS} days
     */
    static Period period(String from, String to, java.time.Clock clock) {
        var filter = RecordFilter.parse(Map.of("from", from == null ? "" : from, "to", to == null ? "" : to));
        var end = filter.to() != null
                ? filter.to()
                : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                        .plusDays(1)
                        .atStartOfDay()
                        .toInstant(ZoneOffset.UTC);
        var start = filter.from() != null ? filter.from() : end.minus(java.time.Duration.ofDays(30));
        return new Period(start, end);
    }

    /** A period of at most {@value #MAX_DAYS} days, from inclusive, to exclusive. */
    record Period(Instant from, Instant to) {
        Period {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("from must be before to");
            }
            long days = java.time.Duration.between(from, to).toDays();
            if (days > MAX_DAYS) {
                throw new IllegalArgumentException("the period has " + days + " days; the dashboard covers at most "
                        + MAX_DAYS + ": narrow from and to");
            }
        }
    }

    @Transactional(readOnly = true)
    Figures figures(Period period) {
        var from = period.from();
        var to = period.to();
        var perDay = new TreeMap<LocalDate, Long>();
        for (var day = LocalDate.ofInstant(from, ZoneOffset.UTC);
                day.atStartOfDay().toInstant(ZoneOffset.UTC).isBefore(to);
                day = day.plusDays(1)) {
            perDay.put(day, 0L);
        }
        var outcomes = new TreeMap<String, Long>();
        var refusals = new TreeMap<String, Long>();
        var stages = new TreeMap<String, List<Double>>();
        var languages = new TreeMap<String, long[]>(); // interactions, answered, ratings, useful
        var ratingsByInteraction = new HashMap<String, Integer>();
        long[] interactions = {0};
        Streaming.forEach(
                streaming,
                "SELECT r.seq, r.kind, r.recorded_at, r.interaction_id, r.outcome, r.language, r.rating, r.metadata"
                        + " FROM audit_record r WHERE r.kind IN ('interaction', 'feedback') AND r.recorded_at >= ?"
                        + " AND r.recorded_at < ?",
                List.of(Timestamp.from(from), Timestamp.from(to)),
                Streaming.last(streaming),
                (rs, n) -> new Object[] {
                    rs.getString("kind"),
                    AuditLog.instant(rs, "recorded_at"),
                    rs.getString("interaction_id"),
                    rs.getString("outcome"),
                    rs.getString("language"),
                    rs.getObject("rating", Integer.class),
                    rs.getString("kind").equals("interaction") ? rs.getString("metadata") : null,
                    rs.getLong("seq")
                },
                row -> (Long) row[7],
                row -> {
                    var interaction = (String) row[2];
                    if (row[0].equals("feedback")) {
                        ratingsByInteraction.put(interaction, (Integer) row[5]);
                        return;
                    }
                    interactions[0]++;
                    perDay.merge(LocalDate.ofInstant((Instant) row[1], ZoneOffset.UTC), 1L, Long::sum);
                    var outcome = (String) row[3];
                    outcomes.merge(outcome, 1L, Long::sum);
                    var metadata = Chain.JSON.readTree((String) row[6]);
                    if (outcome.equals("refused")) {
                        for (var verdict : metadata.path("verdicts")) {
                            if (verdict.path("action").asString().equals("refuse")) {
                                refusals.merge(verdict.path("rule").asString(), 1L, Long::sum);
                            }
                        }
                    }
                    metadata.path("stage_millis")
                            .properties()
                            .forEach(stage -> stages.computeIfAbsent(stage.getKey(), k -> new ArrayList<>())
                                    .add(stage.getValue().asDouble()));
                    var language =
                            languages.computeIfAbsent(row[4] == null ? "und" : (String) row[4], k -> new long[4]);
                    language[0]++;
                    if (outcome.equals("answered")) {
                        language[1]++;
                    }
                });
        // ratings count once per answer (its latest), with the answer's language
        var languageOf = new HashMap<String, String>();
        long up = 0;
        long down = 0;
        if (!ratingsByInteraction.isEmpty()) {
            streaming.query(
                    "SELECT interaction_id, language FROM audit_record WHERE kind = 'interaction' AND recorded_at >= ?"
                            + " AND recorded_at < ?",
                    rs -> {
                        languageOf.put(rs.getString(1), rs.getString(2) == null ? "und" : rs.getString(2));
                    },
                    Timestamp.from(from),
                    Timestamp.from(to));
        }
        for (var rating : ratingsByInteraction.entrySet()) {
            boolean useful = rating.getValue() != null && rating.getValue() > 0;
            if (useful) {
                up++;
            } else {
                down++;
            }
            var language = languages.get(languageOf.get(rating.getKey()));
            if (language != null) {
                language[2]++;
                if (useful) {
                    language[3]++;
                }
            }
        }
        return new Figures(
                from,
                to,
                interactions[0],
                perDay.entrySet().stream()
                        .map(e -> new Count(e.getKey().toString(), e.getValue()))
                        .toList(),
                counts(outcomes),
                counts(refusals),
                List.of(new Count("up", up), new Count("down", down)),
                stages.entrySet().stream()
                        .map(e -> {
                            var values = e.getValue().stream()
                                    .mapToDouble(Double::doubleValue)
                                    .toArray();
                            var p = Percentiles.of(values);
                            return new Latency(e.getKey(), values.length, p.p50(), p.p95(), p.p99());
                        })
                        .toList(),
                languages.entrySet().stream()
                        .map(e -> {
                            var v = e.getValue();
                            return new Language(
                                    e.getKey(),
                                    v[0],
                                    v[0] == 0 ? 0 : (double) v[1] / v[0],
                                    v[2],
                                    v[2] == 0 ? null : (double) v[3] / v[2]);
                        })
                        .toList(),
                agreement());
    }

    /** The annotators' agreement over every annotated record, each annotator's latest label per record counting. */
    AnnotatorAgreement.Kappa agreement() {
        var labels = new java.util.LinkedHashMap<String, Map<String, String>>();
        streaming.query(
                "SELECT record_id, annotator, label FROM audit_annotation ORDER BY record_id, created_at, id", rs -> {
                    labels.computeIfAbsent(rs.getString(1), record -> new HashMap<>())
                            .put(rs.getString(2), rs.getString(3));
                });
        return AnnotatorAgreement.across(labels.values());
    }

    private static List<Count> counts(Map<String, Long> map) {
        return map.entrySet().stream()
                .map(e -> new Count(e.getKey(), e.getValue()))
                .toList();
    }

    /** One bar of a chart: its label, value, and length as a share of the longest bar (0–100). */
    record Bar(String label, String value, double percent) {}

    /** Bars for counts, the longest one full width. */
    static List<Bar> bars(List<Count> counts) {
        long max = counts.stream().mapToLong(Count::value).max().orElse(0);
        return counts.stream()
                .map(c -> new Bar(c.label(), Long.toString(c.value()), max == 0 ? 0 : 100.0 * c.value() / max))
                .toList();
    }
}
