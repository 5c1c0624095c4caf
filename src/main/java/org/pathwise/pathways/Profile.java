package org.pathwise.pathways;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An educator's competency profile, goal and constraints, in DigCompEdu terms (a profile written against another
 * framework is translated through its crosswalk when read).
 *
 * @param current the level per competence; a competence not listed is at A1
 * @param target the level wanted per competence: the explicit targets and those the role implies, the higher winning
 * @param role the target role's id, or empty
 * @param hoursPerWeek study hours available each week, more than 0
 * @param weeks the deadline in weeks from now, or 0 for none
 * @param languages languages the educator can study in (BCP 47); empty means any
 * @param completed ids of catalogue courses already completed: their exit levels count as evidence
 */
record Profile(
        Map<String, Level> current,
        Map<String, Level> target,
        String role,
        double hoursPerWeek,
        int weeks,
        List<String> languages,
        ModePreference mode,
        List<String> completed) {

    Profile {
        current = Collections.unmodifiableMap(new TreeMap<>(current));
        target = Collections.unmodifiableMap(new TreeMap<>(target));
        role = Objects.requireNonNullElse(role, "");
        if (!(hoursPerWeek > 0) || hoursPerWeek > 168) {
            throw new IllegalArgumentException(
                    "hours_per_week must be more than 0 and at most 168, got " + hoursPerWeek);
        }
        if (weeks < 0 || weeks > 520) {
            throw new IllegalArgumentException("weeks must be between 0 (no deadline) and 520, got " + weeks);
        }
        languages = List.copyOf(languages);
        Objects.requireNonNull(mode, "mode");
        completed = List.copyOf(completed);
    }

    /** The level of a competence now (A1 when not given). */
    Level level(String competence) {
        return current.getOrDefault(competence, Level.A1);
    }

    /** Hours available before the deadline, or infinity without one. */
    double capacity() {
        return weeks == 0 ? Double.POSITIVE_INFINITY : hoursPerWeek * weeks;
    }

    boolean speaks(java.util.Set<String> courseLanguages) {
        return languages.isEmpty() || courseLanguages.stream().anyMatch(languages::contains);
    }

    Profile withCurrent(Map<String, Level> levels) {
        return new Profile(levels, target, role, hoursPerWeek, weeks, languages, mode, completed);
    }
}
