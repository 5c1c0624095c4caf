package org.pathwise.evaluation;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.pathwise.assistant.AskResponse;
import org.pathwise.assistant.Assistant;
import org.pathwise.assistant.Evidence;
import org.pathwise.assistant.Interaction;
import org.pathwise.assistant.Question;
import org.pathwise.guardrails.Grounding;
import org.pathwise.guardrails.Guardrails;
import org.pathwise.guardrails.Screening;
import org.pathwise.library.Library;
import org.pathwise.retrieval.BlockKind;
import org.pathwise.retrieval.Search;
import org.pathwise.retrieval.SearchFilter;
import org.pathwise.retrieval.SearchMode;
import org.pathwise.retrieval.SearchRequest;
import org.pathwise.stats.Bootstrap;
import org.pathwise.stats.Percentiles;
import org.pathwise.stats.Proportions;

/**
 * Runs a question set (JSONL, one question a line, as in the architecture notes) through the assistant against the
 * library in the data directory and measures it: expected source in the top 5 retrieved, nDCG@10 of the documents
 * retrieved, citation precision, groundedness (the share of answer sentences that the passages they cite support, as
 * the policy's grounding check judges them), abstention and refusal precision and recall, answer latency, and, for the
 * questions that give a {@code reference_answer}, the content-word F1 of the answer against it ({@link AnswerMetrics})
 * and the best F1 that quoting the expected sources could reach. Each rate comes with a 95% percentile bootstrap
 * interval over the questions, and the answer measures also per question type ({@link Assistant#questionType}). It also
 * reports each question's evidence (the answerability model's features and probability), from which
 * {@code train-answerability} fits that model on calibration sets. The first
 * {@value #WARM_UP} questions and the first question of every other language are asked once before the measured
 * run, so latency is that of a warm service (language models and analyzers loaded).
 */
final class AnswerEvaluation {

    static final String USER = "eval";
    static final int WARM_UP = 5;

    /** Documents ranked for nDCG: the passages of a hybrid search this deep. */
    static final int NDCG_DEPTH = 10;

    /** The rates of the summary that get a bootstrap interval, in the order {@code intervals} lists them. */
    static final List<String> INTERVAL_METRICS = List.of(
            "expected_source_in_top5",
            "expected_source_cited",
            "ndcg_at_10",
            "citation_precision",
            "groundedness",
            "answer_f1",
            "answer_f1_oracle",
            "abstention_precision",
            "abstention_recall",
            "abstention_f1",
            "refusal_precision",
            "refusal_recall",
            "refusal_f1",
            "false_refusal_rate",
            "false_abstention_rate");

    /** Resamples of the questions drawn for the intervals. */
    static final int RESAMPLES = 1_000;

    /** The seed of the resampling, fixed so that the same results give the same intervals. */
    static final long SEED = 20_240_229L;

    private final Assistant assistant;
    private final Search search;
    private final Guardrails guardrails;
    private final Library library;

    AnswerEvaluation(Assistant assistant, Search search, Guardrails guardrails, Library library) {
        this.assistant = assistant;
        this.search = search;
        this.guardrails = guardrails;
        this.library = library;
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
     * @param referenceAnswer for a question to answer, a good answer to it ({@code reference_answer}), or empty
     * @param split the part of its set the question belongs to: {@link Split#CALIBRATION} to fit on, or
     *     {@link Split#TEST} to report on only
     */
    record Item(
            String id,
            String question,
            List<String> expectedSources,
            String expect,
            String language,
            String expectedRule,
            String referenceAnswer,
            Split split) {

        /** A question of a test split. */
        Item(
                String id,
                String question,
                List<String> expectedSources,
                String expect,
                String language,
                String expectedRule,
                String referenceAnswer) {
            this(id, question, expectedSources, expect, language, expectedRule, referenceAnswer, Split.TEST);
        }
    }

    /**
     * One question's outcome, as {@code --json} prints it.
     *
     * @param questionType what kind of answer the question asks for ({@link Assistant#questionType})
     * @param retrieved the sources of the top 5 passages of a hybrid search
     * @param ndcgAt10 nDCG@10 of the top 10 passages' documents against the expected sources, or {@code null} when the
     *     question gives none
     * @param expectedSourceRetrieved for a question to answer, whether one of its expected sources is among the top 5
     *     retrieved; else {@code null}
     * @param expectedSourceCited for a question to answer, whether the answer cites one of its expected sources; else
     *     {@code null}
     * @param sentences the answer's sentences that the grounding check judged (long enough to hold a claim); 0 unless
     *     answered
     * @param supportedSentences those of them that the passages they cite support
     * @param groundedness {@code supportedSentences / sentences}, or {@code null} when no sentence was judged
     * @param answerF1 for a question to answer that gives a reference answer, the content-word F1 of the answer against
     *     it, 0 when the question was not answered; else {@code null}
     * @param answerF1Oracle for such a question, the best content-word F1 of 1 to 3 consecutive sentences of one
     *     passage of its expected sources; {@code null} also when one of those documents is not in the library
     * @param features the evidence the assistant measured for the question, by feature name ({@link Evidence})
     * @param evidence the probability the answerability model gives that the library answers it
     * @param trace what the pipeline did on the way to the answer
     * @param split {@code calibration} or {@code test}: whether a model may be fitted on this result
     */
    record Result(
            String id,
            String question,
            String questionType,
            String expect,
            String outcome,
            List<String> retrieved,
            Double ndcgAt10,
            List<String> cited,
            Boolean expectedSourceRetrieved,
            Boolean expectedSourceCited,
            int sentences,
            int supportedSentences,
            Double groundedness,
            Double answerF1,
            Double answerF1Oracle,
            List<String> rules,
            String refusedBy,
            String answer,
            Map<String, Double> features,
            double evidence,
            double millis,
            Trace trace,
            String split) {}

    /**
     * What the pipeline did with a question, kept with the run instead of in the audit log.
     *
     * @param passages the passages the answer was chosen from, best first, with their fused scores
     * @param verdicts every guardrail verdict, question and answer stages
     * @param stageMillis the time each stage took
     */
    record Trace(
            List<Interaction.Retrieved> passages,
            List<AskResponse.VerdictView> verdicts,
            Map<String, Long> stageMillis) {}

    /**
     * The evidence's features by name ({@link Evidence#FEATURES}) and whether the question was in another language than
     * its best passage ({@code other_language}, 1 or 0): what {@code train-answerability} reads.
     */
    static Map<String, Double> features(Evidence evidence) {
        var features = new LinkedHashMap<String, Double>();
        var values = evidence.features();
        for (int i = 0; i < values.length; i++) {
            features.put(Evidence.FEATURES.get(i), round(values[i]));
        }
        // which of the model's two parts judged the question
        features.put(Evidence.OTHER_LANGUAGE, evidence.otherLanguage() ? 1.0 : 0.0);
        return features;
    }

    /** A question set's results and their summary. */
    record Evaluation(List<Item> items, List<Result> results, Map<String, Object> summary) {}

    /**
     * Asks every question of a set and measures the answers.
     *
     * @param progress told after each measured question
     */
    Evaluation evaluate(List<Item> items, Progress progress) {
        for (var item : warmUp(items)) {
            assistant.trace(new Question(item.question(), SearchFilter.NONE, null, USER));
        }
        var results = new ArrayList<Result>();
        var byId = new LinkedHashMap<String, Item>();
        var sentencesBySource = new HashMap<String, List<List<String>>>();
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
            var trace = assistant.trace(new Question(item.question(), SearchFilter.NONE, null, USER));
            var response = trace.response();
            double millis = (System.nanoTime() - start) / 1e6;
            var grounding = response.outcome().equals("answered")
                    ? guardrails.grounding(
                            response.answer(),
                            response.citations().stream()
                                    .map(c -> new Screening.Source(c.marker(), c.passage(), c.licence(), c.title()))
                                    .toList())
                    : new Grounding(0, 0, 0);
            var cited = response.citations().stream()
                    .map(AskResponse.CitationView::source)
                    .toList();
            Double oracle = null;
            if (hasReference(item)) {
                var sentences = expectedSentences(item.expectedSources(), sentencesBySource);
                oracle = sentences == null
                        ? null
                        : round(AnswerMetrics.oracleF1(
                                sentences,
                                item.referenceAnswer(),
                                AnswerMetrics.language(item.referenceAnswer(), item.language())));
            }
            results.add(new Result(
                    item.id(),
                    item.question(),
                    Assistant.questionType(item.question()),
                    item.expect(),
                    response.outcome(),
                    top.stream().map(h -> h.passage().facets().source()).toList(),
                    ndcg,
                    cited,
                    expectedSourceAmong(
                            item,
                            top.stream().map(h -> h.passage().facets().source()).toList()),
                    expectedSourceAmong(item, cited),
                    grounding.judged(),
                    grounding.supported(),
                    grounding.share() == null ? null : round(grounding.share()),
                    answerF1(item, response.outcome(), response.answer()),
                    oracle,
                    response.verdicts().stream()
                            .map(AskResponse.VerdictView::rule)
                            .toList(),
                    refusedBy(response),
                    response.answer(),
                    features(evidence),
                    round(evidence.score()),
                    millis,
                    new Trace(
                            trace.interaction().retrieved(),
                            response.verdicts(),
                            trace.interaction().stageMillis()),
                    item.split().label()));
            progress.asked(results.size(), items.size());
        }
        return new Evaluation(items, results, summary(results, byId));
    }

    /** Whether a question is to be answered and gives a reference answer to measure the answer against. */
    static boolean hasReference(Item item) {
        return item.expect().equals("answer") && !item.referenceAnswer().isBlank();
    }

    /**
     * The content-word F1 of an answer against the question's reference answer, in the reference's language
     * ({@link AnswerMetrics#language}); 0 when the question was not answered (a wrong abstention or refusal), and
     * {@code null} when the question is not to be answered or gives no reference.
     */
    static Double answerF1(Item item, String outcome, String answer) {
        if (!hasReference(item)) {
            return null;
        }
        if (!outcome.equals("answered")) {
            return 0.0;
        }
        var language = AnswerMetrics.language(item.referenceAnswer(), item.language());
        return round(AnswerMetrics.contentWordF1(answer, item.referenceAnswer(), language));
    }

    /** For a question to answer, whether one of the sources is expected; else {@code null}. */
    static Boolean expectedSourceAmong(Item item, List<String> sources) {
        return item.expect().equals("answer") ? sources.stream().anyMatch(item.expectedSources()::contains) : null;
    }

    /**
     * The sentences of every passage of the expected sources, headings left out, read through the library; {@code null}
     * when the question gives no expected source or one of them is not in the library (an oracle over part of the
     * sources would understate what quoting them could reach).
     *
     * @param cache each source's sentences as read before, filled as sources are read
     */
    private List<List<String>> expectedSentences(List<String> sources, Map<String, List<List<String>>> cache) {
        if (sources.isEmpty()) {
            return null;
        }
        var all = new ArrayList<List<String>>();
        for (var source : sources) {
            var passages = cache.computeIfAbsent(
                    source,
                    s -> library.documentWithSource(s).map(d -> library.passages(d.id())).orElse(List.of()).stream()
                            .map(passage -> {
                                var sentences = new ArrayList<String>();
                                for (int i = 0; i < passage.sentences().size(); i++) {
                                    if (passage.sentences().get(i).kind() != BlockKind.HEADING) {
                                        sentences.add(passage.sentence(i));
                                    }
                                }
                                return List.copyOf(sentences);
                            })
                            .toList());
            if (passages.isEmpty()) {
                return null;
            }
            all.addAll(passages);
        }
        return all;
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

    /**
     * Prints a summary as {@code eval} does without {@code --json}: a line per key, each rate with its 95% interval
     * ({@code answer_f1   0.4123  [0.3650, 0.4590]}), then the table of the measures per question type.
     */
    static void printSummary(Map<String, Object> summary, PrintWriter out) {
        var intervals = summary.get("intervals") instanceof Map<?, ?> map ? map : Map.of();
        summary.forEach((key, value) -> {
            if (key.equals("intervals") || key.equals("by_question_type") || key.equals("by_language")) {
                return;
            }
            if (value instanceof Number number && intervals.get(key) instanceof List<?> bounds && bounds.size() == 2) {
                out.printf(
                        Locale.ROOT,
                        "%-28s %.4f  [%.4f, %.4f]%n",
                        key,
                        number.doubleValue(),
                        ((Number) bounds.get(0)).doubleValue(),
                        ((Number) bounds.get(1)).doubleValue());
            } else {
                out.printf(Locale.ROOT, "%-28s %s%n", key, value);
            }
        });
        if (summary.get("by_question_type") instanceof Map<?, ?> types && !types.isEmpty()) {
            out.println();
            out.print(typeTable(types));
        }
        if (summary.get("by_language") instanceof Map<?, ?> languages && languages.size() > 1) {
            out.println();
            out.print(languageTable(languages));
        }
    }

    /** The columns of the table per language: the key of each figure and its heading. */
    static final List<Map.Entry<String, String>> LANGUAGE_COLUMNS = List.of(
            Map.entry("questions", "questions"),
            Map.entry("answerable", "answerable"),
            Map.entry("expected_source_in_top5", "top5"),
            Map.entry("answered_with_expected_source", "answered_cited"),
            Map.entry("false_abstention_rate", "false_abstention"),
            Map.entry("abstained", "abstained"),
            Map.entry("refused", "refused"));

    /**
     * The measures per language as a table: counts as they are, shares with their 95% interval
     * ({@code 0.600 [0.52-0.67]}), "—" where a language has no such figure.
     */
    static String languageTable(Map<?, ?> languages) {
        return table("language", 9, 20, LANGUAGE_COLUMNS, languages, (figures, key) -> {
            if (figures.get(key) instanceof Double d && figures.get(key + "_interval") instanceof List<?> bounds) {
                return String.format(Locale.ROOT, "%.3f [%.2f-%.2f]", d, bounds.get(0), bounds.get(1));
            }
            return null;
        });
    }

    /**
     * A table of figures by row: a heading line, then a line per row, each cell the figure under its column's key as
     * {@code cell} writes it, or as it is when {@code cell} gives {@code null}; "—" where a row has no such figure.
     */
    private static String table(
            String heading,
            int headingWidth,
            int cellWidth,
            List<Map.Entry<String, String>> columns,
            Map<?, ?> rows,
            java.util.function.BiFunction<Map<?, ?>, String, String> cell) {
        var first = "%-" + headingWidth + "s";
        var other = " %" + cellWidth + "s";
        var table = new StringBuilder(String.format(Locale.ROOT, first, heading));
        columns.forEach(column -> table.append(String.format(Locale.ROOT, other, column.getValue())));
        table.append('\n');
        rows.forEach((row, figures) -> {
            table.append(String.format(Locale.ROOT, first, row));
            var f = figures instanceof Map<?, ?> map ? map : Map.of();
            for (var column : columns) {
                var value = f.get(column.getKey());
                var written = cell.apply(f, column.getKey());
                table.append(String.format(
                        Locale.ROOT, other, written != null ? written : value == null ? "—" : String.valueOf(value)));
            }
            table.append('\n');
        });
        return table.toString();
    }

    /** The columns of the table per question type: the key of each figure and its heading. */
    private static final List<Map.Entry<String, String>> TYPE_COLUMNS = List.of(
            Map.entry("questions", "questions"),
            Map.entry("answerable", "answerable"),
            Map.entry("answered", "answered"),
            Map.entry("answer_f1", "answer_f1"),
            Map.entry("answer_f1_oracle", "oracle"),
            Map.entry("expected_source_cited", "cited"),
            Map.entry("abstention_f1", "abstain_f1"));

    /** The measures per question type as a table, "—" where a type has no such figure. */
    static String typeTable(Map<?, ?> types) {
        return table(
                "question type",
                14,
                10,
                TYPE_COLUMNS,
                types,
                (figures, key) -> figures.get(key) instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : null);
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

    /**
     * The summary of a run: the counts, the rates ({@link #rates}), refusals per rule, the ordinary questions that a
     * rule touched, latency, the measures per question type ({@code by_question_type}) and a
     * 95% percentile bootstrap interval for each rate ({@code intervals}: metric to {@code [low, high]}; Efron and
     * Tibshirani 1993): the questions are resampled with replacement {@value #RESAMPLES} times with a fixed seed and
     * the rates recomputed on each resample by {@link #rates}, the code that computes them here.
     */
    static Map<String, Object> summary(List<Result> results, Map<String, Item> items) {
        var rates = rates(results, items);
        var summary = new LinkedHashMap<String, Object>();
        summary.put("questions", results.size());
        summary.put("answerable", (int)
                results.stream().filter(r -> r.expect().equals("answer")).count());
        summary.putAll(rates);
        summary.put("refusal_by_rule", refusalsByRule(results, items));
        summary.put(
                "refusal_confusion",
                ScreeningEvaluation.confusion(
                        results,
                        r -> r.expect().equals("refuse")
                                ? (items.get(r.id()).expectedRule().isEmpty()
                                        ? "refuse"
                                        : items.get(r.id()).expectedRule())
                                : ScreeningEvaluation.NONE,
                        r -> r.refusedBy().isEmpty() ? ScreeningEvaluation.NONE : r.refusedBy()));
        summary.put("by_question_type", byQuestionType(results, items));
        summary.put("by_language", byLanguage(results, items));
        summary.put(
                "ordinary_questions_with_verdicts",
                results.stream()
                        .filter(r -> !r.expect().equals("refuse") && !r.rules().isEmpty())
                        .map(Result::id)
                        .toList());
        var latencies = results.stream().mapToDouble(Result::millis).sorted().toArray();
        summary.put("latency_p50_ms", latencies.length == 0 ? 0.0 : round(Percentiles.percentile(latencies, 50)));
        summary.put("latency_p95_ms", latencies.length == 0 ? 0.0 : round(Percentiles.percentile(latencies, 95)));
        summary.put("intervals", intervals(results, items, rates));
        return summary;
    }

    /**
     * The rates of a run's results, each left out when no question counts for it: the share of answerable questions
     * with an expected source in the top 5 and cited, nDCG@10, citation precision, groundedness, the mean answer F1
     * and oracle F1 and their ratio, abstention and refusal precision, recall and F1, the false-refusal rate (the
     * share of the questions to answer or abstain from that a rule refused or redirected) and the false-abstention rate
     * (the share of the questions to answer that were abstained from).
     */
    static Map<String, Double> rates(List<Result> results, Map<String, Item> items) {
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
        var rates = new LinkedHashMap<String, Double>();
        rates.put("expected_source_in_top5", ratio(inTop5, answerable.size()));
        rates.put(
                "expected_source_cited",
                ratio(
                        answerable.stream()
                                .filter(r -> Boolean.TRUE.equals(r.expectedSourceCited()))
                                .count(),
                        answerable.size()));
        var ndcg = results.stream()
                .map(Result::ndcgAt10)
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .average();
        if (ndcg.isPresent()) {
            // the questions that give expected sources, whatever they expect
            rates.put("ndcg_at_10", round(ndcg.getAsDouble()));
        }
        rates.put("citation_precision", ratio(citedRight, cited));
        long judged = results.stream().mapToLong(Result::sentences).sum();
        if (judged > 0) {
            // every judged sentence of every answer counts once
            rates.put(
                    "groundedness",
                    ratio(results.stream().mapToLong(Result::supportedSentences).sum(), judged));
        }
        putAnswerF1(rates, results);
        putPrecisionRecall(rates, "abstention", results, "abstain", "abstained");
        putPrecisionRecall(rates, "refusal", results, "refuse", "refused");
        var ordinary =
                results.stream().filter(r -> !r.expect().equals("refuse")).toList();
        if (!ordinary.isEmpty()) {
            // the questions to answer or abstain from that a rule refused or redirected
            rates.put(
                    "false_refusal_rate",
                    ratio(
                            ordinary.stream()
                                    .filter(r -> r.outcome().equals("refused"))
                                    .count(),
                            ordinary.size()));
        }
        if (!answerable.isEmpty()) {
            // the questions to answer that the assistant abstained from (a refusal counts above, not here)
            rates.put("false_abstention_rate", ratio(abstained(answerable), answerable.size()));
        }
        return rates;
    }

    /**
     * {@code answer_f1}: the mean over the questions with an answer F1; {@code answer_f1_oracle}: the mean over those
     * with an oracle; {@code answer_f1_ratio}: the mean answer F1 over the mean oracle of the questions that have both.
     */
    private static void putAnswerF1(Map<String, Double> rates, List<Result> results) {
        var f1 = results.stream()
                .map(Result::answerF1)
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .average();
        f1.ifPresent(mean -> rates.put("answer_f1", round(mean)));
        var oracle = results.stream()
                .map(Result::answerF1Oracle)
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .average();
        oracle.ifPresent(mean -> rates.put("answer_f1_oracle", round(mean)));
        var both = results.stream()
                .filter(r -> r.answerF1() != null && r.answerF1Oracle() != null)
                .toList();
        double reached = both.stream().mapToDouble(Result::answerF1).sum();
        double reachable = both.stream().mapToDouble(Result::answerF1Oracle).sum();
        if (reachable > 0) {
            rates.put("answer_f1_ratio", round(reached / reachable));
        }
    }

    /**
     * The answer measures per question type, in the order of {@link Assistant#questionTypes()}: how many questions, how many to
     * answer and answered, the mean answer F1 and oracle F1, the share of questions to answer whose answer cites an
     * expected source, and abstention F1 for the types with a question to abstain from.
     */
    static Map<String, Map<String, Object>> byQuestionType(List<Result> results, Map<String, Item> items) {
        var labels = new ArrayList<>(Assistant.questionTypes());
        results.stream()
                .map(Result::questionType)
                .filter(type -> !labels.contains(type))
                .distinct()
                .forEach(labels::add);
        var byType = new LinkedHashMap<String, Map<String, Object>>();
        for (var label : labels) {
            var group =
                    results.stream().filter(r -> r.questionType().equals(label)).toList();
            if (group.isEmpty()) {
                continue;
            }
            var rates = rates(group, items);
            int answerable = (int)
                    group.stream().filter(r -> r.expect().equals("answer")).count();
            var entry = new LinkedHashMap<String, Object>();
            entry.put("questions", group.size());
            entry.put("answerable", answerable);
            entry.put("answered", (int)
                    group.stream().filter(r -> r.outcome().equals("answered")).count());
            for (var key : List.of("answer_f1", "answer_f1_oracle")) {
                if (rates.containsKey(key)) {
                    entry.put(key, rates.get(key));
                }
            }
            if (answerable > 0) {
                entry.put("expected_source_cited", rates.get("expected_source_cited"));
            }
            if (group.stream().anyMatch(r -> r.expect().equals("abstain"))) {
                entry.put("abstention_f1", rates.get("abstention_f1"));
            }
            byType.put(label, entry);
        }
        return byType;
    }

    /**
     * The measures per question language (the set's {@code language} field, {@code und} when it gives none), in the
     * order the languages first appear: how many questions, to answer, answered, abstained from and refused; the share
     * of the questions to answer with an expected source in the top 5 retrieved ({@code expected_source_in_top5}) and
     * answered citing one ({@code answered_with_expected_source}); the share of the questions to answer or abstain
     * from that a rule refused ({@code false_refusal_rate}); and the share of the questions to answer that were
     * abstained from ({@code false_abstention_rate}). Each share comes with its 95% Wilson interval
     * ({@link Proportions#wilson}) under the same key with {@code _interval} added, because a language's questions are
     * often too few for a bootstrap.
     */
    static Map<String, Map<String, Object>> byLanguage(List<Result> results, Map<String, Item> items) {
        var groups = new LinkedHashMap<String, List<Result>>();
        for (var result : results) {
            var language = items.get(result.id()).language();
            groups.computeIfAbsent(language == null || language.isBlank() ? "und" : language, l -> new ArrayList<>())
                    .add(result);
        }
        var byLanguage = new LinkedHashMap<String, Map<String, Object>>();
        groups.forEach((language, group) -> {
            var answerable =
                    group.stream().filter(r -> r.expect().equals("answer")).toList();
            var ordinary =
                    group.stream().filter(r -> !r.expect().equals("refuse")).toList();
            var entry = new LinkedHashMap<String, Object>();
            entry.put("questions", group.size());
            entry.put("answerable", answerable.size());
            for (var outcome : List.of("answered", "abstained", "refused")) {
                entry.put(outcome, (int)
                        group.stream().filter(r -> r.outcome().equals(outcome)).count());
            }
            putShare(
                    entry,
                    "expected_source_in_top5",
                    answerable.stream()
                            .filter(r -> Boolean.TRUE.equals(r.expectedSourceRetrieved()))
                            .count(),
                    answerable.size());
            putShare(
                    entry,
                    "answered_with_expected_source",
                    answerable.stream()
                            .filter(r -> r.outcome().equals("answered") && Boolean.TRUE.equals(r.expectedSourceCited()))
                            .count(),
                    answerable.size());
            putShare(
                    entry,
                    "false_refusal_rate",
                    ordinary.stream().filter(r -> r.outcome().equals("refused")).count(),
                    ordinary.size());
            putShare(entry, "false_abstention_rate", abstained(answerable), answerable.size());
            byLanguage.put(language, entry);
        });
        return byLanguage;
    }

    /** How many of some results the assistant abstained from. */
    private static long abstained(List<Result> results) {
        return results.stream().filter(r -> r.outcome().equals("abstained")).count();
    }

    /** Puts {@code k / n} and its 95% Wilson interval under {@code key} and {@code key_interval}, unless n is 0. */
    private static void putShare(Map<String, Object> entry, String key, long k, long n) {
        if (n == 0) {
            return;
        }
        var interval = Proportions.wilson(k, n);
        entry.put(key, round((double) k / n));
        entry.put(key + "_interval", List.of(round(interval.low()), round(interval.high())));
    }

    /** The 95% percentile bootstrap interval of each rate in {@link #INTERVAL_METRICS} that the run has. */
    static Map<String, List<Double>> intervals(
            List<Result> results, Map<String, Item> items, Map<String, Double> rates) {
        var intervals = new LinkedHashMap<String, List<Double>>();
        if (results.isEmpty()) {
            return intervals;
        }
        var bootstrap = Bootstrap.percentiles(
                results.size(),
                sample -> {
                    var resample = new ArrayList<Result>(sample.length);
                    for (int i : sample) {
                        resample.add(results.get(i));
                    }
                    var resampled = rates(resample, items);
                    resampled.keySet().retainAll(INTERVAL_METRICS);
                    return resampled;
                },
                RESAMPLES,
                SEED);
        for (var metric : INTERVAL_METRICS) {
            var interval = bootstrap.get(metric);
            if (rates.containsKey(metric) && interval != null) {
                intervals.put(metric, List.of(round(interval.low()), round(interval.high())));
            }
        }
        return intervals;
    }

    private static void putPrecisionRecall(
            Map<String, Double> summary, String name, List<Result> results, String expected, String outcome) {
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
            // a near miss names the rule it is near but expects an answer: it is not one the rule should refuse
            long expected = results.stream()
                    .filter(r -> r.expect().equals("refuse")
                            && items.get(r.id()).expectedRule().equals(rule))
                    .count();
            long right = results.stream()
                    .filter(r -> r.refusedBy().equals(rule)
                            && r.expect().equals("refuse")
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

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : round((double) part / whole);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
