package org.pathwise.evaluation;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pathwise.CliCommand;
import org.pathwise.guardrails.Guardrails;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pathwise guardrails-eval <questions>... [--json] [--show N]}: the policy in force's question stage judged on
 * labelled questions ({@link ScreeningEvaluation}): false refusals per set and language, recall and precision per
 * rule, the confusion of expected and fired rules, and name redaction, each rate with its 95% interval. Nothing is
 * searched, answered or stored. Exit codes: 0 when the run completes, 2 when a file can't be read or used (one line on
 * standard error says why).
 */
@Component
@Command(
        mixinStandardHelpOptions = true,
        name = "guardrails-eval",
        description = "Judge the ethics policy's question stage on labelled questions: false refusals, recall and"
                + " precision per rule.")
final class GuardrailsEvalCommand implements CliCommand {

    private static final String NAME = "pathwise guardrails-eval: ";

    @Parameters(
            arity = "1..*",
            paramLabel = "QUESTIONS",
            description = "Question sets (JSONL), SQuAD-format files such as XQuAD's, or a lesson catalog.json.")
    List<Path> files;

    @Option(names = "--json", description = "Print the summary and every misfire as JSON.")
    boolean json;

    @Option(
            names = "--show",
            paramLabel = "N",
            defaultValue = "20",
            description = "How many misfires to list in the table (default 20).")
    int show;

    @Option(
            names = "--exclude",
            paramLabel = "FILE",
            description = "Leave out every question whose text is also in this file (a question set or labelled texts),"
                    + " such as the classifier's training data, to report on held-out questions only. Repeatable.")
    List<Path> exclude = new ArrayList<>();

    private final ObjectProvider<Guardrails> guardrailsProvider;

    GuardrailsEvalCommand(ObjectProvider<Guardrails> guardrailsProvider) {
        this.guardrailsProvider = guardrailsProvider;
    }

    @Override
    public boolean usesModels() {
        return true;
    }

    @Override
    public int run(PrintWriter out, PrintWriter err) {
        var cases = new ArrayList<ScreeningEvaluation.Case>();
        for (var file : files) {
            try {
                cases.addAll(ScreeningEvaluation.read(file));
            } catch (IllegalArgumentException e) {
                err.println(NAME + e.getMessage());
                return USAGE;
            }
        }
        if (!exclude.isEmpty()) {
            var seen = new java.util.HashSet<String>();
            for (var file : exclude) {
                try {
                    seen.addAll(ScreeningEvaluation.texts(file));
                } catch (IllegalArgumentException e) {
                    err.println(NAME + e.getMessage());
                    return USAGE;
                }
            }
            int before = cases.size();
            cases.removeIf(c -> seen.contains(c.question().strip()));
            err.println("left out " + (before - cases.size()) + " questions found in " + exclude);
        }
        var guardrails = guardrailsProvider.getObject();
        err.println("screening " + cases.size() + " questions under " + guardrails.policyVersion());
        var outcomes = ScreeningEvaluation.run(guardrails, cases);
        var summary = new LinkedHashMap<String, Object>();
        summary.put("policy", guardrails.policyVersion());
        summary.putAll(ScreeningEvaluation.summary(outcomes));
        var misfires = outcomes.stream()
                .filter(ScreeningEvaluation.Outcome::misfire)
                .map(GuardrailsEvalCommand::misfire)
                .toList();
        if (json) {
            summary.put("misfires", misfires);
            out.println(CliCommand.json(summary));
            return OK;
        }
        summary.forEach((key, value) -> out.printf(Locale.ROOT, "%-28s %s%n", key, value));
        out.printf(Locale.ROOT, "%d misfires%s%n", misfires.size(), misfires.isEmpty() ? "" : ", the first:");
        misfires.stream()
                .limit(Math.max(0, show))
                .forEach(m -> out.printf(
                        Locale.ROOT,
                        "  %s %s [%s] expected %s, fired %s: %s%n",
                        m.get("set"),
                        m.get("id"),
                        m.get("language"),
                        m.get("expected"),
                        m.get("fired"),
                        m.get("question")));
        return OK;
    }

    private static Map<String, Object> misfire(ScreeningEvaluation.Outcome o) {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("set", o.item().set());
        entry.put("id", o.item().id());
        entry.put("language", o.item().language());
        entry.put("expected", o.item().expected());
        entry.put("fired", o.fired());
        entry.put("evidence", o.evidence());
        entry.put("question", o.item().question());
        if (!o.redacted() || !o.kept()) {
            entry.put("screened", o.screened());
        }
        return entry;
    }
}
