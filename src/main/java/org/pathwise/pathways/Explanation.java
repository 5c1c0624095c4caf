package org.pathwise.pathways;

import java.util.List;

/**
 * Why a step is in a plan, where it stands, what it was chosen over, or why a target is out of reach: a message key
 * ({@code path.explain.*} in messages*.properties) and its arguments, kept apart until {@link PlanText} writes the
 * sentence in a language, so that one plan is explained in the reader's language on the pages and in English in the
 * API and on the command line.
 *
 * <p>An argument is plain text (a competence, a list of language codes, hours already formatted), a {@link Level}, a
 * {@link Course} named by a {@link CourseRef}, a competence named by a {@link CompetenceRef}, a {@link Delivery} or a {@link ModePreference} (written in the
 * language), or a nested explanation.
 *
 * @param key the message key; empty for {@link #NONE}
 * @param arguments the message's arguments, {@code {0}} first
 */
record Explanation(String key, List<Object> arguments) {

    /** No explanation: the steps of a cohort's plans, which are not explained. */
    static final Explanation NONE = new Explanation("", List.of());

    Explanation {
        arguments = List.copyOf(arguments);
        for (var argument : arguments) {
            if (!(argument instanceof String
                    || argument instanceof Level
                    || argument instanceof CourseRef
                    || argument instanceof CompetenceRef
                    || argument instanceof Delivery
                    || argument instanceof ModePreference
                    || argument instanceof Explanation)) {
                throw new IllegalArgumentException(
                        "an explanation can't take a " + argument.getClass().getName() + " argument");
            }
        }
    }

    static Explanation of(String key, Object... arguments) {
        return new Explanation(key, List.of(arguments));
    }

    /**
     * The parts joined pairwise by {@code key}, a message of two arguments such as {@code {0}; {1}}: a; b; c is
     * {@code key(key(a, b), c)}. One part is itself.
     *
     * @throws IllegalArgumentException when there are no parts
     */
    static Explanation joined(String key, List<Explanation> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to join with " + key);
        }
        var joined = parts.getFirst();
        for (var part : parts.subList(1, parts.size())) {
            joined = of(key, joined, part);
        }
        return joined;
    }

    /** A course an explanation names: by its id in the API and on the command line, by its title on the pages. */
    record CourseRef(String id, String title) {

        static CourseRef of(Course course) {
            return new CourseRef(course.id(), course.title());
        }
    }

    /**
     * A competence an explanation names: by its framework's title in English (the API, the command line), by the
     * interface's translation of that title on the pages ({@code competence.<framework>.<id>} in messages*.properties),
     * or its framework's title when there is none.
     */
    record CompetenceRef(String framework, String id, String title) {

        static CompetenceRef of(Framework framework, String id) {
            return new CompetenceRef(framework.id(), id, framework.title(id));
        }
    }
}
