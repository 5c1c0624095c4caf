package org.pathwise.pathways;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the cheapest set of courses that can be taken in some order so that every target level is reached, where
 * cost is total hours first and number of courses second. Courses are indices {@code 0..n-1}, competences indices
 * {@code 0..k-1}, levels ordinals; a course can start once its prerequisites are done and every level it requires is
 * reached by the starting levels or an earlier course. Levels never go down, so a set can be ordered if and only if
 * taking any startable course of it, repeatedly, takes them all; the search therefore works on sets, and orders the
 * best one at the end.
 *
 * <p>Strategy: depth-first branch and bound. A node is a set of chosen and a set of excluded courses. Its unmet
 * needs are the target levels and the chosen courses' entry levels that no chosen course reaches, and the chosen
 * courses' prerequisites not chosen. The node branches on the need with the fewest candidate courses: the i-th branch
 * takes the i-th cheapest candidate and excludes the cheaper ones, so no set is visited twice. When every need is met
 * but the chosen set can't be ordered (two courses each waiting for the other), the node branches on the courses that
 * would unblock one of the stuck courses; every orderable superset contains one of them. The lower bound of a node is
 * the larger of (a) the dearest of the needs' cheapest candidates and (b) the sum over needs of the cheapest share,
 * where a candidate's cost is shared equally among the needs it meets; both are below the cost of any completion, so
 * pruning never loses the optimum. A greedy solution (most needs met per hour) is the first incumbent.
 *
 * <p>With a node budget the search may stop early; it then returns its best set and reports that the result is not
 * proven optimal, with the root's lower bound.
 */
final class PathSearch {

    /** Cost units: a course costs its hours in hundredths times this, plus one, so fewer courses break hour ties. */
    static final long PER_CENTI_HOUR = 1000;

    private final int n;
    private final long[] cost;
    private final int[][] raiseCompetence;
    private final int[][] raiseLevel;
    private final int[][] requireCompetence;
    private final int[][] requireLevel;
    private final int[][] prerequisites;
    private final int[] initial;
    private final int[] target;
    /** Per competence, the courses that raise it, cheapest first. */
    private final int[][] raisers;

    private final boolean[] chosen;
    /** The chosen courses as a stack, so a node reads them without scanning every course. */
    private final int[] chosenList;

    private int chosenCount;
    private final boolean[] excluded;
    /** Per competence and level, the least cost of a chain of undecided courses reaching it (see {@link #chains}). */
    private final long[][] reach;

    private final long[] entry;
    private final int[] coverage;
    private long best = Long.MAX_VALUE;
    private boolean[] bestSet;
    private long nodes;
    private long budget;
    private boolean aborted;

    /** The outcome: the chosen courses (empty when nothing is needed), or none when the targets can't be reached. */
    record Result(int[] courses, long cost, boolean optimal, long lowerBound, long nodes, boolean feasible) {}

    PathSearch(
            long[] cost,
            int[][] raiseCompetence,
            int[][] raiseLevel,
            int[][] requireCompetence,
            int[][] requireLevel,
            int[][] prerequisites,
            int[] initial,
            int[] target) {
        this.n = cost.length;
        this.cost = cost;
        this.raiseCompetence = raiseCompetence;
        this.raiseLevel = raiseLevel;
        this.requireCompetence = requireCompetence;
        this.requireLevel = requireLevel;
        this.prerequisites = prerequisites;
        this.initial = initial;
        this.target = target;
        this.chosen = new boolean[n];
        this.chosenList = new int[n];
        this.excluded = new boolean[n];
        this.reach = new long[initial.length][6];
        this.entry = new long[n];
        this.coverage = new int[n];
        int k = initial.length;
        var lists = new ArrayList<List<Integer>>();
        for (int i = 0; i < k; i++) {
            lists.add(new ArrayList<>());
        }
        for (int c = 0; c < n; c++) {
            for (int r = 0; r < raiseCompetence[c].length; r++) {
                lists.get(raiseCompetence[c][r]).add(c);
            }
        }
        raisers = new int[k][];
        for (int i = 0; i < k; i++) {
            raisers[i] = lists.get(i).stream()
                    .sorted((a, b) -> a.equals(b) ? 0 : cost[a] != cost[b] ? Long.compare(cost[a], cost[b]) : a - b)
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
    }

    static long costOf(double hours) {
        return Math.round(hours * 100) * PER_CENTI_HOUR + 1;
    }

    static double hoursOf(long cost) {
        return (cost / PER_CENTI_HOUR) / 100.0;
    }

    /**
     * Solves within a node budget, which makes the result the same on any machine however busy; the greedy solution
     * is found first whatever the budget, so a stopped search still returns a valid set when there is one.
     */
    Result solve(long nodeBudget) {
        this.budget = nodeBudget;
        var greedy = greedy();
        if (greedy != null) {
            best = 0;
            bestSet = greedy;
            for (int c = 0; c < n; c++) {
                if (greedy[c]) {
                    best += cost[c];
                }
            }
        }
        long rootBound = rootLowerBound();
        search(0);
        if (bestSet == null) {
            return new Result(new int[0], 0, !aborted, rootBound, nodes, false);
        }
        var courses = new ArrayList<Integer>();
        for (int c = 0; c < n; c++) {
            if (bestSet[c]) {
                courses.add(c);
            }
        }
        return new Result(
                courses.stream().mapToInt(Integer::intValue).toArray(),
                best,
                !aborted,
                aborted ? Math.min(rootBound, best) : best,
                nodes,
                true);
    }

    // ---- the branch and bound

    private void search(long spent) {
        if (++nodes > budget) {
            aborted = true;
            return;
        }
        var levels = reachedIgnoringOrder();
        var needs = needs(levels);
        if (needs == null) {
            return; // a chosen course's prerequisite is excluded
        }
        if (needs.length == 0) {
            var stuck = stuckCandidates();
            if (stuck == null) {
                if (spent < best) {
                    best = spent;
                    bestSet = chosen.clone();
                }
                return;
            }
            if (stuck.length == 0 || spent + cost[stuck[0]] >= best) {
                return;
            }
            branch(stuck, spent);
            return;
        }
        long bound = bound(needs);
        if (bound != Long.MAX_VALUE) {
            bound = Math.max(bound, ladders(needs, levels));
        }
        if (bound != Long.MAX_VALUE && spent + bound < best) {
            bound = Math.max(bound, chains(needs, levels));
        }
        if (bound == Long.MAX_VALUE || spent + bound >= best) {
            return;
        }
        int[] narrowest = null;
        for (var need : needs) {
            var candidates = candidates(need);
            if (narrowest == null || candidates.length < narrowest.length) {
                narrowest = candidates;
            }
        }
        branch(narrowest, spent);
    }

    private void branch(int[] candidates, long spent) {
        int excludedHere = 0;
        for (int candidate : candidates) {
            if (aborted) {
                break;
            }
            if (spent + cost[candidate] >= best) {
                break; // candidates come cheapest first
            }
            chosen[candidate] = true;
            chosenList[chosenCount++] = candidate;
            search(spent + cost[candidate]);
            chosenCount--;
            chosen[candidate] = false;
            excluded[candidate] = true;
            excludedHere++;
        }
        for (int i = 0; i < excludedHere; i++) {
            excluded[candidates[i]] = false;
        }
    }

    /** The level per competence if every chosen course were done, order aside. */
    private int[] reachedIgnoringOrder() {
        var levels = initial.clone();
        for (int i = 0; i < chosenCount; i++) {
            int c = chosenList[i];
            for (int r = 0; r < raiseCompetence[c].length; r++) {
                int k = raiseCompetence[c][r];
                levels[k] = Math.max(levels[k], raiseLevel[c][r]);
            }
        }
        return levels;
    }

    /**
     * Unmet needs, encoded as {@code competence * 8 + level} for a level or {@code -(course + 1)} for a prerequisite;
     * null when a needed prerequisite is excluded.
     */
    private int[] needs(int[] levels) {
        var wanted = target.clone();
        var courseNeeds = new ArrayList<Integer>();
        for (int i = 0; i < chosenCount; i++) {
            int c = chosenList[i];
            for (int q = 0; q < requireCompetence[c].length; q++) {
                int k = requireCompetence[c][q];
                wanted[k] = Math.max(wanted[k], requireLevel[c][q]);
            }
            for (int p : prerequisites[c]) {
                if (!chosen[p]) {
                    if (excluded[p]) {
                        return null;
                    }
                    if (!courseNeeds.contains(p)) {
                        courseNeeds.add(p);
                    }
                }
            }
        }
        int count = courseNeeds.size();
        for (int k = 0; k < wanted.length; k++) {
            if (wanted[k] > levels[k]) {
                count++;
            }
        }
        var needs = new int[count];
        int i = 0;
        for (int k = 0; k < wanted.length; k++) {
            if (wanted[k] > levels[k]) {
                needs[i++] = k * 8 + wanted[k];
            }
        }
        for (int p : courseNeeds) {
            needs[i++] = -(p + 1);
        }
        return needs;
    }

    /** The undecided courses that meet a need, cheapest first. */
    private int[] candidates(int need) {
        if (need < 0) {
            int p = -need - 1;
            return excluded[p] ? new int[0] : new int[] {p};
        }
        int k = need / 8;
        int level = need % 8;
        int count = 0;
        var result = new int[raisers[k].length];
        for (int c : raisers[k]) {
            // a course that needs the level itself can't be the one that brings it
            if (!chosen[c] && !excluded[c] && raisedTo(c, k) >= level && requiredOn(c, k) < level) {
                result[count++] = c;
            }
        }
        return Arrays.copyOf(result, count);
    }

    private int raisedTo(int course, int competence) {
        for (int r = 0; r < raiseCompetence[course].length; r++) {
            if (raiseCompetence[course][r] == competence) {
                return raiseLevel[course][r];
            }
        }
        return -1;
    }

    /** A lower bound on the cost of meeting all needs, or MAX_VALUE when one can't be met. */
    private long bound(int[] needs) {
        long dearest = 0;
        var lists = new int[needs.length][];
        var touched = new ArrayList<Integer>();
        for (int i = 0; i < needs.length; i++) {
            lists[i] = candidates(needs[i]);
            if (lists[i].length == 0) {
                for (int c : touched) {
                    coverage[c] = 0;
                }
                return Long.MAX_VALUE;
            }
            dearest = Math.max(dearest, cost[lists[i][0]]);
            for (int c : lists[i]) {
                if (coverage[c]++ == 0) {
                    touched.add(c);
                }
            }
        }
        double shares = 0;
        for (var list : lists) {
            double cheapest = Double.MAX_VALUE;
            for (int c : list) {
                cheapest = Math.min(cheapest, (double) cost[c] / coverage[c]);
            }
            shares += cheapest;
        }
        for (int c : touched) {
            coverage[c] = 0;
        }
        return Math.max(dearest, (long) Math.ceil(shares - 1e-6));
    }

    private long rootLowerBound() {
        var needs = needs(initial);
        if (needs == null || needs.length == 0) {
            return 0;
        }
        long bound = bound(needs);
        if (bound != Long.MAX_VALUE) {
            bound = Math.max(bound, Math.max(ladders(needs, initial), chains(needs, initial)));
        }
        return bound == Long.MAX_VALUE ? 0 : bound;
    }

    /**
     * The sum over needed competences of the cheapest ladder: to take competence k to a level, some course must raise
     * it there, and if that course's entry level on k is above the current level, another course raising k must come
     * first, and so on. A course is charged to each competence it raises at an equal share of its cost, so that
     * summing over competences counts no course more than once in full. MAX_VALUE when a competence has no ladder.
     */
    private long ladders(int[] needs, int[] levels) {
        double total = 0;
        var best = new double[6];
        for (int need : needs) {
            if (need < 0) {
                continue;
            }
            int k = need / 8;
            int wanted = need % 8;
            Arrays.fill(best, Double.MAX_VALUE);
            for (int level = 0; level <= levels[k]; level++) {
                best[level] = 0;
            }
            for (int level = levels[k] + 1; level <= wanted; level++) {
                for (int c : raisers[k]) {
                    if (chosen[c] || excluded[c] || raisedTo(c, k) < level) {
                        continue;
                    }
                    int from = Math.max(requiredOn(c, k), levels[k]);
                    if (from >= level || best[from] == Double.MAX_VALUE) {
                        continue;
                    }
                    best[level] = Math.min(best[level], best[from] + (double) cost[c] / raiseCompetence[c].length);
                }
            }
            if (best[wanted] == Double.MAX_VALUE) {
                return Long.MAX_VALUE;
            }
            total += best[wanted];
        }
        return (long) Math.ceil(total - 1e-6);
    }

    /** The entry level a course requires on a competence, 0 (A1) when none. */
    private int requiredOn(int course, int competence) {
        for (int q = 0; q < requireCompetence[course].length; q++) {
            if (requireCompetence[course][q] == competence) {
                return requireLevel[course][q];
            }
        }
        return 0;
    }

    private static final long INFINITE = Long.MAX_VALUE / 4;

    /**
     * The dearest need counted with what it takes to start: a course that meets a need can't meet its own entry
     * levels or prerequisites, so some other undecided course must, and so on down the chain; the courses of one chain
     * are distinct, so the cheapest chain for each need is a lower bound. Computed by relaxing {@code reach[k][level]}
     * (the cheapest chain that ends with competence k at that level) until it no longer changes. MAX_VALUE when a need
     * has no chain.
     */
    private long chains(int[] needs, int[] levels) {
        for (int k = 0; k < reach.length; k++) {
            for (int level = 0; level < 6; level++) {
                reach[k][level] = level <= levels[k] ? 0 : INFINITE;
            }
        }
        Arrays.fill(entry, INFINITE);
        boolean changed = true;
        for (int round = 0; changed && round < 16; round++) {
            changed = false;
            for (int c = 0; c < n; c++) {
                if (chosen[c] || excluded[c]) {
                    continue;
                }
                long start = 0;
                for (int q = 0; q < requireCompetence[c].length && start < INFINITE; q++) {
                    start = Math.max(start, reach[requireCompetence[c][q]][requireLevel[c][q]]);
                }
                for (int p : prerequisites[c]) {
                    if (!chosen[p]) {
                        start = Math.max(start, excluded[p] ? INFINITE : Math.min(INFINITE, cost[p] + entry[p]));
                    }
                }
                if (start >= entry[c]) {
                    continue;
                }
                entry[c] = start;
                long total = Math.min(INFINITE, cost[c] + start);
                for (int r = 0; r < raiseCompetence[c].length; r++) {
                    int k = raiseCompetence[c][r];
                    for (int level = levels[k] + 1; level <= raiseLevel[c][r]; level++) {
                        if (total < reach[k][level]) {
                            reach[k][level] = total;
                            changed = true;
                        }
                    }
                }
                changed = true;
            }
        }
        if (changed) {
            return 0; // not settled: the values so far may be too high to be a bound
        }
        long bound = 0;
        for (int need : needs) {
            long value;
            if (need < 0) {
                int p = -need - 1;
                value = excluded[p] ? INFINITE : cost[p] + entry[p];
            } else {
                value = reach[need / 8][need % 8];
            }
            if (value >= INFINITE) {
                return Long.MAX_VALUE;
            }
            bound = Math.max(bound, value);
        }
        return bound;
    }

    /**
     * Null when the chosen courses can be ordered; otherwise the undecided courses that would unblock a stuck one,
     * cheapest first.
     */
    private int[] stuckCandidates() {
        var done = new boolean[n];
        var levels = initial.clone();
        takeChosen(done, levels);
        var marked = new boolean[n];
        int found = 0;
        var candidates = new long[n];
        boolean stuck = false;
        for (int i = 0; i < chosenCount; i++) {
            int c = chosenList[i];
            if (done[c]) {
                continue;
            }
            stuck = true;
            for (int q = 0; q < requireCompetence[c].length; q++) {
                int k = requireCompetence[c][q];
                int level = requireLevel[c][q];
                if (levels[k] < level) {
                    for (int other : raisers[k]) {
                        if (!marked[other]
                                && !chosen[other]
                                && !excluded[other]
                                && raisedTo(other, k) >= level
                                && requiredOn(other, k) < level) {
                            marked[other] = true;
                            // cheapest first, then by index: the key sorts as the comparator of the courses did
                            candidates[found++] = cost[other] * n + other;
                        }
                    }
                }
            }
        }
        if (!stuck) {
            return null;
        }
        var sorted = Arrays.copyOf(candidates, found);
        Arrays.sort(sorted);
        var courses = new int[found];
        for (int i = 0; i < found; i++) {
            courses[i] = (int) (sorted[i] % n);
        }
        return courses;
    }

    /** Takes the chosen courses that can be taken, in any order, until none is left: {@link #orderGreedily} on them. */
    private void takeChosen(boolean[] done, int[] levels) {
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int i = 0; i < chosenCount; i++) {
                int c = chosenList[i];
                if (!done[c] && startable(c, done, levels)) {
                    take(c, done, levels);
                    progress = true;
                }
            }
        }
    }

    /**
     * Takes startable courses of {@code set} until none is left, marking them in {@code done} and raising
     * {@code levels}; when {@code order} is given, appends them in the order taken, the shortest startable first.
     */
    void orderGreedily(boolean[] set, boolean[] done, int[] levels, List<Integer> order) {
        boolean progress = true;
        while (progress) {
            progress = false;
            int pick = -1;
            for (int c = 0; c < n; c++) {
                if (set[c] && !done[c] && startable(c, done, levels)) {
                    if (order == null) {
                        take(c, done, levels);
                        progress = true;
                    } else if (pick < 0 || cost[c] < cost[pick]) {
                        pick = c;
                    }
                }
            }
            if (pick >= 0) {
                take(pick, done, levels);
                order.add(pick);
                progress = true;
            }
        }
    }

    private boolean startable(int c, boolean[] done, int[] levels) {
        for (int p : prerequisites[c]) {
            if (!done[p]) {
                return false;
            }
        }
        for (int q = 0; q < requireCompetence[c].length; q++) {
            if (levels[requireCompetence[c][q]] < requireLevel[c][q]) {
                return false;
            }
        }
        return true;
    }

    private void take(int c, boolean[] done, int[] levels) {
        done[c] = true;
        for (int r = 0; r < raiseCompetence[c].length; r++) {
            int k = raiseCompetence[c][r];
            levels[k] = Math.max(levels[k], raiseLevel[c][r]);
        }
    }

    /** The chosen courses in an order that respects prerequisites and entry levels, shortest startable first. */
    List<Integer> order(int[] courses) {
        var set = new boolean[n];
        for (int c : courses) {
            set[c] = true;
        }
        var order = new ArrayList<Integer>();
        orderGreedily(set, new boolean[n], initial.clone(), order);
        return order;
    }

    /** Whether a set is a solution: it can be ordered and reaches every target. */
    boolean solves(boolean[] set) {
        var done = new boolean[n];
        var levels = initial.clone();
        orderGreedily(set, done, levels, null);
        for (int c = 0; c < n; c++) {
            if (set[c] && !done[c]) {
                return false;
            }
        }
        for (int k = 0; k < target.length; k++) {
            if (levels[k] < target[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A first solution: repeatedly add the undecided course that meets the most needs per unit of cost, then drop
     * courses the result does not need, dearest first. Null when the greedy gets stuck.
     */
    private boolean[] greedy() {
        var set = new boolean[n];
        for (int step = 0; step <= n; step++) {
            System.arraycopy(set, 0, chosen, 0, n);
            chosenCount = 0;
            for (int c = 0; c < n; c++) {
                if (set[c]) {
                    chosenList[chosenCount++] = c;
                }
            }
            var needs = needs(reachedIgnoringOrder());
            int[] options;
            if (needs == null) {
                break;
            }
            if (needs.length == 0) {
                options = stuckCandidates();
                if (options == null) {
                    Arrays.fill(chosen, false);
                    chosenCount = 0;
                    return prune(set);
                }
            } else {
                // the most needs met per unit of cost, counting what it takes to start the course
                var counts = new java.util.HashMap<Integer, Integer>();
                for (int need : needs) {
                    for (int c : candidates(need)) {
                        counts.merge(c, 1, Integer::sum);
                    }
                }
                chains(needs, reachedIgnoringOrder());
                int pick = -1;
                double bestRatio = Double.MAX_VALUE;
                for (var entryOf : counts.entrySet()) {
                    int c = entryOf.getKey();
                    double ratio = (double) (cost[c] + Math.min(entry[c], INFINITE)) / entryOf.getValue();
                    if (ratio < bestRatio || (ratio == bestRatio && c < pick)) {
                        bestRatio = ratio;
                        pick = c;
                    }
                }
                options = pick < 0 ? new int[0] : new int[] {pick};
            }
            if (options.length == 0) {
                break;
            }
            set[options[0]] = true;
        }
        Arrays.fill(chosen, false);
        chosenCount = 0;
        return null;
    }

    private boolean[] prune(boolean[] set) {
        var members = new ArrayList<Integer>();
        for (int c = 0; c < n; c++) {
            if (set[c]) {
                members.add(c);
            }
        }
        members.sort((a, b) -> Long.compare(cost[b], cost[a]));
        for (int c : members) {
            set[c] = false;
            if (!solves(set)) {
                set[c] = true;
            }
        }
        return set;
    }
}
