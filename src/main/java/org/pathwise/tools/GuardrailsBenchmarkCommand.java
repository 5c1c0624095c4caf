package org.pathwise.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pathwise.CliCommand;
import org.pathwise.evaluation.QuestionSets;
import org.pathwise.guardrails.Guardrails;
import org.pathwise.guardrails.Screening;
import org.pathwise.retrieval.Search;
import org.pathwise.retrieval.SearchFilter;
import org.pathwise.retrieval.SearchMode;
import org.pathwise.retrieval.SearchRequest;
import org.pathwise.retrieval.Sentence;
import org.pathwise.stats.Percentiles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pathwise guardrails-benchmark <questions.jsonl> [--rounds N] [--json]}: the time the policy in force adds to
 * a question, stage by stage. Each question of the set is first searched in the library (hybrid, five passages, as the
 * assistant does, so the query's embedding is cached as in the real pipeline); then, in every round, the question is
 * screened, its passages screened, and an answer made of the best passage's first two sentences (cited) screened. A
 * question that the input stage stops is timed for that stage only, as in the pipeline. The first round is reported
 * separately (cold caches); the percentiles cover the other rounds.
 */
@Component
@Command(
        mixinStandardHelpOptions = true,
        name = "guardrails-benchmark",
        description = "Measure the time the ethics policy adds per question, stage by stage.")
final class GuardrailsBenchmarkCommand implements CliCommand {

    private static final String NAME = "pathwise guardrails-benchmark: ";

    @Parameters(index = "0", paramLabel = "QUESTIONS", description = "A question set (JSONL, as for eval).")
    Path questions;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "20", description = "Timed rounds (default 20).")
    int rounds;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    private record Prepared(String question, List<String> passages, String answer, List<Screening.Source> sources) {}

    private final ObjectProvider<Guardrails> guardrailsProvider;
    private final ObjectProvider<Search> searchProvider;

    GuardrailsBenchmarkCommand(ObjectProvider<Guardrails> guardrailsProvider, ObjectProvider<Search> searchProvider) {
        this.guardrailsProvider = guardrailsProvider;
        this.searchProvider = searchProvider;
    }

    @Override
    public boolean usesModels() {
        return true;
    }

    @Override
    public int run(PrintWriter out, PrintWriter err) {
        if (rounds < 2) {
            err.println(NAME + "--rounds must be >= 2, got " + rounds);
            return USAGE;
        }
        List<String> items;
        try {
            items = QuestionSets.questions(questions);
        } catch (IllegalArgumentException e) {
            err.println(NAME + e.getMessage());
            return USAGE;
        }
        var guardrails = guardrailsProvider.getObject();
        var search = searchProvider.getObject();
        var prepared = new ArrayList<Prepared>();
        for (var item : items) {
            var hits =
                    search.search(new SearchRequest(item, 5, SearchMode.HYBRID, SearchFilter.NONE).withoutSnippets());
            var passages = hits.stream().map(h -> h.passage().text()).toList();
            var sources = new ArrayList<Screening.Source>();
            var answer = "";
            if (!hits.isEmpty()) {
                var best = hits.getFirst().passage();
                sources.add(new Screening.Source(
                        1, best.text(), best.facets().licence(), best.facets().title()));
                answer = firstSentences(best.text()) + " [1]";
            }
            prepared.add(new Prepared(item, passages, answer, sources));
        }
        var total = new ArrayList<Double>();
        var input = new ArrayList<Double>();
        var retrieval = new ArrayList<Double>();
        var output = new ArrayList<Double>();
        double firstRoundMax = 0;
        for (int round = 0; round < rounds; round++) {
            for (var p : prepared) {
                long start = System.nanoTime();
                var screening = guardrails.screenQuestion(p.question());
                long afterInput = System.nanoTime();
                long afterRetrieval = afterInput;
                long end = afterInput;
                if (screening.stop().isEmpty()) {
                    guardrails.screenPassages(screening.text(), p.passages());
                    afterRetrieval = System.nanoTime();
                    guardrails.screenAnswer(screening.text(), p.answer(), p.sources());
                    end = System.nanoTime();
                }
                if (round == 0) {
                    firstRoundMax = Math.max(firstRoundMax, (end - start) / 1e6);
                    continue;
                }
                total.add((end - start) / 1e6);
                input.add((afterInput - start) / 1e6);
                if (end != afterInput) {
                    retrieval.add((afterRetrieval - afterInput) / 1e6);
                    output.add((end - afterRetrieval) / 1e6);
                }
            }
        }
        var report = new LinkedHashMap<String, Object>();
        report.put("policy", guardrails.policyVersion());
        report.put("questions", items.size());
        report.put("timed_rounds", rounds - 1);
        report.put("per_question_ms", percentiles(total));
        report.put("input_ms", percentiles(input));
        report.put("retrieval_ms", percentiles(retrieval));
        report.put("output_ms", percentiles(output));
        report.put("first_round_max_ms", round(firstRoundMax));
        if (json) {
            out.println(CliCommand.json(report));
        } else {
            report.forEach((key, value) -> out.printf(Locale.ROOT, "%-20s %s%n", key, value));
        }
        return OK;
    }

    /** The first two sentences of a text, cut as the application cuts sentences, or all of it when it has fewer. */
    private static String firstSentences(String text) {
        var pieces = Sentence.split(text, "und");
        return String.join("", pieces.subList(0, Math.min(2, pieces.size()))).strip();
    }

    private static Map<String, Double> percentiles(List<Double> millis) {
        if (millis.isEmpty()) {
            return Map.of();
        }
        var values = millis.stream().mapToDouble(Double::doubleValue).toArray();
        var p = Percentiles.of(values);
        var result = new LinkedHashMap<String, Double>();
        result.put("p50", round(p.p50()));
        result.put("p95", round(p.p95()));
        result.put("p99", round(p.p99()));
        return result;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
