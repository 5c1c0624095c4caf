package org.pathwise.pathways;

import java.util.List;

/**
 * Where an educator stands on one competence they target: their level now, the level the plan takes them to, and the
 * target, for the summary at the top of their path. The page draws each as a bar over the six levels A1 to C2.
 *
 * @param competence the competence's id ({@code 2.1})
 * @param current the level now (A1 when the profile gives none)
 * @param reached the level after the plan
 * @param target the level aimed at
 */
record Standing(String competence, Level current, Level reached, Level target) {

    /** The levels, in order, for the page's scale. */
    static final List<Level> SCALE = List.of(Level.values());

    /** Each targeted competence of the profile, in the framework's order of ids. */
    static List<Standing> of(Profile profile, Plan plan) {
        return profile.target().entrySet().stream()
                .map(entry -> {
                    var current = profile.current().getOrDefault(entry.getKey(), Level.A1);
                    return new Standing(
                            entry.getKey(),
                            current,
                            Level.max(current, plan.reached().getOrDefault(entry.getKey(), current)),
                            entry.getValue());
                })
                .toList();
    }

    /** Whether the plan reaches the target. */
    public boolean reachedByPlan() {
        return reached.compareTo(target) >= 0;
    }

    /** How a level on the scale is drawn: {@code now}, {@code plan} (gained by the path), or {@code ahead}. */
    public String cell(Level level) {
        if (level.compareTo(current) <= 0) {
            return "now";
        }
        return level.compareTo(reached) <= 0 ? "plan" : "ahead";
    }

    /** Whether a level on the scale is the target. */
    public boolean isTarget(Level level) {
        return level == target;
    }
}
