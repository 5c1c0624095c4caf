package org.pathwise.tools;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import org.pathwise.CliCommand;
import org.pathwise.stats.Percentiles;

/**
 * Closed-loop load on one or more Pathwise instances over HTTP: each client, on a virtual thread of its own, sends a
 * request, waits for the answer and sends the next, until the time is up. Client {@code i} talks to instance
 * {@code i mod n}; each request is an ask ({@code POST /api/ask}) with probability {@code askShare}, else a hybrid
 * search ({@code GET /api/search}), with a question drawn from the set. A request whose status is not 2xx, or that
 * fails, is an error. Requests that end during the warm-up are not counted.
 *
 * <p>With attackers, as many more clients send wrong credentials as fast as they can, in turn HTTP Basic with a
 * wrong password for a username drawn from {@code attackUsernames} (or a random one) and a random bearer token, to
 * {@code GET /api/search}; their requests are counted apart, by status, and are not part of the real clients'
 * figures, so the report shows what guessing does to everybody else.
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
     * @param attackers clients sending wrong credentials, 0 or more
     * @param attackUsernames usernames the attackers try (besides random ones)
     * @param openAi whether asks go through the OpenAI-compatible {@code POST /v1/chat/completions} rather than
     *     {@code POST /api/ask}
     */
    record Settings(
            List<URI> instances,
            String token,
            int clients,
            Duration duration,
            Duration warmUp,
            double askShare,
            List<String> questions,
            long seed,
            int attackers,
            List<String> attackUsernames,
            boolean openAi) {

        Settings {
            instances = List.copyOf(instances);
            questions = List.copyOf(questions);
            attackUsernames = List.copyOf(attackUsernames);
            if (attackers < 0) {
                throw new IllegalArgumentException("attackers must be 0 or more, got " + attackers);
            }
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
     * @param attacks the attackers' counted requests by HTTP status (0: no answer), in status order
     */
    record Result(
            Map<String, Figures> byKind,
            Map<String, long[]> byInstance,
            List<String> firstErrors,
            Map<Integer, Long> attacks) {

        Result {
            attacks = Map.copyOf(attacks);
        }

        long attackRequests() {
            return attacks.values().stream().mapToLong(Long::longValue).sum();
        }
    }

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
                    var sample = send(http, settings, instance, ask, question, sent);
                    if (sent >= counting && System.nanoTime() <= end) {
                        samples.add(sample);
                    }
                }
            }));
        }
        var attacks = new ConcurrentHashMap<Integer, LongAdder>();
        for (int a = 0; a < settings.attackers(); a++) {
            var instance = settings.instances().get(a % settings.instances().size());
            var random = new SplittableRandom(settings.seed() + 1_000_000 + a);
            threads.add(Thread.ofVirtual().start(() -> {
                for (long n = 0; System.nanoTime() < end; n++) {
                    long sent = System.nanoTime();
                    int status =
                            attack(http, instance, n % 2 == 0 ? wrongPassword(settings, random) : wrongToken(random));
                    if (sent >= counting && System.nanoTime() <= end) {
                        attacks.computeIfAbsent(status, s -> new LongAdder()).increment();
                    }
                }
            }));
        }
        for (var thread : threads) {
            thread.join();
        }
        var result = summarise(List.copyOf(samples), settings.duration());
        var counted = new TreeMap<Integer, Long>();
        attacks.forEach((status, count) -> counted.put(status, count.sum()));
        return new Result(result.byKind(), result.byInstance(), result.firstErrors(), counted);
    }

    private static String wrongPassword(Settings settings, SplittableRandom random) {
        var names = settings.attackUsernames();
        var username = names.isEmpty() || random.nextInt(4) == 0
                ? "user" + random.nextInt(1000)
                : names.get(random.nextInt(names.size()));
        var credentials = username + ":wrong password " + random.nextLong();
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static String wrongToken(SplittableRandom random) {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        return "Bearer pw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Sends one request with wrong credentials; its status, or 0 when it got no answer. */
    private static int attack(HttpClient http, URI instance, String authorization) {
        try {
            var request = HttpRequest.newBuilder(instance.resolve("/api/search?q=rubric"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", authorization)
                    .GET()
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static Sample send(
            HttpClient http, Settings settings, URI instance, boolean ask, String question, long sent) {
        var token = settings.token();
        var kind = ask ? "ask" : "search";
        try {
            var builder =
                    HttpRequest.newBuilder().timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
            if (ask && settings.openAi()) {
                var body =
                        Map.of("model", "pathwise", "messages", List.of(Map.of("role", "user", "content", question)));
                builder.uri(instance.resolve("/v1/chat/completions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(CliCommand.json(body)));
            } else if (ask) {
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
        return new Result(byKind, byInstance, errors, Map.of());
    }
}
