package org.pathwise.evaluation;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.pathwise.CliCommand;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code pathwise eval <questions.jsonl> --url URL}: runs a question set on a running service instead of on a data
 * directory (which the service holds while it runs). The set is sent as {@code POST /api/audit/runs}, the run is
 * followed until it ends, then its summary is printed and gated exactly as a local run's. The service stores the run and
 * its report; like every run, it records nothing in the audit log.
 */
final class RemoteRun {

    private static final String NAME = "pathwise eval: ";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How often the run's state is asked for. */
    static final Duration POLL = Duration.ofMillis(500);

    private RemoteRun() {}

    static int run(EvalCommand command, PrintWriter out, PrintWriter err) {
        var bearer = command.token != null ? command.token : System.getenv("PATHWISE_TOKEN");
        if (bearer == null || bearer.isBlank()) {
            err.println(
                    NAME + "--url needs a bearer token with --token or PATHWISE_TOKEN (POST /api/tokens creates one)");
            return CliCommand.USAGE;
        }
        RegressionGate gate;
        Map<String, Object> baseline = null;
        try {
            gate = RegressionGate.parse(command.maxDrops);
            if (!command.maxDrops.isEmpty() && command.baseline == null) {
                throw new IllegalArgumentException("--max-drop needs --baseline");
            }
            if (command.baseline != null) {
                if (!Files.isRegularFile(java.nio.file.Path.of(command.baseline))) {
                    throw new IllegalArgumentException(
                            "with --url, --baseline must be a report.json or eval --json file, got "
                                    + command.baseline);
                }
                baseline = QuestionSetRun.baseline(command.baseline, null);
            }
            // checked here too, so that a bad set is reported before anything is sent
            QuestionSet.read(command.dataset).only(command.split);
        } catch (IllegalArgumentException e) {
            err.println(NAME + e.getMessage());
            return CliCommand.USAGE;
        }
        var base = command.url.replaceAll("/+$", "");
        var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            var query = "name=" + encode(command.dataset.getFileName().toString()) + "&split="
                    + command.split.label()
                    + (command.limitQueries == null ? "" : "&limit=" + command.limitQueries);
            var started = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/audit/runs?" + query))
                            .header("Authorization", "Bearer " + bearer.strip())
                            .header("Content-Type", "application/jsonl")
                            .POST(HttpRequest.BodyPublishers.ofFile(command.dataset))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (started.statusCode() != 202) {
                err.println(NAME + refusal(started));
                return started.statusCode() / 100 == 4 && started.statusCode() != 409
                        ? CliCommand.USAGE
                        : CliCommand.FAILED;
            }
            var id = JSON.readTree(started.body()).get("id").asString();
            err.println(NAME + "run " + id + " started on " + base);
            JsonNode run;
            while (true) {
                var state = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/audit/runs/" + encode(id)))
                                .header("Authorization", "Bearer " + bearer.strip())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (state.statusCode() != 200) {
                    err.println(NAME + refusal(state));
                    return CliCommand.FAILED;
                }
                run = JSON.readTree(state.body());
                if (!run.path("status").asString("").equals("running")) {
                    break;
                }
                Thread.sleep(POLL);
            }
            if (!run.path("status").asString("").equals("done")) {
                err.println(
                        NAME + "run " + id + " failed: " + run.path("reason").asString("(no reason given)"));
                return CliCommand.FAILED;
            }
            var page = base + "/audit/runs/" + id;
            return QuestionSetRun.finish(
                    command,
                    id,
                    JSON.convertValue(run.get("summary"), new TypeReference<Map<String, Object>>() {}),
                    run.get("items"),
                    page + "/report.html",
                    page,
                    gate,
                    baseline,
                    out,
                    err);
        } catch (IllegalArgumentException e) {
            err.println(NAME + e.getMessage());
            return CliCommand.USAGE;
        } catch (IOException e) {
            err.println(NAME + "can't reach " + base + ": " + e.getMessage());
            return CliCommand.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(NAME + "interrupted while waiting for the run");
            return CliCommand.FAILED;
        }
    }

    /** What a refusing service said: its problem's detail (or title), with the status. */
    private static String refusal(HttpResponse<String> response) {
        try {
            var problem = JSON.readTree(response.body());
            var detail = problem.path("detail").asString(problem.path("title").asString(""));
            if (!detail.isBlank()) {
                return detail + " (HTTP " + response.statusCode() + ")";
            }
        } catch (RuntimeException e) {
            // not a problem document: the status says enough
        }
        return "the service answered HTTP " + response.statusCode();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
