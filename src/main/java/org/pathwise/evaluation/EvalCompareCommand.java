package org.pathwise.evaluation;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pathwise.CliCommand;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pathwise eval-compare <run-a> <run-b> [--json]}: two evaluation runs side by side, each a stored run's id or a
 * {@code report.json}: every numeric summary metric with its change (hit@5, nDCG@10, citation precision, groundedness,
 * answer F1, ...; the maps, such as the intervals and the figures per question type, are left out), and question by
 * question what got better (the outcome now matches what the question expects, or it now cites; with the same outcome,
 * a higher share of supported sentences, then a higher nDCG@10, then a higher answer F1) and what got worse.
 */
@Component
@Command(
        mixinStandardHelpOptions = true,
        name = "eval-compare",
        description = "Compare two evaluation runs, metric by metric and question by question.")
final class EvalCompareCommand implements CliCommand {

    private static final String NAME = "pathwise eval-compare: ";

    @Parameters(index = "0", paramLabel = "BEFORE", description = "A stored run's id or a report.json.")
    String before;

    @Parameters(index = "1", paramLabel = "AFTER", description = "A stored run's id or a report.json.")
    String after;

    @Option(names = "--json", description = "Print the comparison as JSON.")
    boolean json;

    /** One question whose result changed. */
    record Change(String id, String expect, String before, String after, String verdict) {}

    private final ObjectProvider<EvalRuns> evalRunsProvider;

    EvalCompareCommand(ObjectProvider<EvalRuns> evalRunsProvider) {
        this.evalRunsProvider = evalRunsProvider;
    }

    @Override
    public int run(PrintWriter out, PrintWriter err) {
        var runs = evalRunsProvider.getObject();
        EvalRun a;
        EvalRun b;
        try {
            a = QuestionSetRun.load(before, runs);
            b = QuestionSetRun.load(after, runs);
        } catch (IllegalArgumentException e) {
            err.println(NAME + e.getMessage());
            return USAGE;
        }
        var metrics = metrics(a, b);
        var changes = changes(a.items(), b.items());
        if (json) {
            out.println(CliCommand.json(comparison(a, b)));
            return OK;
        }
        out.printf(
                Locale.ROOT,
                "%-30s %10s %10s %10s%n",
                "metric",
                a.id().length() > 10 ? "before" : a.id(),
                "after",
                "change");
        metrics.forEach((key, m) -> out.printf(
                Locale.ROOT, "%-30s %10.4f %10.4f %+10.4f%n", key, m.get("before"), m.get("after"), m.get("change")));
        out.println();
        if (changes.isEmpty()) {
            out.println("No question's result changed.");
        }
        for (var change : changes) {
            out.printf(
                    Locale.ROOT,
                    "%-7s %-10s expects %-8s %s -> %s%n",
                    change.verdict(),
                    change.id(),
                    change.expect(),
                    change.before(),
                    change.after());
        }
        return OK;
    }

    /** Two runs compared: their ids, every numeric metric with its change, and the questions that changed. */
    static Map<String, Object> comparison(EvalRun a, EvalRun b) {
        var comparison = new LinkedHashMap<String, Object>();
        comparison.put("before", a.id());
        comparison.put("after", b.id());
        comparison.put("metrics", metrics(a, b));
        comparison.put("questions", changes(a.items(), b.items()));
        return comparison;
    }

    private static Map<String, Map<String, Double>> metrics(EvalRun a, EvalRun b) {
        var metrics = new LinkedHashMap<String, Map<String, Double>>();
        a.summary().forEach((key, value) -> {
            if (value instanceof Number x && b.summary().get(key) instanceof Number y) {
                var m = new LinkedHashMap<String, Double>();
                m.put("before", x.doubleValue());
                m.put("after", y.doubleValue());
                m.put("change", Math.round((y.doubleValue() - x.doubleValue()) * 10000) / 10000.0);
                metrics.put(key, m);
            }
        });
        return metrics;
    }

    /**
     * Per-question measures (the item's key and its label) compared when the outcome scores the same, in this order;
     * higher is better.
     */
    private static final List<Map.Entry<String, String>> MEASURES = List.of(
            Map.entry("groundedness", "grounded"), Map.entry("ndcgAt10", "nDCG@10"), Map.entry("answerF1", "F1"));

    /**
     * The questions of both runs whose outcome, citations, groundedness, nDCG@10 or answer F1 changed, better ones
     * first. A measure counts only when both runs recorded it for the question (runs stored before it existed did not).
     */
    static List<Change> changes(List<Map<String, Object>> before, List<Map<String, Object>> after) {
        var earlier = new LinkedHashMap<String, Map<String, Object>>();
        before.forEach(item -> earlier.put(String.valueOf(item.get("id")), item));
        var better = new ArrayList<Change>();
        var worse = new ArrayList<Change>();
        var other = new ArrayList<Change>();
        for (var now : after) {
            var id = String.valueOf(now.get("id"));
            var then = earlier.get(id);
            if (then == null) {
                continue;
            }
            var expect = String.valueOf(now.get("expect"));
            var was = describe(then, now);
            var is = describe(now, then);
            if (was.equals(is)) {
                continue;
            }
            int score = Integer.compare(score(now, expect), score(then, expect));
            for (var measure : MEASURES) {
                if (score == 0
                        && now.get(measure.getKey()) instanceof Number x
                        && then.get(measure.getKey()) instanceof Number y) {
                    score = Double.compare(x.doubleValue(), y.doubleValue());
                }
            }
            var change = new Change(id, expect, was, is, score > 0 ? "better" : score < 0 ? "worse" : "changed");
            (score > 0 ? better : score < 0 ? worse : other).add(change);
        }
        var all = new ArrayList<>(better);
        all.addAll(worse);
        all.addAll(other);
        return all;
    }

    /** A question's outcome and citations, and each measure that the other run recorded for it too. */
    private static String describe(Map<String, Object> item, Map<String, Object> other) {
        var text = new StringBuilder(item.get("outcome") + " " + item.get("cited"));
        for (var measure : MEASURES) {
            if (item.get(measure.getKey()) instanceof Number x && other.get(measure.getKey()) instanceof Number) {
                text.append(String.format(Locale.ROOT, " %s %.3f", measure.getValue(), x.doubleValue()));
            }
        }
        return text.toString();
    }

    /** 2 when the outcome is the expected one, and one more point per citation when answering was expected. */
    private static int score(Map<String, Object> item, String expect) {
        var outcome = String.valueOf(item.get("outcome"));
        boolean right = switch (expect) {
            case "answer" -> outcome.equals("answered");
            case "abstain" -> outcome.equals("abstained");
            default -> outcome.equals("refused");
        };
        int cited = item.get("cited") instanceof List<?> list ? list.size() : 0;
        return (right ? 2 : 0) + (right && expect.equals("answer") && cited > 0 ? 1 : 0);
    }
}
