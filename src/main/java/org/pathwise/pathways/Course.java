package org.pathwise.pathways;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A course or micro-credential of the catalogue.
 *
 * @param hours the study time, in hours, more than 0
 * @param languages BCP 47 tags of the languages it is given in, at least one
 * @param requires competence id to the level a participant needs before starting (the entry level)
 * @param raises competence id to the level a participant reaches on completion (the exit level)
 * @param prerequisites ids of courses to complete before this one
 * @param kind {@code course} or {@code micro-credential}
 */
record Course(
        String id,
        String title,
        double hours,
        Set<String> languages,
        Delivery delivery,
        Map<String, Level> requires,
        Map<String, Level> raises,
        List<String> prerequisites,
        String provider,
        String licence,
        String description,
        String kind) {

    Course {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a course needs an id");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("course " + id + " needs a title");
        }
        if (!(hours > 0) || hours > 10_000 || Double.isNaN(hours)) {
            throw new IllegalArgumentException("course " + id + " needs hours between 0 and 10000, got " + hours);
        }
        languages = Collections.unmodifiableSet(new LinkedHashSet<>(languages));
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("course " + id + " needs at least one language");
        }
        Objects.requireNonNull(delivery, "delivery");
        requires = Collections.unmodifiableMap(new TreeMap<>(requires));
        raises = Collections.unmodifiableMap(new TreeMap<>(raises));
        prerequisites = List.copyOf(prerequisites);
        if (prerequisites.contains(id)) {
            throw new IllegalArgumentException("course " + id + " can't be its own prerequisite");
        }
        for (var entry : raises.entrySet()) {
            var entry2 = requires.get(entry.getKey());
            if (entry2 != null && entry2.compareTo(entry.getValue()) >= 0) {
                throw new IllegalArgumentException("course " + id + " raises " + entry.getKey() + " to "
                        + entry.getValue() + " but requires " + entry2 + " already");
            }
        }
        provider = Objects.requireNonNullElse(provider, "");
        licence = Objects.requireNonNullElse(licence, "");
        description = Objects.requireNonNullElse(description, "");
        kind = kind == null || kind.isBlank() ? "course" : kind;
    }

    /** A course with the fields the planner needs and no descriptive ones. */
    static Course of(
            String id,
            double hours,
            Set<String> languages,
            Delivery delivery,
            Map<String, Level> requires,
            Map<String, Level> raises,
            List<String> prerequisites) {
        return new Course(id, id, hours, languages, delivery, requires, raises, prerequisites, "", "", "", "course");
    }

    /**
     * The levels the course takes a learner from and to, as people read them: "2.1 A2 → B1" for a competence it
     * raises (with its entry level when it has one), "needs 3.1 B2" for an entry level on another competence.
     */
    public String levelChanges() {
        var parts = new java.util.ArrayList<String>();
        new java.util.TreeMap<>(raises)
                .forEach((competence, level) -> parts.add(competence
                        + (requires.containsKey(competence) ? " " + requires.get(competence) : "")
                        + " → " + level));
        new java.util.TreeMap<>(requires).forEach((competence, level) -> {
            if (!raises.containsKey(competence)) {
                parts.add("needs " + competence + " " + level);
            }
        });
        return String.join("; ", parts);
    }
}
