package org.pathwise.pathways;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The search's lower bound and its pruning against exhaustive search on small random problems, and the cases the
 * bound must price in full: a course that can't meet its own entry level, and the entry levels of the courses that
 * meet a need on another competence.
 */
class PathSearchTest {

    /** A problem in the search's own terms: competence indices, level ordinals, costs in cost units. */
    private record Problem(
            long[] cost,
            int[][] raiseCompetence,
            int[][] raiseLevel,
            int[][] requireCompetence,
            int[][] requireLevel,
            int[][] prerequisites,
            int[] initial,
            int[] target) {

        PathSearch search() {
            return new PathSearch(
                    cost, raiseCompetence, raiseLevel, requireCompetence, requireLevel, prerequisites, initial, target);
        }
    }

    /** One course as the tests write it: hours, the levels it raises and requires as {competence, level} pairs. */
    private record Spec(double hours, int[][] raises, int[][] requires, int[] prerequisites) {}

    private static Problem problem(int[] initial, int[] target, Spec... specs) {
        int n = specs.length;
        var cost = new long[n];
        var raiseCompetence = new int[n][];
        var raiseLevel = new int[n][];
        var requireCompetence = new int[n][];
        var requireLevel = new int[n][];
        var prerequisites = new int[n][];
        for (int c = 0; c < n; c++) {
            cost[c] = PathSearch.costOf(specs[c].hours());
            raiseCompetence[c] =
                    Arrays.stream(specs[c].raises()).mapToInt(p -> p[0]).toArray();
            raiseLevel[c] = Arrays.stream(specs[c].raises()).mapToInt(p -> p[1]).toArray();
            requireCompetence[c] =
                    Arrays.stream(specs[c].requires()).mapToInt(p -> p[0]).toArray();
            requireLevel[c] =
                    Arrays.stream(specs[c].requires()).mapToInt(p -> p[1]).toArray();
            prerequisites[c] = specs[c].prerequisites();
        }
        return new Problem(
                cost, raiseCompetence, raiseLevel, requireCompetence, requireLevel, prerequisites, initial, target);
    }

    private static Spec course(double hours, int[][] raises, int[][] requires, int... prerequisites) {
        return new Spec(hours, raises, requires, prerequisites);
    }

    private static int[][] levels(int... pairs) {
        var result = new int[pairs.length / 2][];
        for (int i = 0; i < result.length; i++) {
            result[i] = new int[] {pairs[2 * i], pairs[2 * i + 1]};
        }
        return result;
    }

    @Test
    void aCourseThatNeedsTheLevelItRaisesFromIsPricedWithTheCourseThatBringsIt() {
        // target B1 on competence 0: a 1 h course from A2 to B2 needs a 3 h course from A1 to A2; a 5 h course does
        // it alone; the cheapest plan is the pair, 4 h, and the bound must see that the 1 h course is not enough
        var problem = problem(
                new int[] {0},
                new int[] {2},
                course(1, levels(0, 3), levels(0, 1)),
                course(3, levels(0, 1), levels()),
                course(5, levels(0, 2), levels()));
        var search = problem.search();
        assertThat(PathSearch.hoursOf(search.lowerBound())).isEqualTo(4.0);
        var result = search.solve(Long.MAX_VALUE);
        assertThat(result.courses()).containsExactly(0, 1);
        assertThat(result.optimal()).isTrue();
    }

    @Test
    void theBoundAddsTheEntryLevelsOfCoursesThatMeetNeedsOnOtherCompetences() {
        // targets B1 on competences 0 and 2; each has a 1 h course that raises it on the side but needs B1 on a
        // helper competence (1 and 3), which a 4 h course brings, and a 10 h course without entry level: the best
        // plan is 10 h, while one chain alone costs 5 h and the courses meeting the targets cost 2 h
        var problem = problem(
                new int[] {0, 0, 0, 0},
                new int[] {2, -1, 2, -1},
                course(1, levels(0, 2, 1, 3), levels(1, 2)),
                course(4, levels(1, 2), levels()),
                course(10, levels(0, 2), levels()),
                course(1, levels(2, 2, 3, 3), levels(3, 2)),
                course(4, levels(3, 2), levels()),
                course(10, levels(2, 2), levels()));
        var search = problem.search();
        assertThat(PathSearch.hoursOf(search.lowerBound())).isEqualTo(10.0);
        var result = search.solve(1);
        assertThat(PathSearch.hoursOf(result.cost())).isEqualTo(10.0);
        assertThat(result.optimal()).isTrue();
    }

    @Test
    void theBoundNeverExceedsTheOptimumAndTheSearchFindsItOnSeededRandomProblems() {
        int feasible = 0;
        int tight = 0;
        for (long seed = 1; seed <= 1000; seed++) {
            var random = new Random(seed);
            var problem = randomProblem(random, 4 + random.nextInt(11));
            long optimum = exhaustive(problem);
            var search = problem.search();
            long bound = search.lowerBound();
            var result = search.solve(Long.MAX_VALUE);
            var description = "seed " + seed;
            assertThat(result.feasible()).as(description).isEqualTo(optimum != Long.MAX_VALUE);
            if (optimum == Long.MAX_VALUE) {
                continue;
            }
            feasible++;
            tight += bound == optimum ? 1 : 0;
            assertThat(bound).as(description).isLessThanOrEqualTo(optimum);
            assertThat(result.cost()).as(description).isEqualTo(optimum);
            assertThat(result.optimal()).as(description).isTrue();
            var set = new boolean[problem.cost().length];
            for (int c : result.courses()) {
                set[c] = true;
            }
            assertThat(problem.search().solves(set)).as(description).isTrue();
            // a search stopped at once still reports a bound no higher than the optimum
            assertThat(problem.search().solve(1).lowerBound()).as(description).isLessThanOrEqualTo(optimum);
        }
        assertThat(feasible).isGreaterThan(300);
        // a bound that is only ever 0 would pass the checks above: most must be the optimum itself (383 of 410)
        assertThat(tight).isGreaterThan(feasible * 9 / 10);
    }

    /**
     * Courses like the generated catalogue's: a main competence taken from an entry level one or two levels up, often
     * a second competence raised without entry level, sometimes an entry level on a third competence or a
     * prerequisite.
     */
    private static Problem randomProblem(Random random, int n) {
        int k = 4;
        var specs = new ArrayList<Spec>();
        for (int c = 0; c < n; c++) {
            int main = random.nextInt(k);
            int entry = random.nextInt(4);
            int exit = Math.min(5, entry + 1 + random.nextInt(2));
            var raises = new ArrayList<int[]>();
            raises.add(new int[] {main, exit});
            var requires = new ArrayList<int[]>();
            if (entry > 0) {
                requires.add(new int[] {main, entry});
            }
            if (random.nextInt(2) == 0) {
                int second = random.nextInt(k);
                if (second != main) {
                    raises.add(new int[] {second, 1 + random.nextInt(3)});
                }
            }
            if (random.nextInt(5) == 0) {
                int other = random.nextInt(k);
                if (raises.stream().noneMatch(r -> r[0] == other)) {
                    requires.add(new int[] {other, 1 + random.nextInt(3)});
                }
            }
            var prerequisites = new int[0];
            if (c > 0 && random.nextInt(5) == 0) {
                prerequisites = new int[] {random.nextInt(c)};
            }
            specs.add(new Spec(
                    1 + random.nextInt(20) + (random.nextInt(4) == 0 ? 0.5 : 0),
                    raises.toArray(int[][]::new),
                    requires.toArray(int[][]::new),
                    prerequisites));
        }
        var initial = new int[k];
        var target = new int[k];
        Arrays.fill(target, -1);
        for (int i = 0; i < k; i++) {
            initial[i] = random.nextInt(3);
        }
        int targets = 1 + random.nextInt(3);
        for (int t = 0; t < targets; t++) {
            int i = random.nextInt(k);
            target[i] = Math.min(5, initial[i] + 1 + random.nextInt(2));
        }
        return problem(initial, target, specs.toArray(Spec[]::new));
    }

    /** The cheapest set of courses that can be taken in some order and reaches the targets, by trying every set. */
    private static long exhaustive(Problem problem) {
        int n = problem.cost().length;
        long best = Long.MAX_VALUE;
        for (int mask = 0; mask < 1 << n; mask++) {
            long total = 0;
            var set = new ArrayList<Integer>();
            for (int c = 0; c < n; c++) {
                if ((mask & 1 << c) != 0) {
                    total += problem.cost()[c];
                    set.add(c);
                }
            }
            if (total < best && ordered(problem, set)) {
                best = total;
            }
        }
        return best;
    }

    /** Whether every course can be taken, each once its prerequisites and entry levels are met, and reach the aims. */
    private static boolean ordered(Problem problem, List<Integer> set) {
        var levels = problem.initial().clone();
        var left = new ArrayList<>(set);
        var done = new ArrayList<Integer>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (var iterator = left.iterator(); iterator.hasNext(); ) {
                int c = iterator.next();
                boolean ready = Arrays.stream(problem.prerequisites()[c]).allMatch(done::contains);
                for (int q = 0; q < problem.requireCompetence()[c].length; q++) {
                    ready &= levels[problem.requireCompetence()[c][q]] >= problem.requireLevel()[c][q];
                }
                if (ready) {
                    iterator.remove();
                    done.add(c);
                    for (int r = 0; r < problem.raiseCompetence()[c].length; r++) {
                        int k = problem.raiseCompetence()[c][r];
                        levels[k] = Math.max(levels[k], problem.raiseLevel()[c][r]);
                    }
                    progress = true;
                }
            }
        }
        if (!left.isEmpty()) {
            return false;
        }
        for (int k = 0; k < levels.length; k++) {
            if (levels[k] < problem.target()[k]) {
                return false;
            }
        }
        return true;
    }
}
