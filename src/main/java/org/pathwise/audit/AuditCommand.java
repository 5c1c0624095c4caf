package org.pathwise.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pathwise.CliCommand;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pathwise audit verify [--json]} and {@code pathwise audit export [--format jsonl|csv] [--out FILE]
 * [filters]}.
 *
 * <p>{@code verify} walks the audit chain: exit 0 and the record count when it is intact, exit 1 naming the first
 * broken record (sequence number, id, problem, reason) when it is not. {@code export} streams the pseudonymised records
 * to standard output or a file. Usage errors exit with 2 and one line on standard error. {@code audit benchmark} is a
 * tool's command ({@code org.pathwise.tools}), which joins this one as a sub-command.
 */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Verify, export or benchmark the audit log.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
@Component
final class AuditCommand implements CliCommand {

    @Spec
    CommandSpec spec;

    @Override
    public int run(PrintWriter out, PrintWriter err) {
        var sub = spec.commandLine().getParseResult().subcommand();
        if (sub == null) {
            err.println("pathwise audit: name what to do: verify or export (see pathwise audit --help)");
            return USAGE;
        }
        return ((CliCommand) sub.commandSpec().userObject()).run(out, err);
    }

    /** {@code pathwise audit verify [--json]}. */
    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Check that no audit record was changed, removed or inserted.")
    static final class Verify implements CliCommand {

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        private final ObjectProvider<AuditLog> auditLogProvider;

        /** Created by the command line's Spring factory, like every sub-command. */
        Verify(ObjectProvider<AuditLog> auditLogProvider) {
            this.auditLogProvider = auditLogProvider;
        }

        @Override
        public int run(PrintWriter out, PrintWriter err) {
            var verification = auditLogProvider.getObject().verify();
            out.println(json ? CliCommand.json(shape(verification)) : text(verification));
            out.flush();
            return verification instanceof Verification.Intact ? OK : FAILED;
        }

        /** The JSON shape: {@code {"intact":true,"records","first","last","head"}} or the first broken record. */
        static Map<String, Object> shape(Verification verification) {
            var shape = new LinkedHashMap<String, Object>();
            switch (verification) {
                case Verification.Intact intact -> {
                    shape.put("intact", true);
                    shape.put("records", intact.records());
                    shape.put("first", intact.first());
                    shape.put("last", intact.last());
                    shape.put("head", intact.head());
                }
                case Verification.Broken broken -> {
                    shape.put("intact", false);
                    shape.put("seq", broken.seq());
                    shape.put("id", broken.id());
                    shape.put("problem", broken.problem().label());
                    shape.put("reason", broken.reason());
                }
            }
            return shape;
        }

        static String text(Verification verification) {
            return switch (verification) {
                case Verification.Intact intact ->
                    intact.records() == 0
                            ? "The audit log is intact: it holds no records."
                            : "The audit log is intact: " + intact.records() + " records (" + intact.first() + " to "
                                    + intact.last() + "), head " + intact.head() + ".";
                case Verification.Broken broken ->
                    "The audit log is broken at record " + broken.seq() + " (" + broken.id() + "): "
                            + broken.problem().label() + ", " + broken.reason() + ".";
            };
        }
    }

    /** {@code pathwise audit export [--format jsonl|csv] [--out FILE] [filters]}. */
    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Write the pseudonymised audit records as JSON Lines or CSV.")
    static final class Export implements CliCommand {

        private static final String NAME = "pathwise audit export: ";

        @Option(names = "--format", paramLabel = "jsonl|csv", description = "jsonl (the default) or csv.")
        String format;

        @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of standard output.")
        Path file;

        @Option(names = "--kind", description = "interaction (the default), feedback, erasure, purge or all.")
        String kind;

        @Option(names = "--from", description = "Records at or after this date or instant.")
        String from;

        @Option(names = "--to", description = "Records before this instant, or up to this date included.")
        String to;

        @Option(names = "--outcome", description = "answered, abstained or refused.")
        String outcome;

        @Option(names = "--rule", description = "Records where this guardrail rule gave a verdict.")
        String rule;

        @Option(names = "--language", description = "The question's language (BCP 47).")
        String language;

        @Option(names = "--course", description = "Records that retrieved passages of this course.")
        String course;

        @Option(names = "--rating", description = "up or down: the answer's latest rating.")
        String rating;

        @Option(names = "--composer", description = "The composer that answered.")
        String composer;

        @Option(names = "--model", description = "The model that answered.")
        String model;

        @Option(names = "--prompt", description = "The prompt id and version.")
        String prompt;

        private final ObjectProvider<AuditRecords> auditRecordsProvider;

        Export(ObjectProvider<AuditRecords> auditRecordsProvider) {
            this.auditRecordsProvider = auditRecordsProvider;
        }

        @Override
        public int run(PrintWriter out, PrintWriter err) {
            RecordFilter filter;
            AuditRecords.Format chosen;
            try {
                var parameters = new LinkedHashMap<String, String>();
                parameters.put("kind", kind);
                parameters.put("from", from);
                parameters.put("to", to);
                parameters.put("outcome", outcome);
                parameters.put("rule", rule);
                parameters.put("language", language);
                parameters.put("course", course);
                parameters.put("rating", rating);
                parameters.put("composer", composer);
                parameters.put("model", model);
                parameters.put("prompt", prompt);
                filter = RecordFilter.parse(parameters);
                chosen = AuditRecords.Format.parse(format);
            } catch (IllegalArgumentException e) {
                err.println(NAME + e.getMessage());
                return USAGE;
            }
            var records = auditRecordsProvider.getObject();
            long start = System.nanoTime();
            long count;
            if (file == null) {
                count = records.export(filter, chosen, out);
            } else {
                try (Writer writer = new BufferedWriter(
                        new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
                    count = records.export(filter, chosen, writer);
                } catch (IOException e) {
                    err.println(NAME + "can't write " + file + ": " + e.getMessage());
                    return FAILED;
                } catch (UncheckedIOException e) {
                    err.println(
                            NAME + "can't write " + file + ": " + e.getCause().getMessage());
                    return FAILED;
                }
            }
            err.printf(
                    java.util.Locale.ROOT,
                    "%sexported %d records in %.1f s%n",
                    NAME,
                    count,
                    (System.nanoTime() - start) / 1e9);
            err.flush();
            return OK;
        }
    }
}
