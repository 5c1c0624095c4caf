package org.pathwise.pathways;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A learning path: the courses to take in order, each scheduled into weeks and explained, and the targets it can't
 * reach with the reason.
 *
 * @param steps the courses in the order to take them
 * @param totalHours the sum of the steps' hours
 * @param weeks the weeks the plan takes at the profile's hours per week
 * @param unreachable the targets the plan does not reach, one per competence
 * @param optimal whether the plan is proven the cheapest for the targets it reaches (hours, then courses)
 * @param lowerBoundHours a lower bound on the hours of any plan for those targets; equal to totalHours when optimal
 * @param reached the level per targeted competence after the plan
 * @param considered how many catalogue courses were open to the educator (language, mode, not yet completed)
 * @param nodes how many search nodes the planner explored
 */
record Plan(
        List<Step> steps,
        double totalHours,
        int weeks,
        List<Unreachable> unreachable,
        boolean optimal,
        double lowerBoundHours,
        Map<String, Level> target,
        Map<String, Level> reached,
        int considered,
        long nodes) {

    Plan {
        steps = List.copyOf(steps);
        unreachable = List.copyOf(unreachable);
        target = Map.copyOf(target);
        reached = Map.copyOf(reached);
    }

    /** The hours between this plan and the lower bound; 0 when the plan is optimal. */
    double gapHours() {
        return Math.max(0, totalHours - lowerBoundHours);
    }

    /**
     * One course of the path.
     *
     * @param week the week the course starts in, from 1
     * @param endWeek the week it ends in
     * @param closes the gaps it closes or narrows
     * @param reason why it is in the path (the gaps, or the later course that needs it); {@link Explanation#NONE} in a
     *     cohort's plans, as are the next two
     * @param before why it comes before the later steps that depend on it, or why its place is free
     * @param alternative which other course it was chosen over and why, or that it had none
     * @param documents library documents about the course, each with the passage that matched; empty when the library
     *     has none or was not asked
     */
    record Step(
            Course course,
            int week,
            int endWeek,
            List<Gap> closes,
            Explanation reason,
            Explanation before,
            Explanation alternative,
            List<Document> documents) {

        Step {
            closes = List.copyOf(closes);
            documents = List.copyOf(documents);
        }

        Step withDocuments(List<Document> found) {
            return new Step(course, week, endWeek, closes, reason, before, alternative, found);
        }
    }

    /**
     * A competence a step raises: from the level before the step to the level after, towards the target (or the entry
     * level a later step needs).
     */
    record Gap(String competence, String title, Level from, Level to, Level target) {}

    /** A target the plan does not reach: the level it reaches instead and why. */
    record Unreachable(String competence, String title, Level target, Level reached, Explanation reason) {}

    /**
     * A library document relevant to a step, with the passage that matched it.
     *
     * @param source the document's source
     * @param title the document's title
     * @param heading the passage's heading path, joined with {@code " › "}
     * @param position where in the document the passage is ({@code #anchor}, {@code page 3}, ...)
     * @param document the document's id
     * @param ordinal the passage's place in the document, from 0
     */
    record Document(String source, String title, String heading, String position, String document, int ordinal) {

        Document {
            if (document == null || document.isBlank()) {
                throw new IllegalArgumentException("the document of " + source + " needs an id");
            }
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(heading, "heading");
            if (ordinal < 0) {
                throw new IllegalArgumentException("ordinal must be >= 0, got " + ordinal);
            }
        }

        /** The passage's id, as search hits and citations give it. */
        public String passage() {
            return document + "#" + ordinal;
        }

        /**
         * The passage's heading path without the document's title where it starts with it: the section to name beside
         * the title; empty when the passage is under the title alone.
         */
        public String section() {
            if (heading.equals(title)) {
                return "";
            }
            var prefix = title + " › ";
            return !title.isEmpty() && heading.startsWith(prefix) ? heading.substring(prefix.length()) : heading;
        }

        /** The document's page in the library, scrolled to the passage. */
        public String link() {
            return "/library/documents/" + document + "#p" + ordinal;
        }
    }

    Plan withSteps(List<Step> replaced) {
        return new Plan(
                replaced, totalHours, weeks, unreachable, optimal, lowerBoundHours, target, reached, considered, nodes);
    }
}
