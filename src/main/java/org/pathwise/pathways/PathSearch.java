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
 * needs are the levels, up to a target or up to an entry level a chosen course requires, that no chosen course
 * crosses (takes the competence from below the level to it or above), and the chosen courses' prerequisites not
 * chosen. The node branches on the need with the fewest candidate courses: the i-th branch takes the i-th candidate
 * and excludes the earlier ones, so no set is visited twice. When every need is met but the chosen set can't be
 * ordered (two courses each waiting for the other), the node branches on the courses that would unblock one of the
 * stuck courses; every orderable superset contains one of them.
 *
 * <p>The lower bound of a node is the larger of two bounds below the cost of any completion, so pruning never loses
 * the optimum: {@link #cover}, a feasible dual of the linear programme that covers every need and the entry levels
 * and prerequisites of the courses that cover them, and {@link #chains}, the dearest chain of courses one need takes
 * on its own. The dual also leaves each course a residual, the part of its cost no need has priced: a completion
 * costs at least the bound plus its courses' residuals, so a course whose residual alone reaches the incumbent is
 * excluded from the node's subtree, and candidates are tried smallest residual first, which finds good plans early.
 * A greedy solution (most needs met per hour) is the first incumbent.
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
    /** Per course and competence it raises, the entry level it requires on that competence, 0 (A1) when none. */
    private final int[][] raiseFrom;

    private final int[][] requireCompetence;
    private final int[][] requireLevel;
    private final int[][] prerequisites;
    private final int[] initial;
    private final int[] target;
    /** Per competence, the courses that raise it, cheapest first. */
    private final int[][] raisers;
    /** Per competence, the level each of {@link #raisers} raises it to. */
    private final int[][] raisersTo;
    /** Per competence, the entry level each of {@link #raisers} requires on it, 0 (A1) when none. */
    private final int[][] raisersFrom;

    private final boolean[] chosen;
    /** The chosen courses as a stack, so a node reads them without scanning every course. */
    private final int[] chosenList;

    private int chosenCount;
    private final boolean[] excluded;
    /** Per competence and level, the least cost of a chain of undecided courses reaching it (see {@link #chains}). */
    private final long[][] reach;

    private final long[] entry;
    /** Per course, what is left of its cost once the {@link #cover} bound has priced the levels it brings. */
    private final long[] residual;
    /** Per course, the {@link #cover} call that last set its {@link #residual}. */
    private final int[] pricedAt;

    private int pricing;
    /** The courses the last {@link #cover} call priced, in the order it met them. */
    private final int[] priced;

    private int pricedCount;
    /**
     * Per competence, as bits, the levels the last {@link #needs} call found at or below the start, crossed by a
     * chosen course, or needed.
     */
    private final int[] settled;
    /** Per course, the {@link #cover} call in which it is a needed prerequisite, and so an element itself. */
    private final int[] neededAt;
    /** Per competence and level ({@code competence * 8 + level}), the {@link #slack} as computed at step slackAt. */
    private final long[] slack;

    private final int[] slackStep;
    private int slackAt;
    /** Courses excluded for a subtree because no cheaper plan can contain them, as a stack to undo. */
    private final int[] ruledOut;

    private int ruledOutCount;
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
        this.residual = new long[n];
        this.pricedAt = new int[n];
        this.priced = new int[n];
        this.ruledOut = new int[n];
        this.settled = new int[initial.length];
        this.neededAt = new int[n];
        this.slack = new long[initial.length * 8];
        this.slackStep = new int[initial.length * 8];
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
        raiseFrom = new int[n][];
        for (int c = 0; c < n; c++) {
            raiseFrom[c] = new int[raiseCompetence[c].length];
            for (int r = 0; r < raiseCompetence[c].length; r++) {
                raiseFrom[c][r] = requiredOn(c, raiseCompetence[c][r]);
            }
        }
        raisersTo = new int[k][];
        raisersFrom = new int[k][];
        for (int i = 0; i < k; i++) {
            raisersTo[i] = new int[raisers[i].length];
            raisersFrom[i] = new int[raisers[i].length];
            for (int j = 0; j < raisers[i].length; j++) {
                raisersTo[i][j] = raisedTo(raisers[i][j], i);
                raisersFrom[i][j] = requiredOn(raisers[i][j], i);
            }
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
        long rootBound = lowerBound();
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
        var needs = needs();
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
        long covered = cover(needs);
        if (covered == Long.MAX_VALUE || spent + covered >= best) {
            return;
        }
        long bound = Math.max(covered, chains(needs, levels));
        if (bound == Long.MAX_VALUE || spent + bound >= best) {
            return;
        }
        int mark = ruledOutCount;
        ruleOut(spent + covered);
        int[] narrowest = null;
        for (var need : needs) {
            var candidates = candidates(need);
            if (narrowest == null || candidates.length < narrowest.length) {
                narrowest = candidates;
            }
        }
        branch(byResidual(narrowest), spent);
        while (ruledOutCount > mark) {
            excluded[ruledOut[--ruledOutCount]] = false;
        }
    }

    /**
     * Excludes, for the node's subtree, every course the last {@link #cover} call priced whose residual would take a
     * plan to the incumbent's cost: any completion costs at least the bound plus the residuals of its courses.
     */
    private void ruleOut(long floor) {
        for (int i = 0; i < pricedCount; i++) {
            int c = priced[i];
            if (!excluded[c] && residual[c] >= best - floor) {
                excluded[c] = true;
                ruledOut[ruledOutCount++] = c;
            }
        }
    }

    /**
     * The candidates with the smallest residual first, then the cheapest: a course the bound prices in full is the
     * one a cheapest plan most likely takes, so the search meets good plans early.
     */
    private int[] byResidual(int[] candidates) {
        var keyed = new Integer[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            keyed[i] = candidates[i];
        }
        Arrays.sort(
                keyed,
                (a, b) -> residual[a] != residual[b]
                        ? Long.compare(residual[a], residual[b])
                        : cost[a] != cost[b] ? Long.compare(cost[a], cost[b]) : a - b);
        var sorted = new int[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            sorted[i] = keyed[i];
        }
        return sorted;
    }

    private void branch(int[] candidates, long spent) {
        int excludedHere = 0;
        for (int candidate : candidates) {
            if (aborted) {
                break;
            }
            if (spent + cost[candidate] >= best) {
                excluded[candidate] = true;
                candidates[excludedHere++] = candidate;
                continue;
            }
            chosen[candidate] = true;
            chosenList[chosenCount++] = candidate;
            search(spent + cost[candidate]);
            chosenCount--;
            chosen[candidate] = false;
            excluded[candidate] = true;
            candidates[excludedHere++] = candidate;
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
     * Unmet needs, encoded as {@code competence * 8 + level} for a level that must be crossed or {@code -(course + 1)}
     * for a prerequisite; null when a needed prerequisite is excluded. To reach a level on a competence, some course
     * must take it there from below: raise it to the level or higher while requiring less. So a level up to a target,
     * or up to an entry level a chosen course requires, is met only when a chosen course crosses it; counting levels
     * as met because some chosen course ends above them would let a course meet its own entry level. Also records in
     * {@link #settled} the levels that are met or needs.
     */
    private int[] needs() {
        var wanted = target.clone();
        var crossed = new int[wanted.length];
        var courseNeeds = new ArrayList<Integer>();
        for (int i = 0; i < chosenCount; i++) {
            int c = chosenList[i];
            for (int q = 0; q < requireCompetence[c].length; q++) {
                int k = requireCompetence[c][q];
                wanted[k] = Math.max(wanted[k], requireLevel[c][q]);
            }
            for (int r = 0; r < raiseCompetence[c].length; r++) {
                int k = raiseCompetence[c][r];
                crossed[k] |= levelsBetween(Math.max(raiseFrom[c][r], initial[k]), raiseLevel[c][r]);
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
            int missing = levelsBetween(initial[k], wanted[k]) & ~crossed[k];
            settled[k] = crossed[k] | levelsBetween(-1, initial[k]) | missing;
            count += Integer.bitCount(missing);
        }
        var needs = new int[count];
        int i = 0;
        for (int k = 0; k < wanted.length; k++) {
            for (int l = initial[k] + 1; l <= wanted[k]; l++) {
                if ((crossed[k] & 1 << l) == 0) {
                    needs[i++] = k * 8 + l;
                }
            }
        }
        for (int p : courseNeeds) {
            needs[i++] = -(p + 1);
        }
        return needs;
    }

    /** The levels above {@code from} up to {@code to}, as bits. */
    private static int levelsBetween(int from, int to) {
        return to <= from ? 0 : (1 << (to + 1)) - (1 << (from + 1));
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
        for (int i = 0; i < raisers[k].length; i++) {
            int c = raisers[k][i];
            // a course that needs the level itself can't be the one that brings it
            if (!chosen[c] && !excluded[c] && raisersTo[k][i] >= level && raisersFrom[k][i] < level) {
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

    /**
     * A lower bound from the covering view of the needs: each need is an element to cover, a level by an undecided
     * course that crosses it, a prerequisite by itself. Any prices of the elements such that no course's elements cost
     * more than the course (a feasible dual of the covering linear programme) sum to a lower bound. The prices are
     * raised one element at a time, the elements with the fewest courses first, each as far as its courses' residuals
     * (the cost not yet priced) allow, where {@link #capacity} may credit a course with the price of what it needs in
     * turn. The residuals are kept: a completion costs at least the bound plus the residuals of its courses, which
     * lets {@link #ruleOut} drop courses. MAX_VALUE when an element has no course.
     */
    private long cover(int[] needs) {
        int elements = needs.length;
        var members = new int[elements][];
        var sizes = new int[elements];
        pricing++;
        pricedCount = 0;
        for (int e = 0; e < elements; e++) {
            int need = needs[e];
            if (need < 0) {
                int p = -need - 1;
                neededAt[p] = pricing;
                if (!excluded[p]) {
                    members[e] = new int[] {p};
                    sizes[e] = 1;
                    price(p);
                }
                continue;
            }
            int k = need / 8;
            int level = need % 8;
            members[e] = new int[raisers[k].length];
            for (int i = 0; i < raisers[k].length; i++) {
                int c = raisers[k][i];
                if (!chosen[c] && !excluded[c] && raisersTo[k][i] >= level && raisersFrom[k][i] < level) {
                    members[e][sizes[e]++] = c;
                    price(c);
                }
            }
        }
        var order = new long[elements];
        for (int i = 0; i < elements; i++) {
            if (sizes[i] == 0) {
                return Long.MAX_VALUE;
            }
            order[i] = (long) sizes[i] * elements + i;
        }
        Arrays.sort(order);
        long total = 0;
        for (long key : order) {
            int i = (int) (key % elements);
            slackAt++;
            long price = Long.MAX_VALUE;
            for (int j = 0; j < sizes[i]; j++) {
                price = Math.min(price, capacity(members[i][j]));
            }
            if (price >= INFINITE) {
                return Long.MAX_VALUE; // every course that would cover the element needs something nobody can give
            }
            for (int j = 0; j < sizes[i]; j++) {
                int c = members[i][j];
                if (residual[c] < price) {
                    borrow(c, price - residual[c]);
                }
            }
            price = Long.MAX_VALUE;
            for (int j = 0; j < sizes[i]; j++) {
                price = Math.min(price, residual[members[i][j]]);
            }
            for (int j = 0; j < sizes[i]; j++) {
                residual[members[i][j]] -= price;
            }
            total += price;
        }
        return total;
    }

    /**
     * What a course's residual can become when the bound also prices what the course itself needs: its entry levels
     * above the elements and its prerequisites not chosen. Taking the course means covering those too, so (as in the
     * dual of the programme with the constraints "x of a course covering each of them at least x of the course") the
     * course may be credited with as much as every course covering one of them can still give up. A need nobody can
     * meet credits without limit.
     */
    private long capacity(int c) {
        long total = residual[c];
        for (int q = 0; q < requireCompetence[c].length && total < INFINITE; q++) {
            int m = requireCompetence[c][q];
            for (int l = initial[m] + 1; l <= requireLevel[c][q]; l++) {
                if ((settled[m] & 1 << l) != 0) {
                    continue;
                }
                int key = m * 8 + l;
                if (slackStep[key] != slackAt) {
                    slackStep[key] = slackAt;
                    slack[key] = slack(m, l);
                }
                total = Math.min(INFINITE, total + slack[key]);
            }
        }
        for (int p : prerequisites[c]) {
            if (!chosen[p] && neededAt[p] != pricing) {
                price(p);
                total = Math.min(INFINITE, total + (excluded[p] ? INFINITE : residual[p]));
            }
        }
        return total;
    }

    /** The least residual of the undecided courses that would take competence m from below level l to l or above. */
    private long slack(int m, int l) {
        long least = INFINITE;
        for (int i = 0; i < raisers[m].length; i++) {
            int c = raisers[m][i];
            if (!chosen[c] && !excluded[c] && raisersTo[m][i] >= l && raisersFrom[m][i] < l) {
                price(c);
                least = Math.min(least, residual[c]);
            }
        }
        return least;
    }

    /** Credits a course with up to {@code deficit} from what it needs, as {@link #capacity} allows, charging them. */
    private void borrow(int c, long deficit) {
        for (int q = 0; q < requireCompetence[c].length; q++) {
            int m = requireCompetence[c][q];
            for (int l = initial[m] + 1; l <= requireLevel[c][q] && deficit > 0; l++) {
                if ((settled[m] & 1 << l) != 0) {
                    continue;
                }
                long given = Math.min(deficit, slack(m, l));
                if (given <= 0) {
                    continue;
                }
                for (int i = 0; i < raisers[m].length; i++) {
                    int other = raisers[m][i];
                    if (!chosen[other] && !excluded[other] && raisersTo[m][i] >= l && raisersFrom[m][i] < l) {
                        residual[other] -= given;
                    }
                }
                residual[c] += given;
                deficit -= given;
            }
        }
        for (int p : prerequisites[c]) {
            if (deficit > 0 && !chosen[p] && neededAt[p] != pricing) {
                long given = excluded[p] ? deficit : Math.min(deficit, residual[p]);
                if (!excluded[p]) {
                    residual[p] -= given;
                }
                residual[c] += given;
                deficit -= given;
            }
        }
    }

    /** Starts a course's residual at its cost, once per {@link #cover} call. */
    private void price(int c) {
        if (pricedAt[c] != pricing) {
            pricedAt[c] = pricing;
            residual[c] = cost[c];
            priced[pricedCount++] = c;
        }
    }

    /**
     * A lower bound on the cost of any solution, from the root: what a stopped search reports, and 0 when the targets
     * can't be reached.
     */
    long lowerBound() {
        var needs = needs();
        if (needs == null || needs.length == 0) {
            return 0;
        }
        long bound = cover(needs);
        if (bound != Long.MAX_VALUE) {
            bound = Math.max(bound, chains(needs, initial));
        }
        return bound == Long.MAX_VALUE ? 0 : bound;
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
            var needs = needs();
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
