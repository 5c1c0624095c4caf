package org.pathwise.pathways;

import static org.pathwise.Problems.problem;

import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The learning-paths API: frameworks, roles and the questionnaire (read by everyone signed in, frameworks imported by
 * administrators), the catalogue (imported by administrators, with a per-row report), an educator's own profile and
 * plan, and cohort plans (administrators). A file that can't be read is a 422 problem naming the line at fault.
 */
@RestController
class PathwaysController {

    private final Pathways pathways;

    PathwaysController(Pathways pathways) {
        this.pathways = pathways;
    }

    // ---- frameworks

    @GetMapping("/api/frameworks")
    @Operation(summary = "List the competency frameworks")
    Map<String, Object> frameworks() {
        return Map.of(
                "frameworks",
                pathways.frameworks().stream().map(PathwaysController::summary).toList());
    }

    @GetMapping("/api/frameworks/{id}")
    @Operation(summary = "Show a framework with its areas, competences, level descriptors and crosswalk")
    Framework framework(@PathVariable String id) {
        return pathways.framework(id)
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "No such framework", "there is no framework " + id));
    }

    @PostMapping(
            path = "/api/frameworks",
            consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import a framework (administrators); 422 with the line at fault when malformed")
    ResponseEntity<Map<String, Object>> importFramework(@RequestBody byte[] body, Principal principal) {
        var framework = pathways.importFramework(text(body), "framework", principal.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(summary(framework));
    }

    private static Map<String, Object> summary(Framework framework) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", framework.id());
        json.put("name", framework.name());
        json.put("version", framework.version());
        json.put("source", framework.source());
        json.put(
                "levels",
                framework.levels().stream().map(Framework.LevelInfo::id).toList());
        json.put("areas", framework.areas().size());
        json.put("competences", framework.competences().size());
        json.put(
                "crosswalk_to",
                framework.crosswalk().map(Framework.Crosswalk::to).orElse(null));
        return json;
    }

    @GetMapping("/api/roles")
    @Operation(summary = "List the roles a profile can aim for, with the levels each implies")
    Map<String, Object> roles() {
        return Map.of("roles", pathways.roles());
    }

    @GetMapping("/api/questionnaire")
    @Operation(
            summary = "The self-assessment questionnaire: statements per area and the answer scale",
            description = "Each statement and answer in English, French, Spanish and Arabic (en, fr, es, ar)")
    Map<String, Object> questionnaire() {
        var questionnaire = pathways.questionnaire();
        // the shape the API has always had, English and French texts as "en" and "fr", then Spanish and Arabic
        var items = questionnaire.items().stream()
                .map(item -> {
                    var json = new LinkedHashMap<String, Object>();
                    json.put("id", item.id());
                    json.put("area", item.area());
                    json.put("competences", item.competences());
                    for (var language : Questionnaire.LANGUAGES) {
                        json.put(language, item.text(language));
                    }
                    return json;
                })
                .toList();
        var options = questionnaire.options().stream()
                .map(option -> {
                    var json = new LinkedHashMap<String, Object>();
                    json.put("score", option.score());
                    for (var language : Questionnaire.LANGUAGES) {
                        json.put(language, option.text(language));
                    }
                    return json;
                })
                .toList();
        return Map.of("items", items, "options", options);
    }

    // ---- catalogue

    @GetMapping("/api/catalogue")
    @Operation(summary = "List the catalogue's courses")
    Map<String, Object> catalogue() {
        return Map.of(
                "sample",
                pathways.catalogueIsSample(),
                "courses",
                pathways.catalogue().courses().stream().map(CourseJson::of).toList());
    }

    @PostMapping(path = "/api/catalogue")
    @Operation(
            summary = "Import courses from CSV, JSON or YAML (administrators)",
            description = "The format follows ?format= or the content type. Good rows are imported (added, or"
                    + " replacing the catalogue with ?replace=true); bad rows are reported by number with the reason."
                    + " 422 when the file can't be read at all.")
    Map<String, Object> importCatalogue(
            @RequestBody byte[] body,
            @RequestParam(defaultValue = "") String format,
            @RequestParam(defaultValue = "false") boolean replace,
            @org.springframework.web.bind.annotation.RequestHeader(name = "Content-Type", defaultValue = "")
                    String contentType) {
        var report = pathways.importCatalogue(text(body), fileName(format, contentType), replace);
        return importReport(report, pathways.catalogue().size());
    }

    static Map<String, Object> importReport(ImportReport report, int total) {
        var json = new LinkedHashMap<String, Object>();
        json.put("imported", report.imported().size());
        json.put("rejected", report.rejected());
        json.put("courses", total);
        json.put(
                "untagged",
                report.imported().stream()
                        .filter(c -> c.raises().isEmpty())
                        .map(Course::id)
                        .toList());
        return json;
    }

    @GetMapping("/api/catalogue/suggestions")
    @Operation(
            summary = "Courses without competence tags, with suggested competences (administrators)",
            description = "Suggestions come from the semantic similarity of the course's title and description to"
                    + " the competences' descriptors; confirm them with POST /api/catalogue/{id}/tags.")
    Map<String, Object> suggestions() {
        return Map.of(
                "courses",
                pathways.untagged().stream()
                        .map(u -> Map.of(
                                "course", u.course().id(), "title", u.course().title(), "suggestions", u.suggestions()))
                        .toList());
    }

    @PostMapping(path = "/api/catalogue/{id}/tags", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Confirm a course's competence tags: {\"raises\": {\"5.1\": \"B1\"}, \"requires\": {...}}")
    Map<String, Object> tag(@PathVariable String id, @RequestBody Map<String, Object> body) {
        if (!(body.get("raises") instanceof Map<?, ?> raises)) {
            throw new IllegalArgumentException("give the levels the course raises, as {\"raises\": {\"2.1\": \"B1\"}}");
        }
        Map<String, Object> requires = null;
        if (body.get("requires") instanceof Map<?, ?> given) {
            requires = new LinkedHashMap<>();
            for (var entry : given.entrySet()) {
                requires.put(String.valueOf(entry.getKey()), entry.getValue());
            }
        }
        var levels = new LinkedHashMap<String, Object>();
        raises.forEach((k, v) -> levels.put(String.valueOf(k), v));
        try {
            return CourseJson.of(pathways.tag(id, levels, requires));
        } catch (java.util.NoSuchElementException e) {
            throw problem(HttpStatus.NOT_FOUND, "No such course", e.getMessage());
        }
    }

    private static String fileName(String format, String contentType) {
        var type = contentType.toLowerCase(java.util.Locale.ROOT);
        if (format.isBlank()) {
            format =
                    type.contains("csv") ? "csv" : type.contains("json") ? "json" : type.contains("yaml") ? "yaml" : "";
        }
        return format.isBlank() ? "catalogue" : "catalogue." + format.toLowerCase(java.util.Locale.ROOT);
    }

    // ---- profile and plans

    @GetMapping("/api/profile")
    @Operation(summary = "Your own profile")
    Map<String, Object> profile(Principal principal) {
        return pathways.profile(principal.getName())
                .map(PathwaysController::profileJson)
                .orElseThrow(() -> problem(
                        HttpStatus.NOT_FOUND,
                        "Fill in your profile first",
                        "you have no profile yet: PUT /api/profile or answer the questionnaire"));
    }

    @PutMapping(path = "/api/profile", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Set your own profile",
            description = "Fields: current (competence to level) or answers (questionnaire item to score 0-5), target"
                    + " and/or role, hours_per_week, weeks, languages, mode (online, blended, any), completed.")
    Map<String, Object> saveProfile(@RequestBody Map<String, Object> body, Principal principal) {
        return profileJson(pathways.saveProfile(principal.getName(), body));
    }

    @PostMapping(path = "/api/plans")
    @Operation(
            summary = "Plan a learning path",
            description = "For the profile in the body (the fields of PUT /api/profile), or your stored profile when"
                    + " the body is empty. The answer has the shape of 'pathwise plan --json'.")
    Map<String, Object> plan(@RequestBody(required = false) Map<String, Object> body, Principal principal) {
        Profile profile;
        if (body == null || body.isEmpty()) {
            profile = pathways.profile(principal.getName())
                    .orElseThrow(() -> problem(
                            HttpStatus.NOT_FOUND,
                            "Fill in your profile first",
                            "you have no stored profile; send one in the body"));
        } else {
            profile = pathways.readProfile(body);
        }
        return PlanView.of(pathways.plan(profile));
    }

    static Map<String, Object> profileJson(Profile profile) {
        var json = new LinkedHashMap<String, Object>();
        json.put("framework", Frameworks.DEFAULT);
        json.put("current", PlanView.levels(profile.current()));
        json.put("target", PlanView.levels(profile.target()));
        json.put("role", profile.role().isEmpty() ? null : profile.role());
        json.put("hours_per_week", profile.hoursPerWeek());
        json.put("weeks", profile.weeks() == 0 ? null : profile.weeks());
        json.put("languages", profile.languages());
        json.put("mode", profile.mode().label());
        json.put("completed", profile.completed());
        return json;
    }

    // ---- cohorts

    @PostMapping(
            path = "/api/cohorts",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(
            summary = "Plan a cohort from a CSV of profiles (administrators)",
            description = "Columns: educator,current,target,role,hours_per_week,weeks,languages,mode,completed;"
                    + " levels as 2.1:A2;3.1:B1. Answers the gap heatmap and the training programme.")
    Map<String, Object> cohort(@RequestBody byte[] body) {
        var report = pathways.cohort(text(body), "cohort.csv");
        return cohortJson(report);
    }

    @PostMapping(
            path = "/api/cohorts/programme.csv",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE},
            produces = "text/csv")
    @Operation(summary = "The cohort's training programme as CSV (administrators)")
    ResponseEntity<String> programmeCsv(@RequestBody byte[] body) {
        var report = pathways.cohort(text(body), "cohort.csv");
        return csv(CohortPlanner.programmeCsv(report.result()), "programme.csv");
    }

    @PostMapping(
            path = "/api/cohorts/heatmap.csv",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE},
            produces = "text/csv")
    @Operation(summary = "The cohort's gap heatmap as CSV (administrators)")
    ResponseEntity<String> heatmapCsv(@RequestBody byte[] body) {
        var report = pathways.cohort(text(body), "cohort.csv");
        return csv(CohortPlanner.heatmapCsv(report.result(), pathways.digCompEdu()), "heatmap.csv");
    }

    static ResponseEntity<String> csv(String body, String name) {
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }

    static Map<String, Object> cohortJson(Pathways.CohortReport report) {
        var result = report.result();
        var json = new LinkedHashMap<String, Object>();
        json.put("educators", result.educators());
        json.put("rejected", report.rejected());
        var heatmap = new LinkedHashMap<String, Map<String, Integer>>();
        result.heatmap().forEach((k, row) -> {
            var levels = new LinkedHashMap<String, Integer>();
            row.forEach((level, count) -> levels.put(level.name(), count));
            heatmap.put(k, levels);
        });
        json.put("heatmap", heatmap);
        json.put(
                "programme",
                result.programme().stream()
                        .map(run -> {
                            var item = new LinkedHashMap<String, Object>();
                            item.put("order", run.order());
                            item.put("course", run.course().id());
                            item.put("title", run.course().title());
                            item.put("participants", run.participants());
                            item.put("hours", run.course().hours());
                            item.put("learner_hours", run.learnerHours());
                            item.put("mean_start_week", run.meanStartWeek());
                            item.put(
                                    "attendees",
                                    run.attendees().stream()
                                            .map(a -> Map.of("educator", a.educator(), "week", a.week()))
                                            .toList());
                            return item;
                        })
                        .toList());
        json.put("course_hours", result.courseHours());
        json.put("learner_hours", result.learnerHours());
        json.put("unreachable", result.unreachable());
        json.put("unreachable_educators", result.unreachableBy());
        json.put("millis", result.millis());
        return json;
    }

    // ---- errors

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Correct the file at the line given");
        if (e.line() > 0) {
            problem.setProperty("line", e.line());
        }
        problem.setProperty("reason", e.reason());
        return problem;
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
