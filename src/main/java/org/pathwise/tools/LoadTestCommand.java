package org.pathwise.tools;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pathwise.CliCommand;
import org.pathwise.evaluation.QuestionSets;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pathwise load-test --url URL [--url URL]... --token TOKEN [--clients 16] [--seconds 60] [--warm-up 10]
 * [--ask-share 0.25] [--questions FILE] [--attackers 0] [--attack-user NAME]... [--json]}: closed-loop load on running instances, mixed searches and asks
 * (see {@link LoadTest}); prints throughput, errors and latency percentiles per kind and the requests per instance.
 * Exits 1 when any request failed. The instances' rate limits apply to the token's user: turn them off (0) for a load test
 * ({@code PATHWISE_SECURITY_RATE_LIMITS_SEARCH}, {@code _ASK}). Attackers (wrong passwords and tokens) are reported
 * apart, by status, and do not count as errors.
 */
@Component
@Command(
        mixinStandardHelpOptions = true,
        name = "load-test",
        description = "Load running instances with concurrent searches and asks; report figures.")
final class LoadTestCommand implements CliCommand {

    private static final String NAME = "pathwise load-test: ";

    @Option(names = "--url", required = true, paramLabel = "URL", description = "An instance's base URL (repeatable).")
    List<String> urls;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "A bearer token (default: $PATHWISE_TOKEN) of a user who may search and ask.")
    String token;

    @Option(names = "--clients", paramLabel = "N", description = "Concurrent clients (default: 16).")
    int clients = 16;

    @Option(names = "--seconds", paramLabel = "S", description = "Seconds counted (default: 60).")
    int seconds = 60;

    @Option(names = "--warm-up", paramLabel = "S", description = "Seconds run before counting (default: 10).")
    int warmUp = 10;

    @Option(names = "--ask-share", paramLabel = "P", description = "Share of requests that are asks (default: 0.25).")
    double askShare = 0.25;

    @Option(
            names = "--questions",
            paramLabel = "FILE",
            description = "A question set (JSON Lines with \"question\"; default: the bundled sample-library set).")
    Path questions;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the clients' draws (default: 42).")
    long seed = 42;

    @Option(
            names = "--attackers",
            paramLabel = "N",
            description = "Extra clients sending wrong passwords and tokens as fast as they can (default: 0).")
    int attackers = 0;

    @Option(
            names = "--attack-user",
            paramLabel = "NAME",
            description = "A username the attackers try (repeatable; default: admin, besides random names).")
    List<String> attackUsers = List.of("admin");

    @Option(
            names = "--openai",
            description = "Ask through the OpenAI-compatible POST /v1/chat/completions instead of POST /api/ask.")
    boolean openAi;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Override
    public int run(PrintWriter out, PrintWriter err) {
        var bearer = token != null ? token : System.getenv("PATHWISE_TOKEN");
        if (bearer == null || bearer.isBlank()) {
            err.println(NAME + "give a bearer token with --token or PATHWISE_TOKEN (POST /api/tokens creates one)");
            return USAGE;
        }
        LoadTest.Settings settings;
        try {
            var asked = questions == null ? QuestionSets.bundled("sample-library") : QuestionSets.questions(questions);
            settings = new LoadTest.Settings(
                    urls.stream().map(LoadTestCommand::instance).toList(),
                    bearer.strip(),
                    clients,
                    Duration.ofSeconds(seconds),
                    Duration.ofSeconds(Math.max(0, warmUp)),
                    askShare,
                    asked,
                    seed,
                    attackers,
                    attackUsers,
                    openAi);
        } catch (IllegalArgumentException e) {
            err.println(NAME + e.getMessage());
            return USAGE;
        }
        err.println(NAME + clients + " clients and " + attackers + " attackers on " + urls.size() + " instance(s) for "
                + warmUp + " s of warm-up and " + seconds + " s counted");
        err.flush();
        LoadTest.Result result;
        try {
            result = LoadTest.run(settings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(NAME + "interrupted");
            return FAILED;
        }
        var all = result.byKind().get("all");
        if (json) {
            var report = new LinkedHashMap<String, Object>();
            report.put("clients", clients);
            report.put("seconds", seconds);
            report.put("instances", urls);
            result.byKind().forEach((kind, figures) -> report.put(kind, figures(figures)));
            var perInstance = new LinkedHashMap<String, Object>();
            result.byInstance()
                    .forEach((url, counts) -> perInstance.put(url, Map.of("requests", counts[0], "errors", counts[1])));
            report.put("per_instance", perInstance);
            report.put("first_errors", result.firstErrors());
            report.put("attackers", attackers);
            report.put("attack_requests", result.attackRequests());
            var byStatus = new LinkedHashMap<String, Long>();
            new java.util.TreeMap<>(result.attacks())
                    .forEach((status, count) -> byStatus.put(status.toString(), count));
            report.put("attack_statuses", byStatus);
            out.println(CliCommand.json(report));
        } else {
            out.printf(
                    Locale.ROOT,
                    "%-8s %9s %7s %9s %9s %9s %9s%n",
                    "kind",
                    "requests",
                    "errors",
                    "req/s",
                    "p50 ms",
                    "p95 ms",
                    "p99 ms");
            result.byKind()
                    .forEach((kind, f) -> out.printf(
                            Locale.ROOT,
                            "%-8s %9d %7d %9.1f %9.1f %9.1f %9.1f%n",
                            kind,
                            f.requests(),
                            f.errors(),
                            f.perSecond(),
                            f.latencyMs() == null ? 0 : f.latencyMs().p50(),
                            f.latencyMs() == null ? 0 : f.latencyMs().p95(),
                            f.latencyMs() == null ? 0 : f.latencyMs().p99()));
            result.byInstance()
                    .forEach((url, counts) ->
                            out.printf(Locale.ROOT, "%s: %d requests, %d errors%n", url, counts[0], counts[1]));
            result.firstErrors().forEach(error -> out.println("error: " + error));
            if (attackers > 0) {
                out.printf(
                        Locale.ROOT,
                        "attackers: %d clients, %d requests (%.1f/s), by status: %s%n",
                        attackers,
                        result.attackRequests(),
                        result.attackRequests() / (double) seconds,
                        new java.util.TreeMap<>(result.attacks()));
            }
        }
        out.flush();
        return all.errors() == 0 && all.requests() > 0 ? OK : FAILED;
    }

    private static Map<String, Object> figures(LoadTest.Figures figures) {
        var map = new LinkedHashMap<String, Object>();
        map.put("requests", figures.requests());
        map.put("errors", figures.errors());
        map.put("per_second", Math.round(figures.perSecond() * 10) / 10.0);
        if (figures.latencyMs() != null) {
            map.put("p50_ms", Math.round(figures.latencyMs().p50() * 10) / 10.0);
            map.put("p95_ms", Math.round(figures.latencyMs().p95() * 10) / 10.0);
            map.put("p99_ms", Math.round(figures.latencyMs().p99() * 10) / 10.0);
        }
        return map;
    }

    /** A base URL given with {@code --url}, checked: an http(s) URL with a host. */
    static URI instance(String url) {
        try {
            var uri = URI.create(url.strip());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException(
                        "--url must be an http(s) URL such as http://localhost:8080, got " + url);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    e.getMessage().startsWith("--url") ? e.getMessage() : "--url " + url + " is not a URL", e);
        }
    }
}
