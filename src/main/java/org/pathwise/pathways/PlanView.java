package org.pathwise.pathways;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan in the JSON shape of {@code pathwise plan --json} and of the API:
 * {@code {"steps":[{"course","title","week","hours","requires","raises",...}],"total_hours","unreachable":[{"competence",
 * "reason",...}],...}}, steps in the order to take them. The explanations are in English ({@link PlanText#ENGLISH})
 * whatever the caller's language: clients read them as they have always been written.
 */
final class PlanView {

    private PlanView() {}

    static Map<String, Object> of(Plan plan) {
        var json = new LinkedHashMap<String, Object>();
        json.put("steps", plan.steps().stream().map(PlanView::step).toList());
        json.put("total_hours", plan.totalHours());
        json.put(
                "unreachable",
                plan.unreachable().stream()
                        .map(u -> {
                            var item = new LinkedHashMap<String, Object>();
                            item.put("competence", u.competence());
                            item.put("reason", PlanText.ENGLISH.write(u.reason()));
                            item.put("title", u.title());
                            item.put("target", u.target().name());
                            item.put("reached", u.reached().name());
                            return item;
                        })
                        .toList());
        json.put("weeks", plan.weeks());
        json.put("optimal", plan.optimal());
        json.put("lower_bound_hours", plan.lowerBoundHours());
        json.put("gap_hours", plan.gapHours());
        json.put("target", levels(plan.target()));
        json.put("reached", levels(plan.reached()));
        json.put("courses_considered", plan.considered());
        return json;
    }

    private static Map<String, Object> step(Plan.Step step) {
        var course = step.course();
        var json = new LinkedHashMap<String, Object>();
        json.put("course", course.id());
        json.put("title", course.title());
        json.put("week", step.week());
        json.put("hours", course.hours());
        json.put("requires", levels(course.requires()));
        json.put("raises", levels(course.raises()));
        json.put("end_week", step.endWeek());
        json.put("prerequisites", course.prerequisites());
        json.put("mode", course.delivery().label());
        json.put("languages", List.copyOf(course.languages()));
        json.put("kind", course.kind());
        json.put(
                "closes",
                step.closes().stream()
                        .map(gap -> {
                            var item = new LinkedHashMap<String, Object>();
                            item.put("competence", gap.competence());
                            item.put("title", gap.title());
                            item.put("from", gap.from().name());
                            item.put("to", gap.to().name());
                            item.put(
                                    "target",
                                    gap.target() == null ? null : gap.target().name());
                            return item;
                        })
                        .toList());
        json.put("reason", PlanText.ENGLISH.write(step.reason()));
        json.put("before", PlanText.ENGLISH.write(step.before()));
        json.put("alternative", PlanText.ENGLISH.write(step.alternative()));
        json.put(
                "documents",
                step.documents().stream()
                        .map(d -> {
                            var item = new LinkedHashMap<String, Object>();
                            item.put("source", d.source());
                            item.put("title", d.title());
                            item.put("heading", d.heading());
                            item.put("position", d.position());
                            item.put("document", d.document());
                            item.put("passage", d.passage());
                            item.put("link", d.link());
                            return item;
                        })
                        .toList());
        return json;
    }

    static Map<String, String> levels(Map<String, Level> levels) {
        var json = new java.util.TreeMap<String, String>();
        levels.forEach((k, level) -> json.put(k, level.name()));
        return json;
    }
}
