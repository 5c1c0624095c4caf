package org.pathwise.pathways;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.pathwise.CsvCells;

/**
 * Plans a cohort: every educator's own path, then what the institution has to run. The heatmap counts, per competence
 * and level, the educators who have to pass that level to reach their target (current &lt; level &le; target). The
 * programme lists each course some path takes, with its participants, in an order that keeps every prerequisite and
 * entry level before the course that needs it (courses otherwise by the average position they have in the paths).
 */
final class CohortPlanner {

    /** One educator of the cohort. */
    record Member(String educator, Profile profile) {}

    /**
     * One course to run.
     *
     * @param attendees who takes it and in which week of their own path, in the cohort's order
     */
    record Run(
            int order,
            Course course,
            int participants,
            double learnerHours,
            double meanStartWeek,
            List<Attendee> attendees) {

        Run {
            attendees = List.copyOf(attendees);
        }
    }

    /** An educator taking a course, from this week of their path. */
    record Attendee(String educator, int week) {}

    /**
     * The cohort's plan.
     *
     * @param heatmap competence to level to the number of educators who must pass that level
     * @param programme the courses to run, in order
     * @param courseHours the hours of teaching: each course's hours once
     * @param learnerHours the hours the educators study in total
     * @param unreachable competence to the number of educators whose target for it can't be reached
     * @param plans each educator's own plan, in the order given
     * @param unreachableBy competence to the educators whose target for it can't be reached, in the order given
     */
    record Result(
            int educators,
            Map<String, Map<Level, Integer>> heatmap,
            List<Run> programme,
            double courseHours,
            double learnerHours,
            Map<String, Integer> unreachable,
            List<Plan> plans,
            long millis,
            Map<String, List<String>> unreachableBy) {}

    private final Planner planner;

    /** Plans each educator with {@link Planner#forCohorts()}. */
    CohortPlanner(Planner planner) {
        this.planner = planner.forCohorts();
    }

    Result plan(List<Member> members, Catalogue catalogue) {
        long start = System.nanoTime();
        var plans = members.parallelStream()
                .map(member -> planner.plan(member.profile(), catalogue))
                .toList();
        var heatmap = new TreeMap<String, Map<Level, Integer>>();
        var unreachable = new TreeMap<String, Integer>();
        var unreachableBy = new TreeMap<String, List<String>>();
        for (int i = 0; i < members.size(); i++) {
            var educator = members.get(i).educator();
            var profile = members.get(i).profile();
            profile.target().forEach((k, target) -> {
                for (var level : Level.values()) {
                    if (level.compareTo(profile.level(k)) > 0 && level.compareTo(target) <= 0) {
                        heatmap.computeIfAbsent(k, key -> new java.util.EnumMap<>(Level.class))
                                .merge(level, 1, Integer::sum);
                    }
                }
            });
            plans.get(i).unreachable().forEach(u -> {
                unreachable.merge(u.competence(), 1, Integer::sum);
                unreachableBy
                        .computeIfAbsent(u.competence(), k -> new ArrayList<>())
                        .add(educator);
            });
        }
        var participants = new LinkedHashMap<String, Integer>();
        var positions = new HashMap<String, Double>();
        var weeks = new HashMap<String, Double>();
        var courses = new HashMap<String, Course>();
        var edges = new HashMap<String, Set<String>>();
        var attendees = new HashMap<String, List<Attendee>>();
        for (int p = 0; p < plans.size(); p++) {
            var steps = plans.get(p).steps();
            for (int s = 0; s < steps.size(); s++) {
                var course = steps.get(s).course();
                courses.put(course.id(), course);
                participants.merge(course.id(), 1, Integer::sum);
                positions.merge(course.id(), steps.size() == 1 ? 0.0 : (double) s / (steps.size() - 1), Double::sum);
                weeks.merge(course.id(), (double) steps.get(s).week(), Double::sum);
                attendees
                        .computeIfAbsent(course.id(), key -> new ArrayList<>())
                        .add(new Attendee(
                                members.get(p).educator(), steps.get(s).week()));
                for (int t = 0; t < s; t++) {
                    var earlier = steps.get(t).course();
                    if (depends(course, earlier)) {
                        edges.computeIfAbsent(earlier.id(), key -> new HashSet<>())
                                .add(course.id());
                    }
                }
            }
        }
        var order = order(participants.keySet(), edges, id -> positions.get(id) / participants.get(id));
        var programme = new ArrayList<Run>();
        double courseHours = 0;
        double learnerHours = 0;
        for (var id : order) {
            var course = courses.get(id);
            int count = participants.get(id);
            programme.add(new Run(
                    programme.size() + 1,
                    course,
                    count,
                    count * course.hours(),
                    weeks.get(id) / count,
                    attendees.get(id)));
            courseHours += course.hours();
            learnerHours += count * course.hours();
        }
        return new Result(
                members.size(),
                heatmap,
                programme,
                courseHours,
                learnerHours,
                unreachable,
                plans,
                (System.nanoTime() - start) / 1_000_000,
                java.util.Collections.unmodifiableMap(unreachableBy));
    }

    /** Whether {@code later} needs {@code earlier} first: as a prerequisite, or for an entry level it gives. */
    private static boolean depends(Course later, Course earlier) {
        if (later.prerequisites().contains(earlier.id())) {
            return true;
        }
        return later.requires().entrySet().stream()
                .anyMatch(
                        e -> earlier.raises().getOrDefault(e.getKey(), Level.A1).compareTo(e.getValue()) >= 0);
    }

    /** Kahn's topological order, the smallest mean position first among the ready; a cycle is broken the same way. */
    private static List<String> order(
            Set<String> ids, Map<String, Set<String>> edges, java.util.function.ToDoubleFunction<String> position) {
        var indegree = new HashMap<String, Integer>();
        ids.forEach(id -> indegree.put(id, 0));
        edges.forEach((from, tos) -> tos.forEach(to -> indegree.merge(to, 1, Integer::sum)));
        var comparator = Comparator.comparingDouble(position).thenComparing(Comparator.naturalOrder());
        var left = new java.util.TreeSet<String>(comparator);
        left.addAll(ids);
        var order = new ArrayList<String>();
        while (!left.isEmpty()) {
            var next = left.stream()
                    .filter(id -> indegree.get(id) == 0)
                    .findFirst()
                    .orElse(left.first());
            left.remove(next);
            order.add(next);
            for (var to : edges.getOrDefault(next, Set.of())) {
                indegree.merge(to, -1, Integer::sum);
            }
        }
        return order;
    }

    /** CSV as the exports write it: RFC 4180 quoting, one record a line ending in a line feed. */
    private static final CSVFormat CSV =
            CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    /** The programme as CSV: one row per course to run, in order; text cells are {@link CsvCells#safe safe}. */
    static String programmeCsv(Result result) {
        return csv(
                List.of(
                        "order",
                        "course",
                        "title",
                        "participants",
                        "hours",
                        "learner_hours",
                        "mode",
                        "languages",
                        "mean_start_week"),
                result.programme().stream()
                        .map(run -> new Object[] {
                            run.order(),
                            run.course().id(),
                            run.course().title(),
                            run.participants(),
                            Planner.hours(run.course().hours()),
                            Planner.hours(run.learnerHours()),
                            run.course().delivery().label(),
                            String.join(";", run.course().languages()),
                            String.format(Locale.ROOT, "%.1f", run.meanStartWeek())
                        })
                        .toList());
    }

    /** The heatmap as CSV: one row per competence, one column per level from A2 to C2. */
    static String heatmapCsv(Result result, Framework framework) {
        var rows = new ArrayList<Object[]>();
        for (var competence : framework.competences()) {
            var counts = result.heatmap().getOrDefault(competence.id(), Map.of());
            var row = new ArrayList<Object>(List.of(competence.id(), competence.title()));
            for (int level = 1; level < Level.values().length; level++) {
                row.add(counts.getOrDefault(Level.values()[level], 0));
            }
            rows.add(row.toArray());
        }
        return csv(List.of("competence", "title", "A2", "B1", "B2", "C1", "C2"), rows);
    }

    private static String csv(List<String> header, List<Object[]> rows) {
        var text = new StringBuilder();
        try {
            var printer = new CSVPrinter(text, CSV);
            printer.printRecord(header);
            for (var row : rows) {
                printer.printRecord(CsvCells.safe(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
