package org.pathwise.audit;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pathwise.assistant.AskResponse;
import org.pathwise.assistant.Assistant;
import org.pathwise.assistant.Question;
import org.pathwise.guardrails.Grounding;
import org.pathwise.guardrails.Guardrails;
import org.pathwise.guardrails.Screening;
import org.pathwise.retrieval.Search;
import org.pathwise.retrieval.SearchFilter;
import org.pathwise.retrieval.SearchMode;
import org.pathwise.retrieval.SearchRequest;

/**
 * Runs a question set (JSONL, one question a line, as in the architecture notes) through the assistant against the
 * library in the data directory and measures it: expected source in the top 5 retrieved, nDCG@10 of the documents
 * retrieved, citation precision, groundedness (the share of answer sentences that the passages they cite support, as
 * the policy's grounding check judges them), abstention and refusal precision and recall, answer latency. It also
 * reports each question's evidence (semantic score, term coverage, and their combination) and the threshold on the
 * combination that would give the best abstention F1 on the set, to calibrate
 * {@code pathwise.assistant.relevance-threshold}. The first
 * {@value #WARM_UP} questions and the first question of every other language are asked once before the measured
 * run, so latency is that of a warm service (language models and analyzers loaded).
 */
final class AnswerEvaluation {

    static final String USER = "eval";
    static final int WARM_UP = 5;

    /** Documents ranked for nDCG: the passages of a hybrid search this deep. */
    static final int NDCG_DEPTH = 10;

    private final Assistant assistant;
    private final Search search;
    private final Guardrails guardrails;

    AnswerEvaluation(Assistant assistant, Search search, Guardrails guardrails) {
        this.assistant = assistant;
        this.search = search;
        this.guardrails = guardrails;
    }

    /** Told after each question is asked. */
    interface Progress {
        Progress NONE = (asked, of) -> {};

        void asked(int asked, int of);
    }

    /**
     * One line of a question set.
     *
     * @param expectedRule for a question to refuse, the rule that should refuse it ({@code expected_rule}), or empty
     */
    record Item(
            String id,
            String question,
            List<String> expectedSources,
            String expect,
            String language,
            String expectedRule) {}

    /**
     * One question's outcome, as {@code --json} prints it.
     *
     * @param retrieved the sources of the top 5 passages of a hybrid search
     * @param ndcgAt10 nDCG@10 of the top 10 passages' documents against the expected sources, or {@code null} when the
     *     question gives none
     * @param sentences the answer's sentences that the grounding check judged (long enough to hold a claim); 0 unless
     *     answered
     * @param supportedSentences those of them that the passages they cite support
     * @param groundedness {@code supportedSentences / sentences}, or {@code null} when no sentence was judged
     */
    record Result(
            String id,
            String expect,
            String outcome,
            List<String> retrieved,
            Double ndcgAt10,
            List<String> cited,
            int sentences,
            int supportedSentences,
            Double groundedness,
            List<String> rules,
            String refusedBy,
            String answer,
            double semantic,
            double coverage,
            double evidence,
            double millis) {}

    /** A question set's results and their summary. */
    record Evaluation(List<Item> items, List<Result> results, Map<String, Object> summary) {}

    /**
     * Asks every question of a set and measures the answers.
     *
     * @param progress told after each measured question
     */
    Evaluation evaluate(List<Item> items, Progress progress) {
        for (var item : warmUp(items)) {
            assistant.ask(new Question(item.question(), SearchFilter.NONE, null, USER));
        }
        var results = new ArrayList<Result>();
        var byId = new LinkedHashMap<String, Item>();
        for (var item : items) {
            byId.put(item.id(), item);
            var top = search.search(new SearchRequest(item.question(), 5, SearchMode.HYBRID, SearchFilter.NONE));
            Double ndcg = null;
            if (!item.expectedSources().isEmpty()) {
                var ranked = search
                        .search(new SearchRequest(item.question(), NDCG_DEPTH, SearchMode.HYBRID, SearchFilter.NONE)
                                .withoutSnippets())
                        .stream()
                        .map(h -> h.passage().facets().source())
                        .toList();
                ndcg = round(ndcgAt10(ranked, item.expectedSources()));
            }
            var evidence = assistant.evidence(item.question(), SearchFilter.NONE);
            long start = System.nanoTime();
            AskResponse response = assistant.ask(new Question(item.question(), SearchFilter.NONE, null, USER));
            double millis = (System.nanoTime() - start) / 1e6;
            var grounding = response.outcome().equals("answered")
                    ? guardrails.grounding(
                            response.answer(),
                            response.citations().stream()
                                    .map(c -> new Screening.Source(c.marker(), c.passage(), c.licence(), c.title()))
                                    .toList())
                    : new Grounding(0, 0, 0);
            results.add(new Result(
                    item.id(),
                    item.expect(),
                    response.outcome(),
                    top.stream().map(h -> h.passage().facets().source()).toList(),
                    ndcg,
                    response.citations().stream()
                            .map(AskResponse.CitationView::source)
                            .toList(),
                    grounding.judged(),
                    grounding.supported(),
                    grounding.share() == null ? null : round(grounding.share()),
                    response.verdicts().stream()
                            .map(AskResponse.VerdictView::rule)
                            .toList(),
                    refusedBy(response),
                    response.answer(),
                    evidence.semantic(),
                    evidence.coverage(),
                    evidence.score(),
                    millis));
            progress.asked(results.size(), items.size());
        }
        return new Evaluation(items, results, summary(results, byId));
    }

    /**
     * nDCG@10 with binary relevance (Järvelin and Kekäläinen 2002, as {@link RetrievalMetrics#ndcgAt} computes it): a
     * passage at rank {@code r} gains 1 when its document is one of the expected sources and no passage ranked before
     * it came from the same document (each document counts once), discounted by {@code log2(r + 1)}; the ideal puts
     * every expected source first.
     *
     * @param ranked the documents of the passages retrieved, best first (a document may appear more than once)
     * @param expected the expected sources, at least one
     */
    static double ndcgAt10(List<String> ranked, List<String> expected) {
        var ranking = new ArrayList<String>();
        var seen = new java.util.HashSet<String>();
        for (int i = 0; i < ranked.size(); i++) {
            // a later passage of a document already ranked stands in the ranking as an irrelevant entry of its own
            ranking.add(seen.add(ranked.get(i)) ? ranked.get(i) : "\u0000" + i);
        }
        var relevance = new java.util.HashMap<String, Integer>();
        expected.forEach(source -> relevance.put(source, 1));
        return RetrievalMetrics.ndcgAt(NDCG_DEPTH, ranking, relevance);
    }

    /** Prints a summary as {@code eval} does without {@code --json}. */
    static void printSummary(Map<String, Object> summary, PrintWriter out) {
        summary.forEach((key, value) -> out.printf(Locale.ROOT, "%-28s %s%n", key, value));
    }

    /** The rule that refused or redirected the question, or empty. */
    static String refusedBy(AskResponse response) {
        if (!response.outcome().equals("refused")) {
            return "";
        }
        return response.verdicts().stream()
                .filter(v -> v.action().equals("refuse") || v.action().equals("redirect"))
                .map(AskResponse.VerdictView::rule)
                .findFirst()
                .orElse("");
    }

    /** The first {@value #WARM_UP} questions and the first of every other language, asked before measuring. */
    static List<Item> warmUp(List<Item> items) {
        var chosen = new ArrayList<>(items.subList(0, Math.min(WARM_UP, items.size())));
        var languages = new java.util.HashSet<String>();
        chosen.forEach(item -> languages.add(item.language()));
        for (var item : items) {
            if (languages.add(item.language())) {
                chosen.add(item);
            }
        }
        return chosen;
    }

    static Map<String, Object> summary(List<Result> results, Map<String, Item> items) {
        var answerable =
                results.stream().filter(r -> r.expect().equals("answer")).toList();
        long inTop5 = answerable.stream()
                .filter(r -> r.retrieved().stream().anyMatch(items.get(r.id()).expectedSources()::contains))
                .count();
        long cited = 0;
        long citedRight = 0;
        for (var r : answerable) {
            var expected = Set.copyOf(items.get(r.id()).expectedSources());
            cited += r.cited().size();
            citedRight += r.cited().stream().filter(expected::contains).count();
        }
        var summary = new LinkedHashMap<String, Object>();
        summary.put("questions", results.size());
        summary.put("answerable", answerable.size());
        summary.put("expected_source_in_top5", ratio(inTop5, answerable.size()));
        var ndcg = results.stream()
                .map(Result::ndcgAt10)
                .filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .average();
        if (ndcg.isPresent()) {
            // the questions that give expected sources, whatever they expect
            summary.put("ndcg_at_10", round(ndcg.getAsDouble()));
        }
        summary.put("citation_precision", ratio(citedRight, cited));
        long judged = results.stream().mapToLong(Result::sentences).sum();
        if (judged > 0) {
            // every judged sentence of every answer counts once
            summary.put(
                    "groundedness",
                    ratio(results.stream().mapToLong(Result::supportedSentences).sum(), judged));
        }
        putPrecisionRecall(summary, "abstention", results, "abstain", "abstained");
        putPrecisionRecall(summary, "refusal", results, "refuse", "refused");
        summary.put("refusal_by_rule", refusalsByRule(results, items));
        summary.put(
                "ordinary_questions_with_verdicts",
                results.stream()
                        .filter(r -> !r.expect().equals("refuse") && !r.rules().isEmpty())
                        .map(Result::id)
                        .toList());
        var latencies = results.stream().mapToDouble(Result::millis).sorted().toArray();
        summary.put("latency_p50_ms", round(percentile(latencies, 50)));
        summary.put("latency_p95_ms", round(percentile(latencies, 95)));
        summary.put("suggested_relevance_threshold", suggestedThreshold(results));
        return summary;
    }

    private static void putPrecisionRecall(
            Map<String, Object> summary, String name, List<Result> results, String expected, String outcome) {
        long truePositives = results.stream()
                .filter(r -> r.expect().equals(expected) && r.outcome().equals(outcome))
                .count();
        long predicted =
                results.stream().filter(r -> r.outcome().equals(outcome)).count();
        long actual = results.stream().filter(r -> r.expect().equals(expected)).count();
        double precision = predicted == 0 ? (actual == 0 ? 1 : 0) : (double) truePositives / predicted;
        double recall = actual == 0 ? 1 : (double) truePositives / actual;
        summary.put(name + "_precision", round(precision));
        summary.put(name + "_recall", round(recall));
        summary.put(name + "_f1", round(precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)));
    }

    /**
     * Refusal precision and recall per rule: a refusal counts for the rule that refused; a question counts for the rule
     * its line expects ({@code expected_rule}).
     */
    static Map<String, Map<String, Object>> refusalsByRule(List<Result> results, Map<String, Item> items) {
        var rules = new java.util.TreeSet<String>();
        results.forEach(r -> {
            if (!r.refusedBy().isEmpty()) {
                rules.add(r.refusedBy());
            }
            var expected = items.get(r.id()).expectedRule();
            if (!expected.isEmpty()) {
                rules.add(expected);
            }
        });
        var byRule = new LinkedHashMap<String, Map<String, Object>>();
        for (var rule : rules) {
            long refused =
                    results.stream().filter(r -> r.refusedBy().equals(rule)).count();
            long expected = results.stream()
                    .filter(r -> items.get(r.id()).expectedRule().equals(rule))
                    .count();
            long right = results.stream()
                    .filter(r -> r.refusedBy().equals(rule)
                            && items.get(r.id()).expectedRule().equals(rule))
                    .count();
            var entry = new LinkedHashMap<String, Object>();
            entry.put("expected", expected);
            entry.put("refused", refused);
            entry.put("precision", round(refused == 0 ? (expected == 0 ? 1 : 0) : (double) right / refused));
            entry.put("recall", round(expected == 0 ? 1 : (double) right / expected));
            byRule.put(rule, entry);
        }
        return byRule;
    }

    /** The threshold between two observed scores that gives the best abstention F1 (ties: the lower threshold). */
    static double suggestedThreshold(List<Result> results) {
        var candidates =
                results.stream().map(Result::evidence).sorted().distinct().toList();
        double bestThreshold = 0;
        double bestF1 = -1;
        for (int i = 0; i < candidates.size(); i++) {
            double threshold = i == 0 ? candidates.get(0) : (candidates.get(i - 1) + candidates.get(i)) / 2;
            long tp = results.stream()
                    .filter(r -> r.expect().equals("abstain") && r.evidence() < threshold)
                    .count();
            long predicted =
                    results.stream().filter(r -> r.evidence() < threshold).count();
            long actual =
                    results.stream().filter(r -> r.expect().equals("abstain")).count();
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = actual == 0 ? 0 : (double) tp / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            if (f1 > bestF1) {
                bestF1 = f1;
                bestThreshold = threshold;
            }
        }
        return round(bestThreshold);
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : round((double) part / whole);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
