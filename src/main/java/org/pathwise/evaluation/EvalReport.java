package org.pathwise.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pathwise.CliCommand;

/**
 * Writes a run's report into {@code <folder>/<run id>/}: {@code report.json} (the run as stored) and
 * {@code report.html}, a self-contained page (no script, no outside file) with the run's settings, bar charts of the
 * metrics between 0 and 1 (hit@5, expected source cited, nDCG@10, citation precision, groundedness, answer F1 and
 * its oracle, abstention and refusal precision, recall and F1, and the false-refusal and false-abstention rates, for
 * which lower is better) with their 95% intervals, refusals per rule, the
 * measures per question type, and every question's type, outcome, nDCG@10, supported sentences, answer F1 and oracle
 * F1, mismatches marked.
 */
final class EvalReport {

    /** The figures of the table per question type, in its columns' order. */
    static final List<String> TYPE_COLUMNS = List.of(
            "questions",
            "answerable",
            "answered",
            "answer_f1",
            "answer_f1_oracle",
            "expected_source_cited",
            "abstention_f1");

    /** The keys of a question's result in the columns of the table of questions. */
    private static final List<String> QUESTION_COLUMNS = List.of(
            "id",
            "questionType",
            "expect",
            "outcome",
            "refusedBy",
            "cited",
            "ndcgAt10",
            "sentences",
            "answerF1",
            "answerF1Oracle",
            "millis");

    /** A question's figures between 0 and 1, shown with three decimals. */
    private static final java.util.Set<String> RATIOS = java.util.Set.of("ndcgAt10", "answerF1", "answerF1Oracle");

    private EvalReport() {}

    /** Writes both files and returns the run's folder. */
    static Path write(EvalRun run, Path folder) {
        var target = folder.resolve(run.id());
        try {
            Files.createDirectories(target);
            Files.writeString(target.resolve("report.json"), CliCommand.json(run) + "\n", StandardCharsets.UTF_8);
            Files.writeString(target.resolve("report.html"), html(run), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("can't write the report in " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    static String html(EvalRun run) {
        var page = new StringBuilder();
        page.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Evaluation ")
                .append(escape(run.id()))
                .append("</title><style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}"
                        + "table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.25rem"
                        + " .5rem;text-align:left;vertical-align:top}.miss{background:#fbe9e9}"
                        + "svg text{font-size:12px;font-family:inherit}</style></head><body>");
        page.append("<h1>Evaluation run ").append(escape(run.id())).append("</h1><table>");
        row(page, "when", run.createdAt().toString());
        row(page, "dataset", run.dataset() + " (sha256 " + run.datasetSha256().substring(0, 12) + "…)");
        row(
                page,
                "library",
                run.libraryDocuments() + " documents (sha256 "
                        + run.librarySha256().substring(0, 12) + "…)");
        row(page, "composer", run.composer() + (run.model().isEmpty() ? "" : ", model " + run.model()));
        row(page, "prompt", run.prompt().isEmpty() ? "—" : run.prompt());
        row(page, "policy", run.policyVersion());
        row(page, "configuration", CliCommand.json(run.configuration()));
        var intervals = intervals(run.summary());
        page.append("</table><h2>Metrics</h2>").append(bars(run.summary(), intervals));
        page.append("<table><tr><th>metric</th><th>value</th><th>95% interval</th></tr>");
        run.summary().forEach((key, value) -> {
            if (!(value instanceof Map) && !(value instanceof List)) {
                var interval = intervals.get(key);
                page.append("<tr><th>")
                        .append(escape(key))
                        .append("</th><td>")
                        .append(escape(String.valueOf(value)))
                        .append("</td><td>")
                        .append(
                                interval == null
                                        ? ""
                                        : String.format(Locale.ROOT, "[%.4f, %.4f]", interval[0], interval[1]))
                        .append("</td></tr>");
            }
        });
        page.append("</table>");
        if (run.summary().get("refusal_by_rule") instanceof Map<?, ?> rules && !rules.isEmpty()) {
            page.append("<h2>Refusals per rule</h2><table><tr><th>rule</th><th>expected</th><th>refused</th>"
                    + "<th>precision</th><th>recall</th></tr>");
            rules.forEach((rule, figures) -> {
                var f = (Map<?, ?>) figures;
                page.append("<tr><td>").append(escape(String.valueOf(rule))).append("</td>");
                for (var key : List.of("expected", "refused", "precision", "recall")) {
                    page.append("<td>")
                            .append(escape(String.valueOf(f.get(key))))
                            .append("</td>");
                }
                page.append("</tr>");
            });
            page.append("</table>");
        }
        if (run.summary().get("refusal_confusion") instanceof Map<?, ?> matrix && matrix.size() > 1) {
            var fired = new java.util.TreeSet<String>();
            matrix.values().forEach(row -> ((Map<?, ?>) row).keySet().forEach(k -> fired.add(String.valueOf(k))));
            page.append("<h2>Refusal confusion</h2><table><tr><th>expected \\ fired</th>");
            fired.forEach(f -> page.append("<th>").append(escape(f)).append("</th>"));
            page.append("</tr>");
            matrix.forEach((expected, row) -> {
                page.append("<tr><th>").append(escape(String.valueOf(expected))).append("</th>");
                fired.forEach(f -> page.append("<td>")
                        .append(escape(String.valueOf(((Map<?, ?>) row).containsKey(f) ? ((Map<?, ?>) row).get(f) : 0)))
                        .append("</td>"));
                page.append("</tr>");
            });
            page.append("</table>");
        }
        if (run.summary().get("by_question_type") instanceof Map<?, ?> types && !types.isEmpty()) {
            page.append("<h2>By question type</h2><table><tr><th>type</th>");
            TYPE_COLUMNS.forEach(column -> page.append("<th>").append(column).append("</th>"));
            page.append("</tr>");
            types.forEach((type, figures) -> {
                var f = (Map<?, ?>) figures;
                page.append("<tr><th>").append(escape(String.valueOf(type))).append("</th>");
                for (var column : TYPE_COLUMNS) {
                    var value = f.get(column);
                    page.append("<td>")
                            .append(
                                    value == null
                                            ? "—"
                                            : value instanceof Double d
                                                    ? String.format(Locale.ROOT, "%.3f", d)
                                                    : escape(String.valueOf(value)))
                            .append("</td>");
                }
                page.append("</tr>");
            });
            page.append("</table>");
        }
        if (run.summary().get("by_language") instanceof Map<?, ?> languages && languages.size() > 1) {
            page.append("<h2>By question language</h2><pre>")
                    .append(escape(AnswerEvaluation.languageTable(languages)))
                    .append("</pre>");
        }
        page.append("<h2>Questions</h2><table><tr><th>id</th><th>type</th><th>expected</th><th>outcome</th>"
                + "<th>rule</th><th>cited</th><th>nDCG@10</th><th>supported sentences</th><th>answer F1</th>"
                + "<th>oracle F1</th><th>ms</th></tr>");
        for (var item : run.items()) {
            page.append(missed(item) ? "<tr class=\"miss\">" : "<tr>");
            for (var key : QUESTION_COLUMNS) {
                page.append("<td>").append(escape(cell(item, key))).append("</td>");
            }
            page.append("</tr>");
        }
        return page.append("</table></body></html>\n").toString();
    }

    /** Whether a question's outcome is not the one it expects. */
    static boolean missed(Map<String, Object> item) {
        var expect = String.valueOf(item.get("expect"));
        var outcome = String.valueOf(item.get("outcome"));
        return !outcome.startsWith(expect.replace("answer", "answered")
                .replace("abstain", "abstained")
                .replace("refuse", "refused"));
    }

    /** A question's value as its row shows it; "—" for what the question has not (or an older run did not record). */
    static String cell(Map<String, Object> item, String key) {
        var value = item.get(key);
        if (key.equals("sentences")) {
            return value instanceof Number judged && judged.intValue() > 0
                    ? item.get("supportedSentences") + " of " + judged
                    : "—";
        }
        if (value == null) {
            return "—";
        }
        if (RATIOS.contains(key) && value instanceof Number n) {
            return String.format(Locale.ROOT, "%.3f", n.doubleValue());
        }
        return value instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : String.valueOf(value);
    }

    /** The 95% interval of each metric that has one, as {@code [low, high]}; none for runs stored before intervals. */
    static Map<String, double[]> intervals(Map<String, Object> summary) {
        var intervals = new java.util.LinkedHashMap<String, double[]>();
        if (summary.get("intervals") instanceof Map<?, ?> map) {
            map.forEach((metric, bounds) -> {
                if (bounds instanceof List<?> list
                        && list.size() == 2
                        && list.get(0) instanceof Number low
                        && list.get(1) instanceof Number high) {
                    intervals.put(String.valueOf(metric), new double[] {low.doubleValue(), high.doubleValue()});
                }
            });
        }
        return intervals;
    }

    /** A horizontal bar per metric whose value lies in [0, 1], its 95% interval drawn across it as a line. */
    private static String bars(Map<String, Object> summary, Map<String, double[]> intervals) {
        var metrics = summary.entrySet().stream()
                .filter(e -> e.getValue() instanceof Number n
                        && !e.getKey().contains("latency")
                        && !e.getKey().equals("questions")
                        && !e.getKey().equals("answerable")
                        && n.doubleValue() >= 0
                        && n.doubleValue() <= 1)
                .toList();
        int rowHeight = 22;
        var svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"")
                .append(metrics.size() * rowHeight + 10)
                .append("\" role=\"img\" aria-label=\"metrics between 0 and 1\">");
        for (int i = 0; i < metrics.size(); i++) {
            var entry = metrics.get(i);
            double value = ((Number) entry.getValue()).doubleValue();
            int y = i * rowHeight + 5;
            svg.append("<text x=\"0\" y=\"")
                    .append(y + 14)
                    .append("\">")
                    .append(escape(entry.getKey()))
                    .append("</text><rect x=\"240\" y=\"")
                    .append(y + 3)
                    .append("\" width=\"")
                    .append(Math.round(value * 340))
                    .append("\" height=\"14\" fill=\"#2e7d32\"/>");
            var interval = intervals.get(entry.getKey());
            if (interval != null) {
                svg.append("<line x1=\"")
                        .append(240 + Math.round(interval[0] * 340))
                        .append("\" x2=\"")
                        .append(240 + Math.round(interval[1] * 340))
                        .append("\" y1=\"")
                        .append(y + 10)
                        .append("\" y2=\"")
                        .append(y + 10)
                        .append("\" stroke=\"#000\" stroke-width=\"2\"><title>95% interval ")
                        .append(String.format(Locale.ROOT, "%.3f–%.3f", interval[0], interval[1]))
                        .append("</title></line>");
            }
            svg.append("<text x=\"")
                    .append(Math.round(Math.max(value, interval == null ? 0 : interval[1]) * 340) + 246)
                    .append("\" y=\"")
                    .append(y + 14)
                    .append("\">")
                    .append(String.format(Locale.ROOT, "%.3f", value))
                    .append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static void row(StringBuilder page, String name, String value) {
        page.append("<tr><th>")
                .append(escape(name))
                .append("</th><td>")
                .append(escape(value))
                .append("</td></tr>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
