package org.pathwise.pathways;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pathwise.YamlRecords;
import org.pathwise.retrieval.Embedder;
import org.pathwise.retrieval.Search;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The learning-paths module's façade: competency frameworks (bundled and imported), roles, the self-assessment
 * questionnaire, the course catalogue (the bundled sample until an administrator imports one), educators' profiles,
 * their plans (each step with library documents about its competences when the library has some) and cohort plans.
 */
@Component
public class Pathways {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PathwaysStore store;
    private final ObjectProvider<Search> search;
    private final ObjectProvider<Embedder> embedder;
    private volatile TagSuggester suggester;
    private final Bundled bundled = Bundled.get();
    private final Questionnaire questionnaire;
    private volatile Frameworks frameworks;
    private volatile Catalogue catalogue;

    Pathways(PathwaysStore store, ObjectProvider<Search> search, ObjectProvider<Embedder> embedder) {
        this.store = store;
        this.search = search;
        this.embedder = embedder;
        this.questionnaire = Questionnaire.bundled(bundled.frameworks.digCompEdu());
    }

    // ---- frameworks and roles

    List<Framework> frameworks() {
        return loadedFrameworks().all();
    }

    Optional<Framework> framework(String id) {
        return loadedFrameworks().get(id);
    }

    Framework digCompEdu() {
        return bundled.frameworks.digCompEdu();
    }

    /** Imports a framework in the bundled YAML form; a malformed one is refused with the line at fault. */
    synchronized Framework importFramework(String yaml, String where, String username) {
        var framework = FrameworkYaml.parse(yaml, where);
        if (Frameworks.BUNDLED.contains(framework.id())) {
            throw new InvalidInputException(
                    where, 1, "the framework '" + framework.id() + "' is bundled; choose another id");
        }
        var updated = loadedFrameworks().with(framework, where);
        store.saveFramework(framework.id(), yaml, username);
        frameworks = updated;
        return framework;
    }

    private Frameworks loadedFrameworks() {
        var local = frameworks;
        if (local == null) {
            synchronized (this) {
                local = frameworks;
                if (local == null) {
                    local = bundled.frameworks;
                    for (var yaml : store.frameworkYamls()) {
                        var framework = FrameworkYaml.parse(yaml, "stored framework");
                        local = local.with(framework, framework.id() + ".yaml");
                    }
                    frameworks = local;
                }
            }
        }
        return local;
    }

    List<Roles.Role> roles() {
        return bundled.roles.all();
    }

    Questionnaire questionnaire() {
        return questionnaire;
    }

    // ---- catalogue

    /** The catalogue: the imported one, or the bundled sample while none was imported. */
    Catalogue catalogue() {
        var local = catalogue;
        if (local == null) {
            var stored = store.courses();
            if (stored.isEmpty()) {
                local = bundled.sampleCatalogue;
            } else {
                var report = importer()
                        .read(
                                "{\"courses\":[" + String.join(",", stored) + "]}",
                                CatalogueImport.Format.JSON,
                                "stored catalogue",
                                Set.of());
                local = new Catalogue(report.imported());
            }
            catalogue = local;
        }
        return local;
    }

    boolean catalogueIsSample() {
        return catalogue() == bundled.sampleCatalogue;
    }

    /**
     * Imports courses from CSV, JSON or YAML. The good rows are kept and the bad ones reported; with {@code replace}
     * the good rows become the whole catalogue, otherwise they are added to it, replacing courses with the same id.
     * A file that can't be read at all imports nothing.
     */
    synchronized ImportReport importCatalogue(String content, String fileName, boolean replace) {
        var current = catalogue();
        var kept = new LinkedHashMap<String, Course>();
        if (!replace) {
            current.courses().forEach(c -> kept.put(c.id(), c));
        }
        var report = importer()
                .read(content, CatalogueImport.Format.of(fileName, content), fileName, Set.copyOf(kept.keySet()));
        report.imported().forEach(c -> kept.put(c.id(), c));
        var updated = new Catalogue(new ArrayList<>(kept.values()));
        store.replaceCourses(
                List.copyOf(kept.keySet()),
                updated.courses().stream()
                        .map(c -> JSON.writeValueAsString(CourseJson.of(c)))
                        .toList());
        catalogue = updated;
        return report;
    }

    /** A course without competence tags and the competences suggested for it, nearest first. */
    record Untagged(Course course, List<TagSuggester.Suggestion> suggestions) {}

    /** The catalogue's courses without competence tags, each with three suggested competences. */
    List<Untagged> untagged() {
        var courses =
                catalogue().courses().stream().filter(c -> c.raises().isEmpty()).toList();
        if (courses.isEmpty()) {
            return List.of();
        }
        var local = suggester;
        if (local == null) {
            var model = embedder.getIfAvailable();
            if (model == null) {
                return courses.stream().map(c -> new Untagged(c, List.of())).toList();
            }
            local = new TagSuggester(model, digCompEdu());
            suggester = local;
        }
        var tags = local;
        return courses.stream().map(c -> new Untagged(c, tags.suggest(c, 3))).toList();
    }

    /**
     * Confirms a course's competence tags: the levels it raises (and optionally requires). The course must be in the
     * catalogue; the levels are checked like an imported row.
     */
    synchronized Course tag(String courseId, Map<String, Object> raises, Map<String, Object> requires) {
        var current = catalogue();
        var course = current.course(courseId)
                .orElseThrow(() -> new java.util.NoSuchElementException("there is no course " + courseId));
        var fields = new LinkedHashMap<>(CourseJson.of(course));
        fields.put("raises", raises);
        if (requires != null) {
            fields.put("requires", requires);
        }
        var report = importer()
                .read(
                        "{\"courses\":[" + JSON.writeValueAsString(fields) + "]}",
                        CatalogueImport.Format.JSON,
                        "tags",
                        Set.copyOf(current.byId().keySet()));
        if (!report.rejected().isEmpty()) {
            throw new IllegalArgumentException(report.rejected().getFirst().reason());
        }
        var tagged = report.imported().getFirst();
        if (tagged.raises().isEmpty()) {
            throw new IllegalArgumentException("give at least one competence the course raises, as {\"2.1\": \"B1\"}");
        }
        var courses = new ArrayList<>(current.courses());
        courses.replaceAll(c -> c.id().equals(courseId) ? tagged : c);
        var updated = new Catalogue(courses);
        store.replaceCourses(
                courses.stream().map(Course::id).toList(),
                courses.stream()
                        .map(c -> JSON.writeValueAsString(CourseJson.of(c)))
                        .toList());
        catalogue = updated;
        return tagged;
    }

    private CatalogueImport importer() {
        return new CatalogueImport(Bundled.competenceIds(digCompEdu()));
    }

    // ---- profiles and plans

    /**
     * Reads a profile given as fields ({@code current}, {@code target}, {@code role}, {@code hours_per_week},
     * {@code weeks}, {@code languages}, {@code mode}, {@code completed}, or {@code answers} to the questionnaire in
     * place of {@code current}).
     */
    Profile readProfile(Map<String, Object> fields) {
        return ProfileYaml.parse(yaml(fields), "profile", loadedFrameworks(), bundled.roles);
    }

    /** The fields as the profile YAML that is stored, the questionnaire's answers turned into current levels. */
    String yaml(Map<String, Object> fields) {
        var copy = new LinkedHashMap<>(fields);
        var answers = copy.remove("answers");
        if (answers != null) {
            if (!(answers instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("answers must map questionnaire items to scores 0 to 5");
            }
            var scores = new LinkedHashMap<String, Integer>();
            map.forEach((k, v) -> {
                try {
                    scores.put(String.valueOf(k), Integer.parseInt(String.valueOf(v)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("the answer to " + k + " must be a whole number 0 to 5");
                }
            });
            var levels = new LinkedHashMap<String, String>();
            questionnaire.score(scores).forEach((k, level) -> levels.put(k, level.name()));
            copy.put("current", levels);
        }
        return YamlRecords.write(copy);
    }

    Optional<Profile> profile(String username) {
        return store.profile(username)
                .map(yaml -> ProfileYaml.parse(yaml, "stored profile", loadedFrameworks(), bundled.roles));
    }

    /** Checks and stores an educator's own profile. */
    Profile saveProfile(String username, Map<String, Object> fields) {
        var yaml = yaml(fields);
        var profile = ProfileYaml.parse(yaml, "profile", loadedFrameworks(), bundled.roles);
        store.saveProfile(username, yaml);
        return profile;
    }

    /** The plan for a profile over the catalogue, each step with library documents when the library has some. */
    Plan plan(Profile profile) {
        var plan = new Planner(digCompEdu()).plan(profile, catalogue());
        var available = search.getIfAvailable();
        return available == null ? plan : new PlanDocuments(available, digCompEdu()).attach(plan);
    }

    /**
     * The plan, in the shape of {@code pathwise plan --json}, for a profile given as the fields of
     * {@code PUT /api/profile}, or for the user's stored profile when there are none.
     *
     * @throws IllegalArgumentException when the profile is invalid or the user has none stored, saying what to fix
     */
    public Map<String, Object> planFor(String username, Map<String, Object> fields) {
        Profile profile;
        if (fields == null || fields.isEmpty()) {
            profile = profile(username)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "you have no stored profile: give one (current, target, hours_per_week, ...)"));
        } else {
            try {
                profile = readProfile(fields);
            } catch (InvalidInputException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        return PlanView.of(plan(profile));
    }

    /**
     * The planner on its own, over a catalogue given in the import format and without the store: what the plan
     * benchmark times, and what a what-if run over a proposed catalogue needs. Profiles are read from the fields of
     * {@code PUT /api/profile} once, before any plan, so that timing a plan times the search only.
     */
    public static final class Workbench {

        private final Catalogue catalogue;
        private final Planner planner;

        private Workbench(Catalogue catalogue, long nodeBudget) {
            this.catalogue = catalogue;
            this.planner = new Planner(Bundled.get().frameworks.digCompEdu(), nodeBudget);
        }

        /**
         * A workbench over a catalogue in the JSON import format ({@code {"courses": [...]}}).
         *
         * @param nodeBudget the search nodes per plan before the planner settles for its best plan so far
         * @throws IllegalArgumentException when a course is refused, naming the first one and why
         */
        public static Workbench of(String catalogueJson, long nodeBudget) {
            if (nodeBudget < 1) {
                throw new IllegalArgumentException("the node budget must be at least 1, got " + nodeBudget);
            }
            var framework = Bundled.get().frameworks.digCompEdu();
            var report = new CatalogueImport(Bundled.competenceIds(framework))
                    .read(catalogueJson, CatalogueImport.Format.JSON, "catalogue", Set.of());
            if (!report.rejected().isEmpty()) {
                var first = report.rejected().getFirst();
                throw new IllegalArgumentException(
                        "course " + first.id() + " (row " + first.row() + ") is refused: " + first.reason());
            }
            return new Workbench(new Catalogue(report.imported()), nodeBudget);
        }

        /** DigCompEdu's competence ids, in the framework's order: those a generated catalogue may name. */
        public static List<String> competences() {
            return Bundled.get().frameworks.digCompEdu().competences().stream()
                    .map(Framework.Competence::id)
                    .toList();
        }

        /** The planner's own node budget for a single plan. */
        public static long defaultNodeBudget() {
            return Planner.NODE_BUDGET;
        }

        /** The number of courses in the catalogue. */
        public int courses() {
            return catalogue.size();
        }

        /**
         * An educator's profile, read and checked.
         *
         * @throws IllegalArgumentException when the profile is invalid, saying what to fix
         */
        public Educator educator(Map<String, Object> fields) {
            try {
                return new Educator(ProfileYaml.parse(
                        YamlRecords.write(fields), "profile", Bundled.get().frameworks, Bundled.get().roles));
            } catch (InvalidInputException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }

        /** An educator's plan over the catalogue. */
        public Outcome plan(Educator educator) {
            var plan = planner.plan(educator.profile, catalogue);
            return new Outcome(
                    plan.steps().stream().map(step -> step.course().id()).toList(),
                    plan.totalHours(),
                    plan.lowerBoundHours(),
                    plan.optimal(),
                    plan.unreachable().isEmpty());
        }

        /** A cohort's programme over the catalogue, its members named {@code e0}, {@code e1}, ... in order. */
        public CohortOutcome cohort(List<Educator> educators) {
            var members = new ArrayList<CohortPlanner.Member>();
            for (int i = 0; i < educators.size(); i++) {
                members.add(new CohortPlanner.Member("e" + i, educators.get(i).profile));
            }
            var result = new CohortPlanner(planner).plan(members, catalogue);
            return new CohortOutcome(result.programme().size(), result.learnerHours());
        }

        /** A profile as the planner reads it. */
        public static final class Educator {

            private final Profile profile;

            private Educator(Profile profile) {
                this.profile = profile;
            }
        }

        /**
         * A plan as figures.
         *
         * @param courses the ids of the courses to take, in order
         * @param totalHours the sum of their hours
         * @param lowerBoundHours a lower bound on the hours of any plan for the targets reached
         * @param optimal whether the plan is proven the cheapest for those targets
         * @param reachesEveryTarget whether it reaches every target level
         */
        public record Outcome(
                List<String> courses,
                double totalHours,
                double lowerBoundHours,
                boolean optimal,
                boolean reachesEveryTarget) {

            public Outcome {
                courses = List.copyOf(courses);
            }

            /** The hours between this plan and the lower bound; 0 when the plan is optimal. */
            public double gapHours() {
                return Math.max(0, totalHours - lowerBoundHours);
            }
        }

        /**
         * A cohort's programme as figures.
         *
         * @param coursesToRun the course runs the programme schedules
         * @param learnerHours the hours its members spend in them, together
         */
        public record CohortOutcome(int coursesToRun, double learnerHours) {}
    }

    /** A cohort's profiles read from CSV, the rows refused, and the cohort's plan over the catalogue. */
    record CohortReport(CohortPlanner.Result result, List<ImportReport.RowError> rejected) {}

    CohortReport cohort(String csv, String fileName) {
        var read = CohortCsv.read(csv, fileName, bundled);
        var result = new CohortPlanner(new Planner(digCompEdu())).plan(read.members(), catalogue());
        return new CohortReport(result, read.rejected());
    }
}
