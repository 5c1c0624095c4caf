package org.pathwise.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.pathwise.CliCommand;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pathwise page-benchmark --url URL --user NAME [--password P] [--page PATH]... [--rounds 20] [--warm-up 3]
 * [--json]}: how long a running instance takes to render each page for one user ({@link PageBenchmark}), p50, p95 and
 * the largest time per page. The password comes from {@code --password} or {@code $PATHWISE_PASSWORD}. A page the user
 * may not open is reported with its status and not timed. Exits 1 when no page answered 200.
 */
@Component
@Command(
        mixinStandardHelpOptions = true,
        name = "page-benchmark",
        description = "Time how long a running instance takes to render its pages for one user.")
final class PageBenchmarkCommand implements CliCommand {

    private static final String NAME = "pathwise page-benchmark: ";

    /** The pages fetched by default: each role's first pages, with what they list. */
    static final List<String> PAGES = List.of(
            "/", "/ask", "/library", "/pathways/path", "/admin/users", "/audit", "/audit/dashboard", "/audit/runs");

    @Option(names = "--url", required = true, paramLabel = "URL", description = "The instance's base URL.")
    String url;

    @Option(names = "--user", required = true, paramLabel = "NAME", description = "Who signs in.")
    String user;

    @Option(names = "--password", paramLabel = "P", description = "Their password (default: $PATHWISE_PASSWORD).")
    String password;

    @Option(
            names = "--page",
            paramLabel = "PATH",
            description = "A page to time (repeatable; default: /, /ask, /library, /pathways/path, /admin/users,"
                    + " /audit, /audit/dashboard and /audit/runs).")
    List<String> pages;

    @Option(names = "--rounds", paramLabel = "N", description = "Counted fetches of each page (default: 20).")
    int rounds = 20;

    @Option(names = "--warm-up", paramLabel = "N", description = "Uncounted fetches of each page first (default: 3).")
    int warmUp = 3;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Override
    public int run(PrintWriter out, PrintWriter err) {
        var secret = password != null ? password : System.getenv("PATHWISE_PASSWORD");
        if (secret == null || secret.isEmpty()) {
            err.println(NAME + "give the user's password with --password or PATHWISE_PASSWORD");
            return USAGE;
        }
        PageBenchmark.Settings settings;
        try {
            var instance = LoadTestCommand.instance(url);
            settings =
                    new PageBenchmark.Settings(instance, user, secret, pages == null ? PAGES : pages, rounds, warmUp);
        } catch (IllegalArgumentException e) {
            err.println(NAME + e.getMessage());
            return USAGE;
        }
        List<PageBenchmark.Timing> timings;
        try {
            timings = PageBenchmark.run(settings);
        } catch (IOException e) {
            err.println(NAME + "can't reach " + url + ": " + e.getMessage());
            return FAILED;
        } catch (IllegalStateException e) {
            err.println(NAME + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(NAME + "interrupted");
            return FAILED;
        }
        if (json) {
            var report = new LinkedHashMap<String, Object>();
            report.put("url", url);
            report.put("user", user);
            report.put("rounds", rounds);
            report.put(
                    "pages",
                    timings.stream()
                            .map(t -> {
                                var page = new LinkedHashMap<String, Object>();
                                page.put("page", t.page());
                                page.put("status", t.status());
                                page.put("bytes", t.bytes());
                                if (t.ok()) {
                                    page.put("p50_ms", round(t.millis().p50()));
                                    page.put("p95_ms", round(t.millis().p95()));
                                    page.put("p99_ms", round(t.millis().p99()));
                                }
                                return page;
                            })
                            .toList());
            out.println(CliCommand.json(report));
        } else {
            out.printf(
                    Locale.ROOT,
                    "%-22s %6s %8s %9s %9s %9s%n",
                    "page",
                    "status",
                    "bytes",
                    "p50 ms",
                    "p95 ms",
                    "p99 ms");
            for (var t : timings) {
                if (t.ok()) {
                    out.printf(
                            Locale.ROOT,
                            "%-22s %6d %8d %9.1f %9.1f %9.1f%n",
                            t.page(),
                            t.status(),
                            t.bytes(),
                            t.millis().p50(),
                            t.millis().p95(),
                            t.millis().p99());
                } else {
                    out.printf(Locale.ROOT, "%-22s %6d %8d  not timed%n", t.page(), t.status(), t.bytes());
                }
            }
        }
        out.flush();
        return timings.stream().anyMatch(PageBenchmark.Timing::ok) ? OK : FAILED;
    }

    private static double round(double millis) {
        return Math.round(millis * 10) / 10.0;
    }
}
