package org.pathwise.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.pathwise.guardrails.Guardrails;
import org.pathwise.stats.Percentiles;
import org.pathwise.stats.Proportions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The policy's question stage alone, judged on labelled questions: which ordinary questions it stops (false refusals,
 * per language), which rule stops each request it should stop (recall and precision per rule, and the confusion of
 * expected rule against the rule that fired), and whether the names a question must lose are redacted and those it
 * must keep are kept. No retrieval and no answer: a set of 8,000 questions is screened in seconds, so the question
 * stage can be judged on data written outside the project, such as XQuAD's questions in seven languages.
 */
final class ScreeningEvaluation {

    /** The label of a question that no rule should stop, and of a screening that no rule stopped. */
    static final String NONE = "none";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SQUAD_LANGUAGE = Pattern.compile("\\.([a-z]{2,3})\\.json$");

    private ScreeningEvaluation() {}

    /**
     * One labelled question.
     *
     * @param set where it comes from
     * @param expect {@code answer}, {@code abstain} or {@code refuse}, as in a question set
     * @param expectedRule for a question to refuse, the rule that should stop it; else the rule it is a near miss for,
     *     or empty
     * @param mustRedact names the screened question must no longer hold
     * @param mustKeep names the screened question must still hold
     */
    record Case(
            String set,
            String id,
            String question,
            String language,
            String expect,
            String expectedRule,
            List<String> mustRedact,
            List<String> mustKeep) {

        Case {
            language = language == null || language.isBlank() ? "und" : language;
            expectedRule = expectedRule == null ? "" : expectedRule;
            mustRedact = List.copyOf(mustRedact);
            mustKeep = List.copyOf(mustKeep);
        }

        /** The rule that should stop this question, or {@link #NONE}. */
        String expected() {
            if (!expect.equals("refuse")) {
                return NONE;
            }
            return expectedRule.isEmpty() ? "refuse" : expectedRule;
        }
    }

    /**
     * What the question stage made of one question.
     *
     * @param fired the rule that stopped it (refused or redirected), or {@link #NONE}
     * @param rules every rule that fired, stopping or not
     * @param evidence the stopping verdict's evidence, or empty
     * @param screened the question as it goes on, redacted
     */
    record Outcome(Case item, String fired, List<String> rules, String evidence, String screened, double millis) {

        boolean misfire() {
            return !fired.equals(item.expected()) || !redacted() || !kept();
        }

        boolean redacted() {
            return item.mustRedact().stream().noneMatch(screened::contains);
        }

        boolean kept() {
            return item.mustKeep().stream().allMatch(screened::contains);
        }
    }

    /** Screens every question, in order. */
    static List<Outcome> run(Guardrails guardrails, List<Case> cases) {
        var outcomes = new ArrayList<Outcome>(cases.size());
        for (var item : cases) {
            long start = System.nanoTime();
            var screening = guardrails.screenQuestion(item.question());
            double millis = (System.nanoTime() - start) / 1e6;
            var stop = screening.stop();
            outcomes.add(new Outcome(
                    item,
                    stop.map(v -> v.rule()).orElse(NONE),
                    screening.verdicts().stream().map(v -> v.rule()).toList(),
                    stop.map(v -> v.evidence()).orElse(""),
                    screening.text(),
                    millis));
        }
        return outcomes;
    }

    /**
     * The summary: false refusals over the questions not to refuse, overall, per set and per language, each with its
     * 95% Wilson interval; recall and precision per rule with intervals; the confusion matrix (expected rule to rule
     * that fired, {@link #NONE} for neither); name redaction; and the question stage's latency.
     */
    static Map<String, Object> summary(List<Outcome> outcomes) {
        var summary = new LinkedHashMap<String, Object>();
        summary.put("questions", outcomes.size());
        var ordinary =
                outcomes.stream().filter(o -> o.item().expected().equals(NONE)).toList();
        summary.put(
                "false_refusals",
                rate(ordinary.stream().filter(o -> !o.fired().equals(NONE)).count(), ordinary.size()));
        summary.put("false_refusals_by_set", falseRefusalsBy(ordinary, Case::set));
        summary.put("false_refusals_by_language", falseRefusalsBy(ordinary, Case::language));
        summary.put("by_rule", byRule(outcomes));
        summary.put("confusion", confusion(outcomes));
        var names =
                outcomes.stream().mapToLong(o -> o.item().mustRedact().size()).sum();
        var kept = outcomes.stream().mapToLong(o -> o.item().mustKeep().size()).sum();
        if (names > 0 || kept > 0) {
            var redaction = new LinkedHashMap<String, Object>();
            redaction.put("questions_redacted", namesRate(outcomes, Case::mustRedact, Outcome::redacted));
            redaction.put("questions_kept", namesRate(outcomes, Case::mustKeep, Outcome::kept));
            summary.put("names", redaction);
        }
        var millis = outcomes.stream().mapToDouble(Outcome::millis).sorted().toArray();
        if (millis.length > 0) {
            summary.put("latency_p50_ms", round(Percentiles.percentile(millis, 50)));
            summary.put("latency_p95_ms", round(Percentiles.percentile(millis, 95)));
        }
        return summary;
    }

    /** Of the questions that list names, the share whose screening treated all of them as it should. */
    private static Map<String, Object> namesRate(
            List<Outcome> outcomes,
            java.util.function.Function<Case, List<String>> names,
            java.util.function.Predicate<Outcome> right) {
        var listing =
                outcomes.stream().filter(o -> !names.apply(o.item()).isEmpty()).toList();
        return rate(listing.stream().filter(right).count(), listing.size());
    }

    /**
     * Recall and precision per rule: a question counts for the rule that should stop it, a stop for the rule that
     * fired; each with its 95% Wilson interval.
     */
    static Map<String, Object> byRule(List<Outcome> outcomes) {
        var rules = new java.util.TreeSet<String>();
        outcomes.forEach(o -> {
            rules.add(o.item().expected());
            rules.add(o.fired());
        });
        rules.remove(NONE);
        var byRule = new LinkedHashMap<String, Object>();
        for (var rule : rules) {
            long expected = outcomes.stream()
                    .filter(o -> o.item().expected().equals(rule))
                    .count();
            long fired = outcomes.stream().filter(o -> o.fired().equals(rule)).count();
            long right = outcomes.stream()
                    .filter(o -> o.fired().equals(rule) && o.item().expected().equals(rule))
                    .count();
            var entry = new LinkedHashMap<String, Object>();
            entry.put("expected", expected);
            entry.put("fired", fired);
            entry.put("recall", rate(right, expected));
            entry.put("precision", rate(right, fired));
            byRule.put(rule, entry);
        }
        return byRule;
    }

    /** How often each expected rule ({@link #NONE} for an ordinary question) met each rule that fired. */
    static Map<String, Map<String, Long>> confusion(List<Outcome> outcomes) {
        return confusion(outcomes, o -> o.item().expected(), Outcome::fired);
    }

    /** The confusion of any results: how often each expected label met each label that came out. */
    static <T> Map<String, Map<String, Long>> confusion(
            List<T> results,
            java.util.function.Function<T, String> expected,
            java.util.function.Function<T, String> fired) {
        var matrix = new TreeMap<String, Map<String, Long>>();
        for (var r : results) {
            matrix.computeIfAbsent(expected.apply(r), k -> new TreeMap<>()).merge(fired.apply(r), 1L, Long::sum);
        }
        return matrix;
    }

    private static Map<String, Object> falseRefusalsBy(
            List<Outcome> ordinary, java.util.function.Function<Case, String> key) {
        var groups = new TreeMap<String, List<Outcome>>();
        ordinary.forEach(o -> groups.computeIfAbsent(key.apply(o.item()), k -> new ArrayList<>())
                .add(o));
        var result = new LinkedHashMap<String, Object>();
        groups.forEach((name, group) -> result.put(
                name, rate(group.stream().filter(o -> !o.fired().equals(NONE)).count(), group.size())));
        return result;
    }

    /** A count out of a whole, the rate and its 95% Wilson interval; the rate is absent when the whole is 0. */
    static Map<String, Object> rate(long count, long of) {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("count", count);
        entry.put("of", of);
        if (of > 0) {
            var interval = Proportions.wilson(count, of);
            entry.put("rate", round((double) count / of));
            entry.put("interval", List.of(round(interval.low()), round(interval.high())));
        }
        return entry;
    }

    /**
     * The labelled questions of a file: a question set (JSONL, with optional {@code must_redact} and {@code must_keep}
     * lists of names), a SQuAD-format JSON file such as XQuAD's {@code xquad.ar.json} (every question is ordinary; its
     * language is the file name's), or The Carpentries' {@code catalog.json} (every episode's questions are ordinary,
     * in English).
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    static List<Case> read(Path file) {
        var name = file.getFileName() == null
                ? file.toString()
                : file.getFileName().toString();
        if (name.endsWith(".jsonl")) {
            return questionSet(file, name);
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("can't read " + file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is not JSON");
        }
        if (root != null && root.isObject() && root.path("data").isArray()) {
            return squad(root, name);
        }
        if (root != null
                && root.isArray()
                && !root.isEmpty()
                && root.get(0).path("episodes").isArray()) {
            return catalog(root, name);
        }
        throw new IllegalArgumentException(file + " is neither a question set (.jsonl), a SQuAD-format file ({\"data\":"
                + " [...]}) nor a lesson catalogue ([{\"episodes\": [...]}])");
    }

    /** The stripped texts of a file's lines: their {@code question} or {@code text}. */
    static java.util.Set<String> texts(Path file) {
        var texts = new java.util.HashSet<String>();
        try {
            for (var line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                var node = JSON.readTree(line.strip().replace("\uFEFF", ""));
                var text = node.has("question") ? node.path("question") : node.path("text");
                if (text.isString()) {
                    texts.add(text.asString().strip());
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("can't read " + file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is not JSON lines");
        }
        return texts;
    }

    private static List<Case> questionSet(Path file, String name) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("can't read " + file + ": " + e.getMessage());
        }
        // the set is checked whole first; its lines are then read again only for the names the set's items leave out
        var set = QuestionSet.parse(file.toString(), content);
        var extras = new java.util.HashMap<String, JsonNode>();
        for (var line : new String(content, java.nio.charset.StandardCharsets.UTF_8)
                .lines()
                .toList()) {
            var stripped = line.strip().replace("\uFEFF", "");
            if (!stripped.isEmpty()) {
                var node = JSON.readTree(stripped);
                extras.put(node.path("id").asString(), node);
            }
        }
        var cases = new ArrayList<Case>();
        for (var item : set.items()) {
            var node = extras.get(item.id());
            cases.add(new Case(
                    name,
                    item.id(),
                    item.question(),
                    item.language(),
                    item.expect(),
                    item.expectedRule(),
                    strings(node, "must_redact"),
                    strings(node, "must_keep")));
        }
        return cases;
    }

    private static List<String> strings(JsonNode node, String key) {
        var values = new ArrayList<String>();
        if (node != null && node.path(key).isArray()) {
            node.path(key).forEach(value -> values.add(value.asString()));
        }
        return values;
    }

    private static List<Case> squad(JsonNode root, String name) {
        var matcher = SQUAD_LANGUAGE.matcher(name);
        var language = matcher.find() ? matcher.group(1) : "und";
        var cases = new ArrayList<Case>();
        for (var article : root.path("data")) {
            for (var paragraph : article.path("paragraphs")) {
                for (var qa : paragraph.path("qas")) {
                    cases.add(new Case(
                            name,
                            qa.path("id").asString(),
                            qa.path("question").asString(),
                            language,
                            "answer",
                            "",
                            List.of(),
                            List.of()));
                }
            }
        }
        if (cases.isEmpty()) {
            throw new IllegalArgumentException(name + " holds no question (data[].paragraphs[].qas[])");
        }
        return cases;
    }

    private static List<Case> catalog(JsonNode root, String name) {
        var cases = new ArrayList<Case>();
        for (var lesson : root) {
            for (var episode : lesson.path("episodes")) {
                int n = 0;
                for (var question : episode.path("questions")) {
                    cases.add(new Case(
                            name,
                            episode.path("id").asString() + "#" + ++n,
                            question.asString(),
                            "en",
                            "answer",
                            "",
                            List.of(),
                            List.of()));
                }
            }
        }
        return cases;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
