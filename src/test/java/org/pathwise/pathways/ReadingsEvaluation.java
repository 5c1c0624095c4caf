package org.pathwise.pathways;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pathwise.retrieval.Embedder;
import org.pathwise.retrieval.PassageIndex;
import org.pathwise.retrieval.Search;
import org.pathwise.retrieval.SearchFilter;
import org.pathwise.retrieval.SearchMode;
import org.pathwise.retrieval.SearchRequest;
import org.pathwise.retrieval.TestSearch;
import org.pathwise.stats.Bootstrap;
import org.pathwise.stats.Proportions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures the readings of a plan's steps ({@link PlanDocuments}) on The Carpentries' lessons, which the project did
 * not write, fits its relevance floor on one half and reports on the other. Not a test that the build runs (its name
 * says so); run it from the project's folder after building the evaluation library and ingesting it:
 *
 * <pre>
 * python3 eval/scripts/carpentries_library.py ../shared/datasets/carpentries /tmp/carp-lib
 * ./mvnw -q package -DskipTests
 * java -jar target/pathwise.jar --data-dir /tmp/carp-data ingest /tmp/carp-lib
 * ./mvnw -q test -Dtest=ReadingsEvaluation -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dpathwise.readings.data-dir=/tmp/carp-data -Dpathwise.readings.datasets=../shared/datasets
 * cat target/readings-evaluation.md
 * </pre>
 *
 * <p>Each episode in the library is a course: its title, and its learning objectives joined as its description (the
 * library script took the objectives out of the episodes, so they are not copied text). The right reading is the
 * episode's own file; a reading of another episode of the same lesson counts towards the same-lesson share. SciFact's
 * claims (biomedical findings) are courses that nothing in the library is about: a reading listed for one is a wrong
 * one. Episodes of even {@code order} and claims of even id are the calibration half, on which the floor is fitted
 * (the floor that maximises the episodes' hit@3 minus the share of claims that list anything, the middle of the
 * widest range of floors that reach it); the others are the test half, reported. The old method is the lexical search
 * for the course's title alone, as steps searched before for their competences' titles, without a floor.
 *
 * <p>It is skipped when the library or the datasets are missing. The run fails when the floor it fits differs from {@link PlanDocuments#FLOOR} by more than the constant's
 * rounding, so that a change of the search or the model that moves the floor is noticed.
 */
class ReadingsEvaluation {

    private static final Path DATA_DIR = Path.of(System.getProperty("pathwise.readings.data-dir", "/tmp/carp-data"));
    private static final Path DATASETS =
            Path.of(System.getProperty("pathwise.readings.datasets", "../shared/datasets"));
    private static final Path HELD_OUT = Path.of("eval/datasets/carpentries-held-out.txt");
    private static final Path REPORT =
            Path.of(System.getProperty("pathwise.readings.report", "target/readings-evaluation.md"));
    private static final int RESAMPLES = 1000;
    private static final long SEED = 42;

    /** A course and where it belongs. */
    private record Case(Course course, boolean calibration, String file, String lesson) {

        boolean episode() {
            return file != null;
        }
    }

    /** The readings of one case by one method. */
    private record Listed(Case of, List<Plan.Document> readings) {

        boolean hit(int k) {
            return readings.stream().limit(k).anyMatch(d -> d.source().equals(of.file()));
        }

        long sameLesson() {
            return readings.stream()
                    .filter(d -> d.source().startsWith(of.lesson() + "/"))
                    .count();
        }
    }

    @Test
    void measuresTheReadingsOfTheCarpentriesEpisodes() throws IOException {
        assumeTrue(
                Files.isDirectory(DATA_DIR.resolve("index"))
                        && Files.isRegularFile(DATASETS.resolve("carpentries/catalog.json"))
                        && Files.isRegularFile(DATASETS.resolve("beir-scifact/queries.jsonl")),
                "needs the Carpentries library ingested into " + DATA_DIR + " and the datasets in " + DATASETS
                        + ": see this class's Javadoc");
        var cases = new ArrayList<Case>();
        cases.addAll(episodes());
        cases.addAll(claims());
        var framework = Bundled.get().frameworks.digCompEdu();
        var candidates = new LinkedHashMap<Case, List<PlanDocuments.Candidate>>();
        var old = new LinkedHashMap<Case, List<Plan.Document>>();
        try (var index = PassageIndex.lucene(DATA_DIR.resolve("index"), Embedder.bgeSmallEnV15Quantized())) {
            var search = TestSearch.over(index);
            var readings = new PlanDocuments(search, framework);
            for (var c : cases) {
                candidates.put(c, readings.candidates(c.course()));
                old.put(c, titleOnly(search, c.course()));
            }
        }

        var calibration = cases.stream().filter(Case::calibration).toList();
        var fitted = fit(calibration, candidates);

        var report = new StringBuilder();
        report.append("# Readings of a plan's steps on The Carpentries\n\n");
        report.append(String.format(
                Locale.ROOT,
                "Library: %s. Floor fitted on the calibration half: %.4f, the middle of %.3f to %.3f, the floors where"
                        + " hit@3 minus the share of claims listing a reading is highest (%.3f); PlanDocuments.FLOOR ="
                        + " %.2f.%n%n",
                DATA_DIR,
                fitted.floor(),
                fitted.low(),
                fitted.high(),
                fitted.objective(),
                PlanDocuments.FLOOR));
        var methods = new LinkedHashMap<String, Function<Case, List<Plan.Document>>>();
        methods.put("old: lexical, title", old::get);
        methods.put("new, no floor", c -> PlanDocuments.choose(candidates.get(c), 0));
        methods.put(
                String.format(Locale.ROOT, "new, floor %.2f", PlanDocuments.FLOOR),
                c -> PlanDocuments.choose(candidates.get(c), PlanDocuments.FLOOR));
        for (boolean half : new boolean[] {true, false}) {
            var split = cases.stream().filter(c -> c.calibration() == half).toList();
            long episodes = split.stream().filter(Case::episode).count();
            report.append(String.format(
                    Locale.ROOT,
                    "## %s half: %d episodes, %d claims%n%n",
                    half ? "Calibration" : "Test",
                    episodes,
                    split.size() - episodes));
            report.append("| method | hit@1 | hit@3 | same lesson | readings per episode | claims listing any |\n");
            report.append("|---|---|---|---|---|---|\n");
            methods.forEach((name, method) -> report.append(row(
                    name,
                    split.stream().map(c -> new Listed(c, method.apply(c))).toList())));
            report.append('\n');
        }
        Files.createDirectories(REPORT.toAbsolutePath().getParent());
        Files.writeString(REPORT, report);

        assertThat(fitted.floor()).isCloseTo(PlanDocuments.FLOOR, org.assertj.core.data.Offset.offset(0.005));
    }

    /** What the steps listed before: the lexical search for the title, the first three documents, no floor. */
    private static List<Plan.Document> titleOnly(Search search, Course course) {
        var found = new LinkedHashMap<String, Plan.Document>();
        for (var hit :
                search.search(new SearchRequest(course.title(), 10, SearchMode.LEXICAL, SearchFilter.NONE, false))) {
            var passage = hit.passage();
            found.putIfAbsent(
                    passage.facets().source(),
                    new Plan.Document(
                            passage.facets().source(),
                            passage.facets().title(),
                            passage.heading(),
                            passage.position(),
                            passage.documentId(),
                            passage.ordinal()));
        }
        return found.values().stream().limit(PlanDocuments.PER_STEP).toList();
    }

    /**
     * The floors that maximise the episodes' hit@3 minus the share of claims listing a reading, on a grid of steps of
     * 0.005: the widest run of grid floors that reach the maximum, and the maximum.
     *
     * @param low the run's lowest floor
     * @param high the run's highest floor
     * @param objective the maximum
     */
    private record Fit(double low, double high, double objective) {

        /** The middle of the run. */
        double floor() {
            return (low + high) / 2;
        }
    }

    private static Fit fit(List<Case> calibration, Map<Case, List<PlanDocuments.Candidate>> candidates) {
        var episodes = calibration.stream().filter(Case::episode).toList();
        var claims = calibration.stream().filter(c -> !c.episode()).toList();
        int steps = 200;
        var objective = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            double floor = i / (double) steps;
            long hits = episodes.stream()
                    .filter(c -> new Listed(c, PlanDocuments.choose(candidates.get(c), floor)).hit(3))
                    .count();
            long listing = claims.stream()
                    .filter(c -> !PlanDocuments.choose(candidates.get(c), floor).isEmpty())
                    .count();
            objective[i] = (double) hits / episodes.size() - (double) listing / claims.size();
        }
        double best = java.util.Arrays.stream(objective).max().orElseThrow();
        int bestStart = 0;
        int bestLength = 0;
        for (int i = 0; i <= steps; i++) {
            if (objective[i] == best) {
                int start = i;
                while (i + 1 <= steps && objective[i + 1] == best) {
                    i++;
                }
                if (i - start + 1 > bestLength) {
                    bestStart = start;
                    bestLength = i - start + 1;
                }
            }
        }
        return new Fit(bestStart / (double) steps, (bestStart + bestLength - 1) / (double) steps, best);
    }

    private static String row(String method, List<Listed> listed) {
        var episodes = listed.stream().filter(l -> l.of().episode()).toList();
        var claims = listed.stream().filter(l -> !l.of().episode()).toList();
        int n = episodes.size();
        long hit1 = episodes.stream().filter(l -> l.hit(1)).count();
        long hit3 = episodes.stream().filter(l -> l.hit(3)).count();
        long readings = episodes.stream().mapToLong(l -> l.readings().size()).sum();
        long same = episodes.stream().mapToLong(Listed::sameLesson).sum();
        var sameInterval = Bootstrap.percentiles(
                        n,
                        sample -> {
                            long r = 0;
                            long s = 0;
                            for (int i : sample) {
                                r += episodes.get(i).readings().size();
                                s += episodes.get(i).sameLesson();
                            }
                            return r == 0 ? Map.<String, Double>of() : Map.of("same", (double) s / r);
                        },
                        RESAMPLES,
                        SEED)
                .get("same");
        long listing = claims.stream().filter(l -> !l.readings().isEmpty()).count();
        return String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %.2f | %s |%n",
                method,
                proportion(hit1, n),
                proportion(hit3, n),
                readings == 0
                        ? "-"
                        : String.format(
                                Locale.ROOT,
                                "%.2f [%.2f, %.2f]",
                                (double) same / readings,
                                sameInterval.low(),
                                sameInterval.high()),
                (double) readings / n,
                proportion(listing, claims.size()));
    }

    private static String proportion(long k, long n) {
        var interval = Proportions.wilson(k, n);
        return String.format(
                Locale.ROOT, "%d/%d = %.2f [%.2f, %.2f]", k, n, (double) k / n, interval.low(), interval.high());
    }

    /** The episodes the library holds: the catalogue's, less the held-out ones, in the catalogue's order. */
    private static List<Case> episodes() throws IOException {
        var heldOut = Files.readAllLines(HELD_OUT).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .collect(Collectors.toSet());
        var catalog = JsonMapper.builder()
                .build()
                .readTree(DATASETS.resolve("carpentries/catalog.json").toFile());
        var cases = new ArrayList<Case>();
        for (JsonNode lesson : catalog) {
            for (JsonNode episode : lesson.get("episodes")) {
                var file = episode.get("file").asString();
                if (heldOut.contains(file)) {
                    continue;
                }
                var objectives = episode.get("objectives")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList();
                var course = course(
                        episode.get("id").asString(), episode.get("title").asString(), String.join(" ", objectives));
                cases.add(new Case(
                        course,
                        episode.get("order").asInt() % 2 == 0,
                        file,
                        lesson.get("lesson_id").asString()));
            }
        }
        return cases;
    }

    /** SciFact's claims, courses that nothing in the library is about. */
    private static List<Case> claims() throws IOException {
        var mapper = JsonMapper.builder().build();
        var cases = new ArrayList<Case>();
        for (var line : Files.readAllLines(DATASETS.resolve("beir-scifact/queries.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            var claim = mapper.readTree(line);
            var id = claim.get("_id").asString();
            cases.add(new Case(
                    course("scifact-" + id, claim.get("text").asString(), ""),
                    Long.parseLong(id) % 2 == 0,
                    null,
                    null));
        }
        return cases;
    }

    private static Course course(String id, String title, String description) {
        return new Course(
                id,
                title,
                1,
                Set.of("en"),
                Delivery.ONLINE,
                Map.of(),
                Map.of(),
                List.of(),
                "",
                "",
                description,
                "course");
    }
}
