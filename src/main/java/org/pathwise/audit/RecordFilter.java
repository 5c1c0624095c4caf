package org.pathwise.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which audit records to list or export; {@code null} fields do not filter.
 *
 * @param kind {@code interaction} (the default), {@code feedback}, {@code erasure}, {@code purge}, or {@code null}
 *     for every kind
 * @param from records at or after this time
 * @param to records before this time
 * @param outcome {@code answered}, {@code abstained} or {@code refused}
 * @param rule a guardrail rule that gave a verdict
 * @param language the question's language (BCP 47)
 * @param course a course of a retrieved passage's document
 * @param rating the latest rating of the answer: 1 (useful) or -1 (not useful)
 * @param composer the composer that answered
 * @param model the model that answered
 * @param prompt the prompt id and version
 * @param pseudonym only this user's records (an educator sees only their own)
 */
record RecordFilter(
        String kind,
        Instant from,
        Instant to,
        String outcome,
        String rule,
        String language,
        String course,
        Integer rating,
        String composer,
        String model,
        String prompt,
        String pseudonym) {

    static final Set<String> PARAMETERS = Set.of(
            "kind", "from", "to", "outcome", "rule", "language", "course", "rating", "composer", "model", "prompt");

    public RecordFilter {
        if (kind != null
                && !Set.of("interaction", "feedback", "erasure", "purge").contains(kind)) {
            throw new IllegalArgumentException(
                    "kind must be interaction, feedback, erasure, purge or all, got " + kind);
        }
        if (outcome != null && !Set.of("answered", "abstained", "refused").contains(outcome)) {
            throw new IllegalArgumentException("outcome must be answered, abstained or refused, got " + outcome);
        }
        if (rating != null && rating != 1 && rating != -1) {
            throw new IllegalArgumentException("rating must be up or down, got " + rating);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to, got from " + from + " and to " + to);
        }
    }

    /** Interaction records, all of them. */
    public static final RecordFilter INTERACTIONS =
            new RecordFilter("interaction", null, null, null, null, null, null, null, null, null, null, null);

    /** The same filter, restricted to one user's records. */
    public RecordFilter onlyOf(String pseudonym) {
        return new RecordFilter(
                kind, from, to, outcome, rule, language, course, rating, composer, model, prompt, pseudonym);
    }

    /**
     * A filter from request or command-line parameters ({@link #PARAMETERS}; empty values ignored). {@code from} and
     * {@code to} are instants ({@code 2026-01-05T09:00:00Z}) or dates; a date {@code to} includes that whole day (UTC).
     *
     * @throws IllegalArgumentException naming the parameter and what it accepts
     */
    public static RecordFilter parse(Map<String, String> parameters) {
        Function<String, String> value = name -> {
            var v = parameters.get(name);
            return v == null || v.isBlank() ? null : v.strip();
        };
        var kind = value.apply("kind");
        var rating = value.apply("rating");
        return new RecordFilter(
                kind == null ? "interaction" : kind.equals("all") ? null : kind,
                instant("from", value.apply("from"), false),
                instant("to", value.apply("to"), true),
                value.apply("outcome"),
                value.apply("rule"),
                value.apply("language"),
                value.apply("course"),
                rating == null
                        ? null
                        : switch (rating) {
                            case "up" -> 1;
                            case "down" -> -1;
                            default -> throw new IllegalArgumentException("rating must be up or down, got " + rating);
                        },
                value.apply("composer"),
                value.apply("model"),
                value.apply("prompt"),
                null);
    }

    private static Instant instant(String name, String text, boolean endOfDay) {
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                var date = LocalDate.parse(text);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    name + " must be a date (2026-01-05) or an instant (2026-01-05T09:00:00Z), got " + text);
        }
    }
}
