package org.pathwise.pathways;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The learning-path pages: the self-assessment questionnaire with the goal and constraints, "My path" as a timeline
 * of explained steps, catalogue administration with the import report, and the cohort planner with its heatmap.
 */
@Controller
class PathwaysPages {

    /** A role as the questionnaire offers it: its id, and its name in the reader's language. */
    record RoleChoice(String id, String name) {}

    private final Pathways pathways;
    private final MessageSource messages;

    PathwaysPages(Pathways pathways, MessageSource messages) {
        this.pathways = pathways;
        this.messages = messages;
    }

    @GetMapping("/pathways")
    String home() {
        return "redirect:/pathways/path";
    }

    // ---- questionnaire

    @GetMapping("/pathways/questionnaire")
    String questionnaire(Principal principal, Model model) {
        var profile = pathways.profile(principal.getName());
        model.addAttribute(
                "form",
                profile.map(PathwaysPages::formOf)
                        .orElseGet(() ->
                                new LinkedHashMap<>(Map.of("hours_per_week", "4", "languages", "en", "mode", "any"))));
        return questionnairePage(model, Map.of());
    }

    @PostMapping("/pathways/questionnaire")
    String answer(@RequestParam Map<String, String> fields, Principal principal, Model model) {
        var answers = new LinkedHashMap<String, Object>();
        for (var item : pathways.questionnaire().items()) {
            var value = fields.getOrDefault("answer-" + item.id(), "");
            if (value.matches("[0-5]")) {
                answers.put(item.id(), Integer.parseInt(value));
            }
        }
        var profile = new LinkedHashMap<String, Object>();
        profile.put("answers", answers);
        var target = fields.getOrDefault("target", "").strip();
        if (!target.isEmpty()) {
            var levels = new LinkedHashMap<String, String>();
            for (var part : target.split("[;,]")) {
                var pair = part.split("[:=]", 2);
                if (pair.length == 2) {
                    levels.put(pair[0].strip(), pair[1].strip());
                } else if (!part.isBlank()) {
                    levels.put(part.strip(), "?");
                }
            }
            profile.put("target", levels);
        }
        var role = fields.getOrDefault("role", "");
        if (!role.isBlank()) {
            profile.put("role", role);
        }
        profile.put("hours_per_week", fields.getOrDefault("hours_per_week", "4"));
        var weeks = fields.getOrDefault("weeks", "").strip();
        if (!weeks.isEmpty()) {
            profile.put("weeks", weeks);
        }
        var languages = List.of(fields.getOrDefault("languages", "").split("[,; ]+")).stream()
                .filter(s -> !s.isBlank())
                .toList();
        if (!languages.isEmpty()) {
            profile.put("languages", languages);
        }
        profile.put("mode", fields.getOrDefault("mode", "any"));
        try {
            pathways.saveProfile(principal.getName(), profile);
        } catch (InvalidInputException | IllegalArgumentException e) {
            model.addAttribute("error", e instanceof InvalidInputException invalid ? invalid.reason() : e.getMessage());
            model.addAttribute("form", fields);
            return questionnairePage(model, answers);
        }
        return "redirect:/pathways/path";
    }

    private String questionnairePage(Model model, Map<String, Object> answers) {
        var locale = LocaleContextHolder.getLocale();
        var language = locale.getLanguage();
        var questionnaire = pathways.questionnaire();
        var areas = new ArrayList<Map<String, Object>>();
        questionnaire
                .byArea()
                .forEach((area, items) -> areas.add(Map.of(
                        "name",
                        area.id() + ". "
                                + messages.getMessage(
                                        "area." + questionnaire.framework().id() + "." + area.id(),
                                        null,
                                        area.name(),
                                        locale),
                        "items",
                        items.stream()
                                .map(item -> Map.of(
                                        "id", item.id(),
                                        "text", item.text(language),
                                        "answer", String.valueOf(answers.getOrDefault(item.id(), ""))))
                                .toList())));
        model.addAttribute("areas", areas);
        model.addAttribute(
                "options",
                pathways.questionnaire().options().stream()
                        .map(o -> Map.of("score", String.valueOf(o.score()), "text", o.text(language)))
                        .toList());
        model.addAttribute(
                "roles",
                pathways.roles().stream()
                        .map(role -> new RoleChoice(
                                role.id(),
                                messages.getMessage("pathways.role." + role.id(), null, role.name(), locale)))
                        .toList());
        return "pathways/questionnaire";
    }

    private static Map<String, String> formOf(Profile profile) {
        var form = new LinkedHashMap<String, String>();
        var target = new StringBuilder();
        profile.target()
                .forEach((k, level) -> target.append(target.isEmpty() ? "" : "; ")
                        .append(k)
                        .append(':')
                        .append(level));
        form.put("target", profile.role().isEmpty() ? target.toString() : "");
        form.put("role", profile.role());
        form.put("hours_per_week", Planner.hours(profile.hoursPerWeek()));
        form.put("weeks", profile.weeks() == 0 ? "" : String.valueOf(profile.weeks()));
        form.put("languages", String.join(", ", profile.languages()));
        form.put("mode", profile.mode().label());
        return form;
    }

    // ---- my path

    @GetMapping("/pathways/path")
    String path(Principal principal, Model model) {
        var profile = pathways.profile(principal.getName());
        if (profile.isEmpty()) {
            return "pathways/path";
        }
        Plan plan;
        try {
            plan = pathways.plan(profile.get());
        } catch (IllegalArgumentException e) {
            // a completed course that is no longer in the catalogue
            model.addAttribute("error", e.getMessage());
            return "pathways/path";
        }
        model.addAttribute("profile", profile.get());
        model.addAttribute("plan", plan);
        // the explanations in the reader's language, naming courses by title; the API keeps them in English
        var text = new PlanText(messages, LocaleContextHolder.getLocale(), true);
        model.addAttribute("names", text);
        model.addAttribute("framework", pathways.digCompEdu());
        model.addAttribute(
                "explained",
                plan.steps().stream()
                        .map(step -> Map.of(
                                "reason", text.write(step.reason()),
                                "before", text.write(step.before()),
                                "alternative", text.write(step.alternative())))
                        .toList());
        model.addAttribute(
                "unreachable",
                plan.unreachable().stream().map(u -> text.write(u.reason())).toList());
        model.addAttribute("hours", Planner.hours(plan.totalHours()));
        model.addAttribute("gap", Planner.hours(plan.gapHours()));
        model.addAttribute("standing", Standing.of(profile.get(), plan));
        model.addAttribute("scale", Standing.SCALE);
        return "pathways/path";
    }

    // ---- catalogue administration

    @GetMapping("/pathways/admin/catalogue")
    String catalogue(Model model) {
        model.addAttribute("courses", pathways.catalogue().courses());
        model.addAttribute("sample", pathways.catalogueIsSample());
        model.addAttribute("untagged", pathways.untagged());
        model.addAttribute("levels", List.of("A2", "B1", "B2", "C1", "C2"));
        return "pathways/catalogue";
    }

    @PostMapping("/pathways/admin/catalogue/{id}/tags")
    String confirmTags(
            @org.springframework.web.bind.annotation.PathVariable String id,
            @RequestParam String competence,
            @RequestParam String level,
            Model model) {
        try {
            pathways.tag(id, Map.of(competence, level), null);
            model.addAttribute("tagged", id + ": " + competence + " → " + level);
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            model.addAttribute("error", e.getMessage());
        }
        return catalogue(model);
    }

    @PostMapping("/pathways/admin/catalogue")
    String importCatalogue(
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean replace,
            Model model)
            throws IOException {
        var name = file.getOriginalFilename() == null ? "catalogue" : file.getOriginalFilename();
        try {
            var report = pathways.importCatalogue(new String(file.getBytes(), StandardCharsets.UTF_8), name, replace);
            model.addAttribute("report", report);
            model.addAttribute("file", name);
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
        }
        return catalogue(model);
    }

    // ---- cohorts

    @GetMapping("/pathways/admin/cohorts")
    String cohorts() {
        return "pathways/cohorts";
    }

    @PostMapping("/pathways/admin/cohorts")
    String planCohort(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        var csv = new String(file.getBytes(), StandardCharsets.UTF_8);
        try {
            var report = pathways.cohort(csv, "cohort.csv");
            model.addAttribute("report", report);
            model.addAttribute("csv", csv);
            model.addAttribute("rows", heatmapRows(report.result()));
            model.addAttribute("levels", List.of("A2", "B1", "B2", "C1", "C2"));
            model.addAttribute("framework", pathways.digCompEdu());
            model.addAttribute("names", new PlanText(messages, LocaleContextHolder.getLocale(), true));
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "pathways/cohorts";
    }

    @PostMapping("/pathways/admin/cohorts/programme.csv")
    ResponseEntity<String> programme(@RequestParam String csv) {
        return PathwaysController.csv(
                CohortPlanner.programmeCsv(pathways.cohort(csv, "cohort.csv").result()), "programme.csv");
    }

    @PostMapping("/pathways/admin/cohorts/heatmap.csv")
    ResponseEntity<String> heatmap(@RequestParam String csv) {
        return PathwaysController.csv(
                CohortPlanner.heatmapCsv(pathways.cohort(csv, "cohort.csv").result(), pathways.digCompEdu()),
                "heatmap.csv");
    }

    /** One heatmap row per competence: its cells with the count and a shade class from heat-0 to heat-4. */
    private List<Map<String, Object>> heatmapRows(CohortPlanner.Result result) {
        int max = result.heatmap().values().stream()
                .flatMap(row -> row.values().stream())
                .max(Integer::compare)
                .orElse(0);
        var rows = new ArrayList<Map<String, Object>>();
        for (var competence : pathways.digCompEdu().competences()) {
            var row = result.heatmap().getOrDefault(competence.id(), Map.of());
            var cells = new ArrayList<Map<String, Object>>();
            for (int level = 1; level < Level.values().length; level++) {
                int count = row.getOrDefault(Level.values()[level], 0);
                int shade = max == 0 || count == 0 ? 0 : 1 + (int) Math.min(3, Math.floor(3.0 * count / max));
                cells.add(Map.of("count", count, "shade", "heat-" + shade));
            }
            rows.add(Map.of("id", competence.id(), "title", competence.title(), "cells", cells));
        }
        return rows;
    }
}
