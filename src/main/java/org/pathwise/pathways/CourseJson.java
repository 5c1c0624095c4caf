package org.pathwise.pathways;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A course in the catalogue's JSON form (the fields {@link CatalogueImport} reads), for the API and storage. */
final class CourseJson {

    private CourseJson() {}

    static Map<String, Object> of(Course course) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", course.id());
        json.put("title", course.title());
        json.put("hours", course.hours());
        json.put("languages", List.copyOf(course.languages()));
        json.put("mode", course.delivery().label());
        json.put("requires", PlanView.levels(course.requires()));
        json.put("raises", PlanView.levels(course.raises()));
        json.put("prerequisites", course.prerequisites());
        json.put("provider", course.provider());
        json.put("licence", course.licence());
        json.put("description", course.description());
        json.put("kind", course.kind());
        return json;
    }
}
