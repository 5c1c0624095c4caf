package org.pathwise.audit;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import org.pathwise.CliCommand;
import org.pathwise.stats.Percentiles;

/**
 * Closed-loop load on one or more Pathwise instances over HTTP: each client, on a virtual thread of its own, sends a
 * request, waits for the answer and sends the next, until the time is up. Client {@code i} talks to instance
 * {@code i mod n}; each request is an ask ({@code POST /api/ask}) with probability {@code askShare}, else a hybrid
 * search ({@code GET /api/search}), with a question drawn from the set. A request whose status is not 2xx, or that
 * fails, is an error. Requests that end during the warm-up are not counted.
 */
final class LoadTest {

    /**
     * What to run.
     *
     * @param instances base URLs, such as {@code http://localhost:8080}
     * @param token a bearer token of a user allowed to search and ask
     * @param clients concurrent clients
     * @param duration how long the counted part lasts
     * @param warmUp how long the clients run before counting starts
     * @param askShare the share of requests that are asks, in [0, 1]
     * @param questions the questions to draw from
     * @param seed the seed of every client's draws
     */
    record Settings(
            List<URI> instances,
            String token,
            int clients,
            Duration duration,
            Duration warmUp,
            double askShare,
            List<String> questions,
            long seed) {

        Settings {
            instances = List.copyOf(instances);
            questions = List.copyOf(questions);
            if (instances.isEmpty()) {
                throw new IllegalArgumentException("name at least one instance");
            }
            Objects.requireNonNull(token, "token");
            if (clients < 1) {
                throw new IllegalArgumentException("clients must be at least 1, got " + clients);
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("the duration must be positive");
            }
            if (!(askShare >= 0 && askShare <= 1)) {
                throw new IllegalArgumentException("the ask share must be in [0, 1], got " + askShare);
            }
            if (questions.isEmpty()) {
                throw new IllegalArgumentException("the question set is empty");
            }
        }
    }

    /** One counted request. */
    record Sample(String kind, URI instance, int status, double millis, String error) {

        boolean failed() {
            return error != null || status < 200 || status >= 300;
        }
    }

    /**
     * The figures of one kind of request (or of all).
     *
     * @param requests counted requests
     * @param errors of them, failed
     * @param perSecond requests per second over the counted part
     * @param latencyMs nearest-rank percentiles of the latency
     */
    record Figures(long requests, long errors, double perSecond, Percentiles latencyMs) {}

    /**
     * What a load test measured.
     *
     * @param byKind {@code search}, {@code ask} and {@code all}
     * @param byInstance requests and errors per instance
     * @param firstErrors up to ten error descriptions, for the report
     */
    record Result(Map<String, Figures> byKind, Map<String, long[]> byInstance, List<String> firstErrors) {}

    private LoadTest() {}

    static Result run(Settings settings) throws InterruptedException {
        var http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        long start = System.nanoTime();
        long counting = start + settings.warmUp().toNanos();
        long end = counting + settings.duration().toNanos();
        var samples = new ConcurrentLinkedQueue<Sample>();
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < settings.clients(); c++) {
            var instance = settings.instances().get(c % settings.instances().size());
            var random = new SplittableRandom(settings.seed() + c);
            threads.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    var question = settings.questions()
                            .get(random.nextInt(settings.questions().size()));
                    boolean ask = random.nextDouble() < settings.askShare();
                    long sent = System.nanoTime();
                    var sample = send(http, settings.token(), instance, ask, question, sent);
                    if (sent >= counting && System.nanoTime() <= end) {
                        samples.add(sample);
                    }
                }
            }));
        }
        for (var thread : threads) {
            thread.join();
        }
        return summarise(List.copyOf(samples), settings.duration());
    }

    private static Sample send(HttpClient http, String token, URI instance, boolean ask, String question, long sent) {
        var kind = ask ? "ask" : "search";
        try {
            var builder =
                    HttpRequest.newBuilder().timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
            if (ask) {
                builder.uri(instance.resolve("/api/ask"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(CliCommand.json(Map.of("question", question))));
            } else {
                builder.uri(instance.resolve(
                                "/api/search?k=5&mode=hybrid&q=" + URLEncoder.encode(question, StandardCharsets.UTF_8)))
                        .GET();
            }
            var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            double millis = (System.nanoTime() - sent) / 1e6;
            var error = response.statusCode() / 100 == 2
                    ? null
                    : kind + " " + response.statusCode() + ": "
                            + response.body()
                                    .substring(0, Math.min(200, response.body().length()));
            return new Sample(kind, instance, response.statusCode(), millis, error);
        } catch (java.io.IOException e) {
            return new Sample(kind, instance, 0, (System.nanoTime() - sent) / 1e6, kind + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sample(kind, instance, 0, (System.nanoTime() - sent) / 1e6, kind + ": interrupted");
        }
    }

    static Result summarise(List<Sample> samples, Duration duration) {
        var byKind = new LinkedHashMap<String, Figures>();
        for (var kind : List.of("search", "ask", "all")) {
            var chosen = samples.stream()
                    .filter(s -> kind.equals("all") || s.kind().equals(kind))
                    .toList();
            byKind.put(
                    kind,
                    new Figures(
                            chosen.size(),
                            chosen.stream().filter(Sample::failed).count(),
                            chosen.size() / (duration.toNanos() / 1e9),
                            chosen.isEmpty()
                                    ? null
                                    : Percentiles.of(chosen.stream()
                                            .mapToDouble(Sample::millis)
                                            .toArray())));
        }
        var byInstance = new LinkedHashMap<String, long[]>();
        for (var sample : samples) {
            var counts = byInstance.computeIfAbsent(sample.instance().toString(), i -> new long[2]);
            counts[0]++;
            if (sample.failed()) {
                counts[1]++;
            }
        }
        var errors = samples.stream()
                .filter(Sample::failed)
                .map(s -> s.error() == null ? s.kind() + " " + s.status() : s.error())
                .distinct()
                .limit(10)
                .toList();
        return new Result(byKind, byInstance, errors);
    }
}
