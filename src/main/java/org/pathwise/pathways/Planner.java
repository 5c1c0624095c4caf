package org.pathwise.pathways;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.pathwise.pathways.Explanation.CourseRef;

/**
 * Turns a profile into a {@link Plan} over a catalogue.
 *
 * <ol>
 *   <li>Levels now: the profile's, raised by the exit levels of the courses it has completed.
 *   <li>Open courses: not completed, in one of the educator's languages, in a delivery mode they accept.
 *   <li>Reachable levels: taking every open course that can start, repeatedly, gives the highest level each
 *       competence can reach. A target above it is unreachable, with the reason (no course goes that high; none in
 *       the educator's languages or mode; the entry levels or prerequisites of the courses that do can't be met); the
 *       plan aims at the reachable level instead.
 *   <li>Only relevant courses are searched: those raising a targeted competence, or an entry level a relevant course
 *       needs, and their prerequisites. {@link PathSearch} finds the cheapest set (hours, then number of courses);
 *       with at most {@value #EXACT_POOL} relevant courses it searches to the end, so the plan is optimal; above, it
 *       has a node budget and reports its gap to a lower bound when it stops early.
 *   <li>Deadline: when the plan takes more hours than the weeks allow, targets are lowered one level at a time, each
 *       time the one whose lowering saves the most hours, until the plan fits; those targets are reported as
 *       unreachable because the deadline is too close.
 *   <li>The courses are ordered (prerequisites and entry levels first, shorter courses first otherwise), scheduled
 *       back to back into weeks of the profile's hours, and each step explained.
 * </ol>
 *
 * Taking courses one after another at a constant weekly rate, the finish week follows from the total hours, so the
 * earliest finish comes with the fewest hours.
 */
final class Planner {

    /** Up to this many relevant courses the search runs to the end. */
    static final int EXACT_POOL = 48;

    private final Framework framework;
    /**
     * The search nodes one plan may use when there are more than {@link #EXACT_POOL} relevant courses: a count, not a
     * time, so the same profile gets the same plan on any machine, however busy.
     */
    static final long NODE_BUDGET = 40_000;

    /** The search nodes per educator when a whole cohort is planned. */
    static final long COHORT_NODE_BUDGET = 500;

    private final long nodeBudget;
    private final boolean explained;
    /** The courses in a profile's languages and mode; a cohort shares them between educators alike. */
    private java.util.function.BiFunction<Profile, Catalogue, List<Course>> openCourses = Planner::inLanguagesAndMode;

    static List<Course> inLanguagesAndMode(Profile profile, Catalogue catalogue) {
        return catalogue.courses().stream()
                .filter(c -> profile.speaks(c.languages()))
                .filter(c -> profile.mode().accepts(c.delivery()))
                .toList();
    }

    Planner(Framework framework) {
        this(framework, NODE_BUDGET);
    }

    /** @param nodeBudget the search nodes allowed when there are more than {@value #EXACT_POOL} relevant courses */
    Planner(Framework framework, long nodeBudget) {
        this(framework, nodeBudget, true);
    }

    private Planner(Framework framework, long nodeBudget, boolean explained) {
        this.framework = framework;
        this.nodeBudget = nodeBudget;
        this.explained = explained;
    }

    /**
     * A planner for many educators at once: a smaller search budget on large catalogues, and steps without the
     * sentences that explain them (gaps closed and schedule are kept).
     */
    Planner forCohorts() {
        var planner = new Planner(framework, COHORT_NODE_BUDGET, false);
        var shared = new java.util.concurrent.ConcurrentHashMap<List<Object>, List<Course>>();
        planner.openCourses = (profile, catalogue) -> shared.computeIfAbsent(
                List.of(System.identityHashCode(catalogue), profile.languages(), profile.mode()),
                key -> inLanguagesAndMode(profile, catalogue));
        return planner;
    }

    Plan plan(Profile profile, Catalogue catalogue) {
        var byId = catalogue.byId();
        for (var id : profile.completed()) {
            if (!byId.containsKey(id)) {
                throw new IllegalArgumentException("the completed course '" + id + "' is not in the catalogue");
            }
        }
        var completed = Set.copyOf(profile.completed());
        var now = new TreeMap<String, Level>(profile.current());
        for (var id : completed) {
            byId.get(id).raises().forEach((k, level) -> now.merge(k, level, Level::max));
        }
        var targets = new TreeMap<String, Level>();
        profile.target().forEach((k, level) -> {
            if (level.compareTo(now.getOrDefault(k, Level.A1)) > 0) {
                targets.put(k, level);
            }
        });
        var open = openCourses.apply(profile, catalogue).stream()
                .filter(c -> !completed.contains(c.id()))
                .toList();
        var startable = fixpoint(open, now, completed);
        var reachable = new TreeMap<String, Level>(now);
        startable.forEach(c -> c.raises().forEach((k, level) -> reachable.merge(k, level, Level::max)));

        var unreachable = new LinkedHashMap<String, Plan.Unreachable>();
        var aims = new TreeMap<String, Level>();
        for (var entry : targets.entrySet()) {
            var k = entry.getKey();
            var level = entry.getValue();
            var best = reachable.getOrDefault(k, Level.A1);
            if (best.compareTo(level) < 0) {
                unreachable.put(
                        k,
                        new Plan.Unreachable(
                                k,
                                framework.title(k),
                                level,
                                best,
                                whyUnreachable(k, level, catalogue, open, startable, completed, profile, now)));
                if (best.compareTo(now.getOrDefault(k, Level.A1)) > 0) {
                    aims.put(k, best);
                }
            } else {
                aims.put(k, level);
            }
        }

        var pool = undominated(relevant(startable, aims, now), aims, now, completed);
        var problem = new Problem(pool, now, completed);
        boolean exact = pool.size() <= EXACT_POOL;
        var solved = problem.solve(aims, exact ? Long.MAX_VALUE : nodeBudget);
        double capacity = profile.capacity();
        var full = new TreeMap<>(aims);
        double fullHours = PathSearch.hoursOf(solved.cost());
        while (solved.feasible() && PathSearch.hoursOf(solved.cost()) > capacity + 1e-9 && !aims.isEmpty()) {
            PathSearch.Result bestTrial = null;
            TreeMap<String, Level> bestAims = null;
            long trialBudget = exact ? Long.MAX_VALUE : Math.max(1000, nodeBudget / 10);
            for (var k : aims.keySet()) {
                var trial = new TreeMap<>(aims);
                var lower = Level.values()[aims.get(k).ordinal() - 1];
                if (lower.compareTo(now.getOrDefault(k, Level.A1)) <= 0) {
                    trial.remove(k);
                } else {
                    trial.put(k, lower);
                }
                var result = problem.solve(trial, trialBudget);
                if (result.feasible() && (bestTrial == null || result.cost() < bestTrial.cost())) {
                    bestTrial = result;
                    bestAims = trial;
                }
            }
            if (bestTrial == null) {
                break;
            }
            aims = bestAims;
            solved = bestTrial;
        }
        for (var entry : full.entrySet()) {
            var k = entry.getKey();
            var aimed = aims.getOrDefault(k, now.getOrDefault(k, Level.A1));
            if (aimed.compareTo(entry.getValue()) < 0) {
                var wanted = targets.get(k);
                unreachable.put(
                        k,
                        new Plan.Unreachable(
                                k,
                                framework.title(k),
                                wanted,
                                aimed,
                                Explanation.of(
                                        "path.explain.deadline",
                                        hours(capacity),
                                        hours(profile.hoursPerWeek()),
                                        String.valueOf(profile.weeks()),
                                        hours(fullHours),
                                        aimed)));
            }
        }

        var order = solved.feasible() ? problem.search().order(solved.courses()) : List.<Integer>of();
        var chosen = order.stream().map(pool::get).toList();
        var steps = explain(chosen, now, aims, targets, profile, catalogue, open, completed);
        var reached = new TreeMap<String, Level>();
        var levels = new HashMap<String, Level>(now);
        chosen.forEach(c -> c.raises().forEach((k, level) -> levels.merge(k, level, Level::max)));
        targets.keySet().forEach(k -> reached.put(k, levels.getOrDefault(k, Level.A1)));
        profile.target().forEach((k, level) -> reached.putIfAbsent(k, levels.getOrDefault(k, Level.A1)));
        double total = chosen.stream().mapToDouble(Course::hours).sum();
        int weeks = (int) Math.ceil(total / profile.hoursPerWeek() - 1e-9);
        double lowerBound = solved.optimal() ? total : PathSearch.hoursOf(solved.lowerBound());
        var ordered = new ArrayList<>(unreachable.values());
        return new Plan(
                steps,
                total,
                weeks,
                ordered,
                solved.optimal(),
                lowerBound,
                profile.target(),
                reached,
                open.size(),
                solved.nodes());
    }

    /** The open courses that can ever start, in catalogue order. */
    static List<Course> fixpoint(List<Course> open, Map<String, Level> now, Set<String> completed) {
        var levels = new HashMap<String, Level>(now);
        var done = new HashSet<String>(completed);
        var waiting = new ArrayList<>(open);
        boolean progress = true;
        while (progress) {
            progress = false;
            for (var iterator = waiting.iterator(); iterator.hasNext(); ) {
                var course = iterator.next();
                if (startable(course, levels, done)) {
                    iterator.remove();
                    done.add(course.id());
                    course.raises().forEach((k, level) -> levels.merge(k, level, Level::max));
                    progress = true;
                }
            }
        }
        return open.stream().filter(c -> done.contains(c.id())).toList();
    }

    private static boolean startable(Course course, Map<String, Level> levels, Set<String> done) {
        for (var prerequisite : course.prerequisites()) {
            if (!done.contains(prerequisite)) {
                return false;
            }
        }
        for (var require : course.requires().entrySet()) {
            if (levels.getOrDefault(require.getKey(), Level.A1).compareTo(require.getValue()) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Courses that raise an aimed competence or an entry level a relevant course needs above its current level, with
     * their prerequisites; found with a work list over competences, so each course is looked at once per competence
     * it raises.
     */
    static List<Course> relevant(List<Course> startable, Map<String, Level> aims, Map<String, Level> now) {
        var byId = new HashMap<String, Course>();
        var raising = new HashMap<String, List<Course>>();
        for (var course : startable) {
            byId.put(course.id(), course);
            course.raises().forEach((k, level) -> {
                if (level.compareTo(now.getOrDefault(k, Level.A1)) > 0) {
                    raising.computeIfAbsent(k, key -> new ArrayList<>()).add(course);
                }
            });
        }
        var needed = new HashSet<String>();
        var competences = new java.util.ArrayDeque<String>();
        var courses = new java.util.ArrayDeque<Course>();
        var relevant = new HashSet<String>();
        for (var k : aims.keySet()) {
            if (needed.add(k)) {
                competences.add(k);
            }
        }
        while (!competences.isEmpty() || !courses.isEmpty()) {
            if (!competences.isEmpty()) {
                courses.addAll(raising.getOrDefault(competences.poll(), List.of()));
                continue;
            }
            var course = courses.poll();
            if (!relevant.add(course.id())) {
                continue;
            }
            course.requires().forEach((k, level) -> {
                if (level.compareTo(now.getOrDefault(k, Level.A1)) > 0 && needed.add(k)) {
                    competences.add(k);
                }
            });
            for (var prerequisite : course.prerequisites()) {
                var required = byId.get(prerequisite);
                if (required != null) {
                    courses.add(required);
                }
            }
        }
        return startable.stream().filter(c -> relevant.contains(c.id())).toList();
    }

    /**
     * Drops every course another course dominates: one that costs no more (fewer hours, or the same hours and earlier
     * in the catalogue), raises every needed competence the first raises at least as high, requires nothing the first
     * does not require at least as high, and has no prerequisite the first lacks. Any plan with the dominated course
     * stays valid, and no dearer, with the other in its place, so the optimum is kept. A course that is some course's
     * prerequisite is always kept.
     */
    static List<Course> undominated(
            List<Course> pool, Map<String, Level> aims, Map<String, Level> now, Set<String> completed) {
        int n = pool.size();
        var index = new HashMap<String, Integer>();
        for (var course : pool) {
            course.raises().keySet().forEach(k -> index.putIfAbsent(k, index.size()));
            course.requires().keySet().forEach(k -> index.putIfAbsent(k, index.size()));
        }
        int k = index.size();
        var current = new int[k];
        index.forEach((id, i) -> current[i] = now.getOrDefault(id, Level.A1).ordinal());
        var needed = new boolean[k];
        aims.keySet().forEach(id -> {
            if (index.containsKey(id)) {
                needed[index.get(id)] = true;
            }
        });
        // levels as arrays, -1 for none; requirements already met count as none
        var raises = new int[n][k];
        var requires = new int[n][k];
        var costs = new long[n];
        var prerequisites = new HashSet<String>();
        for (int i = 0; i < n; i++) {
            var course = pool.get(i);
            java.util.Arrays.fill(raises[i], -1);
            java.util.Arrays.fill(requires[i], -1);
            for (var e : course.raises().entrySet()) {
                raises[i][index.get(e.getKey())] = e.getValue().ordinal();
            }
            for (var e : course.requires().entrySet()) {
                int c = index.get(e.getKey());
                if (e.getValue().ordinal() > current[c]) {
                    requires[i][c] = e.getValue().ordinal();
                    needed[c] = true;
                }
            }
            costs[i] = PathSearch.costOf(course.hours());
            prerequisites.addAll(course.prerequisites());
        }
        var byCompetence = new ArrayList<List<Integer>>();
        for (int c = 0; c < k; c++) {
            byCompetence.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                if (raises[i][c] >= 0) {
                    byCompetence.get(c).add(i);
                }
            }
        }
        // cheapest first, so the search for a dominating course stops at the first dearer one
        byCompetence.forEach(
                list -> list.sort((x, y) -> costs[x] != costs[y] ? Long.compare(costs[x], costs[y]) : x - y));
        var kept = new ArrayList<Course>();
        for (int a = 0; a < n; a++) {
            var course = pool.get(a);
            int first = -1;
            for (int c = 0; c < k && first < 0; c++) {
                if (needed[c] && raises[a][c] > current[c]) {
                    first = c;
                }
            }
            boolean dominated = false;
            if (first >= 0 && !prerequisites.contains(course.id())) {
                for (int b : byCompetence.get(first)) {
                    if (costs[b] > costs[a]) {
                        break;
                    }
                    if (b != a
                            && (costs[b] < costs[a] || b < a)
                            && dominates(b, a, raises, requires, needed, current)
                            && pool.get(b).prerequisites().stream()
                                    .allMatch(p -> completed.contains(p)
                                            || course.prerequisites().contains(p))) {
                        dominated = true;
                        break;
                    }
                }
            }
            if (!dominated) {
                kept.add(course);
            }
        }
        return kept;
    }

    /** Whether course b raises every needed competence a raises at least as high and requires no more than a. */
    private static boolean dominates(int b, int a, int[][] raises, int[][] requires, boolean[] needed, int[] current) {
        for (int c = 0; c < current.length; c++) {
            if (needed[c] && raises[a][c] > current[c] && raises[b][c] < raises[a][c]) {
                return false;
            }
            if (requires[b][c] > requires[a][c]) {
                return false;
            }
        }
        return true;
    }

    /** The relevant courses as arrays for {@link PathSearch}. */
    private static final class Problem {
        private final List<Course> pool;
        private final Map<String, Level> now;
        private final Map<String, Integer> competences = new LinkedHashMap<>();
        private final long[] cost;
        private final int[][] raiseCompetence;
        private final int[][] raiseLevel;
        private final int[][] requireCompetence;
        private final int[][] requireLevel;
        private final int[][] prerequisites;
        private PathSearch last;

        Problem(List<Course> pool, Map<String, Level> now, Set<String> completed) {
            this.pool = pool;
            this.now = now;
            int n = pool.size();
            var index = new HashMap<String, Integer>();
            for (int i = 0; i < n; i++) {
                index.put(pool.get(i).id(), i);
            }
            cost = new long[n];
            raiseCompetence = new int[n][];
            raiseLevel = new int[n][];
            requireCompetence = new int[n][];
            requireLevel = new int[n][];
            prerequisites = new int[n][];
            for (int i = 0; i < n; i++) {
                var course = pool.get(i);
                cost[i] = PathSearch.costOf(course.hours());
                raiseCompetence[i] = course.raises().keySet().stream()
                        .mapToInt(this::competence)
                        .toArray();
                raiseLevel[i] = course.raises().values().stream()
                        .mapToInt(Level::ordinal)
                        .toArray();
                requireCompetence[i] = course.requires().keySet().stream()
                        .mapToInt(this::competence)
                        .toArray();
                requireLevel[i] = course.requires().values().stream()
                        .mapToInt(Level::ordinal)
                        .toArray();
                prerequisites[i] = course.prerequisites().stream()
                        .filter(p -> !completed.contains(p))
                        .mapToInt(index::get)
                        .toArray();
            }
        }

        private int competence(String id) {
            return competences.computeIfAbsent(id, k -> competences.size());
        }

        PathSearch.Result solve(Map<String, Level> aims, long budget) {
            aims.keySet().forEach(this::competence);
            int k = competences.size();
            var initial = new int[k];
            var target = new int[k];
            java.util.Arrays.fill(target, -1);
            competences.forEach(
                    (id, i) -> initial[i] = now.getOrDefault(id, Level.A1).ordinal());
            aims.forEach((id, level) -> target[competences.get(id)] = level.ordinal());
            last = new PathSearch(
                    cost, raiseCompetence, raiseLevel, requireCompetence, requireLevel, prerequisites, initial, target);
            return last.solve(budget);
        }

        PathSearch search() {
            return last;
        }
    }

    // ---- explanations

    private List<Plan.Step> explain(
            List<Course> chosen,
            Map<String, Level> now,
            Map<String, Level> aims,
            Map<String, Level> targets,
            Profile profile,
            Catalogue catalogue,
            List<Course> open,
            Set<String> completed) {
        var levels = new HashMap<String, Level>(now);
        var steps = new ArrayList<Plan.Step>();
        double start = 0;
        var chosenIds = chosen.stream().map(Course::id).collect(Collectors.toSet());
        var openIds = open.stream().map(Course::id).collect(Collectors.toSet());
        for (int i = 0; i < chosen.size(); i++) {
            var course = chosen.get(i);
            var before = new HashMap<>(levels);
            var gaps = new ArrayList<Plan.Gap>();
            for (var raise : course.raises().entrySet()) {
                var k = raise.getKey();
                var from = before.getOrDefault(k, Level.A1);
                if (raise.getValue().compareTo(from) > 0) {
                    var aim = targets.get(k);
                    if (aim == null) {
                        aim = neededLater(k, chosen.subList(i + 1, chosen.size()));
                    }
                    gaps.add(new Plan.Gap(k, framework.title(k), from, raise.getValue(), aim));
                }
            }
            course.raises().forEach((k, level) -> levels.merge(k, level, Level::max));
            var later = chosen.subList(i + 1, chosen.size());
            int week = (int) Math.floor(start / profile.hoursPerWeek() + 1e-9) + 1;
            start += course.hours();
            int endWeek = Math.max(week, (int) Math.ceil(start / profile.hoursPerWeek() - 1e-9));
            steps.add(
                    explained
                            ? new Plan.Step(
                                    course,
                                    week,
                                    endWeek,
                                    gaps,
                                    reason(course, gaps, targets, later, before),
                                    before(course, later, before),
                                    alternative(
                                            course, gaps, catalogue, chosenIds, openIds, completed, before, profile),
                                    List.of())
                            : new Plan.Step(
                                    course,
                                    week,
                                    endWeek,
                                    gaps,
                                    Explanation.NONE,
                                    Explanation.NONE,
                                    Explanation.NONE,
                                    List.of()));
        }
        return steps;
    }

    private static Level neededLater(String k, List<Course> later) {
        return later.stream()
                .map(c -> c.requires().get(k))
                .filter(java.util.Objects::nonNull)
                .max(Level::compareTo)
                .orElse(null);
    }

    private Explanation reason(
            Course course,
            List<Plan.Gap> gaps,
            Map<String, Level> targets,
            List<Course> later,
            Map<String, Level> before) {
        var parts = new ArrayList<Explanation>();
        for (var gap : gaps) {
            var target = targets.get(gap.competence());
            if (target != null) {
                parts.add(Explanation.of(
                        "path.explain.raises",
                        gap.competence(),
                        Explanation.CompetenceRef.of(framework, gap.competence()),
                        gap.from(),
                        gap.to(),
                        target));
            }
        }
        for (var next : later) {
            if (next.prerequisites().contains(course.id())) {
                parts.add(Explanation.of("path.explain.prerequisite-of", CourseRef.of(next)));
            }
            for (var require : next.requires().entrySet()) {
                var k = require.getKey();
                if (before.getOrDefault(k, Level.A1).compareTo(require.getValue()) < 0
                        && course.raises().getOrDefault(k, Level.A1).compareTo(require.getValue()) >= 0) {
                    parts.add(Explanation.of("path.explain.entry-level", k, require.getValue(), CourseRef.of(next)));
                }
            }
        }
        return parts.isEmpty()
                ? Explanation.of("path.explain.completes")
                : Explanation.joined("path.explain.also", parts);
    }

    private static Explanation before(Course course, List<Course> later, Map<String, Level> before) {
        var reasons = new ArrayList<Explanation>();
        for (var next : later) {
            if (next.prerequisites().contains(course.id())) {
                reasons.add(Explanation.of("path.explain.listed-prerequisite", CourseRef.of(next)));
                continue;
            }
            for (var require : next.requires().entrySet()) {
                var k = require.getKey();
                if (before.getOrDefault(k, Level.A1).compareTo(require.getValue()) < 0
                        && course.raises().getOrDefault(k, Level.A1).compareTo(require.getValue()) >= 0) {
                    reasons.add(Explanation.of("path.explain.needs-before", CourseRef.of(next), k, require.getValue()));
                    break;
                }
            }
        }
        if (!reasons.isEmpty()) {
            return Explanation.of("path.explain.first-because", Explanation.joined("path.explain.and", reasons));
        }
        return later.isEmpty() ? Explanation.of("path.explain.last") : Explanation.of("path.explain.free-order");
    }

    private Explanation alternative(
            Course course,
            List<Plan.Gap> gaps,
            Catalogue catalogue,
            Set<String> chosen,
            Set<String> open,
            Set<String> completed,
            Map<String, Level> before,
            Profile profile) {
        if (gaps.isEmpty()) {
            return Explanation.of("path.explain.no-alternative");
        }
        var gap = gaps.getFirst();
        var rivals = catalogue.courses().stream()
                .filter(c -> !chosen.contains(c.id()) && !completed.contains(c.id()))
                .filter(c -> c.raises().getOrDefault(gap.competence(), Level.A1).compareTo(gap.to()) >= 0)
                .toList();
        var openRivals = rivals.stream().filter(c -> open.contains(c.id())).toList();
        if (!openRivals.isEmpty()) {
            var rival = openRivals.stream()
                    .min(java.util.Comparator.comparingDouble(Course::hours).thenComparing(Course::id))
                    .orElseThrow();
            Explanation why;
            var missing = rival.requires().entrySet().stream()
                    .filter(e -> before.getOrDefault(e.getKey(), Level.A1).compareTo(e.getValue()) < 0)
                    .findFirst();
            var prerequisite = rival.prerequisites().stream()
                    .filter(p -> !chosen.contains(p) && !completed.contains(p))
                    .findFirst();
            if (missing.isPresent()) {
                why = Explanation.of(
                        "path.explain.rival-needs-level",
                        missing.get().getKey(),
                        missing.get().getValue());
            } else if (prerequisite.isPresent()) {
                why = Explanation.of("path.explain.rival-needs-course", course(catalogue, prerequisite.get()));
            } else if (rival.hours() > course.hours()) {
                why = Explanation.of("path.explain.rival-longer", hours(rival.hours()), hours(course.hours()));
            } else {
                why = Explanation.of("path.explain.rival-fewer-gaps");
            }
            return Explanation.of("path.explain.chosen-over", rival.id(), rival.title(), why);
        }
        if (!rivals.isEmpty()) {
            var rival = rivals.getFirst();
            var why = !profile.speaks(rival.languages())
                    ? Explanation.of("path.explain.rival-languages", String.join(", ", rival.languages()))
                    : Explanation.of("path.explain.rival-mode", rival.delivery(), profile.mode());
            return Explanation.of("path.explain.only-open", gap.competence(), gap.to(), CourseRef.of(rival), why);
        }
        return Explanation.of("path.explain.only-one", gap.competence(), gap.to());
    }

    /** A course of the catalogue by id, named by its title when the catalogue has it. */
    private static CourseRef course(Catalogue catalogue, String id) {
        return catalogue.course(id).map(CourseRef::of).orElseGet(() -> new CourseRef(id, id));
    }

    private Explanation whyUnreachable(
            String k,
            Level level,
            Catalogue catalogue,
            List<Course> open,
            List<Course> startable,
            Set<String> completed,
            Profile profile,
            Map<String, Level> now) {
        var title = Explanation.CompetenceRef.of(framework, k);
        var raising = catalogue.courses().stream()
                .filter(c -> !completed.contains(c.id()))
                .filter(c -> c.raises().getOrDefault(k, Level.A1).compareTo(level) >= 0)
                .toList();
        if (raising.isEmpty()) {
            var highest = catalogue.courses().stream()
                    .map(c -> c.raises().get(k))
                    .filter(java.util.Objects::nonNull)
                    .max(Level::compareTo);
            return highest.map(h -> Explanation.of("path.explain.no-course-highest", k, title, level, h))
                    .orElseGet(() -> Explanation.of("path.explain.no-course", k, title, level));
        }
        var inMode = raising.stream()
                .filter(c -> profile.speaks(c.languages()) && profile.mode().accepts(c.delivery()))
                .toList();
        if (inMode.isEmpty()) {
            var otherLanguage =
                    raising.stream().filter(c -> !profile.speaks(c.languages())).findFirst();
            var otherMode =
                    raising.stream().filter(c -> profile.speaks(c.languages())).findFirst();
            var languages = String.join(", ", profile.languages());
            if (otherMode.isEmpty()) {
                var other = otherLanguage.get();
                return Explanation.of(
                        "path.explain.none-in-languages",
                        languages,
                        k,
                        title,
                        level,
                        CourseRef.of(other),
                        String.join(", ", other.languages()));
            }
            if (otherLanguage.isEmpty()) {
                var other = otherMode.get();
                return Explanation.of(
                        "path.explain.none-in-mode",
                        profile.mode(),
                        k,
                        title,
                        level,
                        CourseRef.of(other),
                        other.delivery());
            }
            return Explanation.of(
                    "path.explain.none-in-languages-and-mode",
                    languages,
                    profile.mode(),
                    k,
                    title,
                    level,
                    CourseRef.of(otherLanguage.get()),
                    String.join(", ", otherLanguage.get().languages()),
                    CourseRef.of(otherMode.get()),
                    otherMode.get().delivery());
        }
        var startableIds = startable.stream().map(Course::id).collect(Collectors.toSet());
        var openIds = open.stream().map(Course::id).collect(Collectors.toSet());
        var levels = new HashMap<String, Level>(now);
        startable.forEach(c -> c.raises().forEach((key, l) -> levels.merge(key, l, Level::max)));
        var course = inMode.getFirst();
        var prerequisite = course.prerequisites().stream()
                .filter(p -> !completed.contains(p) && !startableIds.contains(p))
                .findFirst();
        if (prerequisite.isPresent()) {
            var p = prerequisite.get();
            return Explanation.of(
                    openIds.contains(p) ? "path.explain.prerequisite-blocked" : "path.explain.prerequisite-closed",
                    CourseRef.of(course),
                    k,
                    title,
                    level,
                    course(catalogue, p));
        }
        var entry = course.requires().entrySet().stream()
                .filter(e -> levels.getOrDefault(e.getKey(), Level.A1).compareTo(e.getValue()) < 0)
                .findFirst();
        return entry.map(e -> Explanation.of(
                        "path.explain.entry-unreachable",
                        CourseRef.of(course),
                        k,
                        title,
                        level,
                        e.getKey(),
                        e.getValue()))
                .orElseGet(() -> Explanation.of("path.explain.cannot-start", k, title, level));
    }

    static String hours(double hours) {
        return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.format(Locale.ROOT, "%.1f", hours);
    }
}
