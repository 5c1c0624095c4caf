package org.pathwise.pathways;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The planner against exhaustive search: on seeded random catalogues of up to 25 courses (random hours, languages,
 * modes, entry levels, exit levels and prerequisites, cycles included) and random profiles, its plan must cost exactly
 * what the cheapest valid set of courses costs (hours, then number of courses), be in a valid order, and reach every
 * target the exhaustive search can reach. The exhaustive search enumerates every subset of the courses open to the
 * educator (Gray-code order) and checks each cheaper-than-best subset on its own, sharing no code with the planner.
 */
class PlannerOptimalityTest {

    private static final String[] COMPETENCES = {"2.1", "3.1", "4.1", "5.1"};
    private static final Framework DIGCOMPEDU = Bundled.get().frameworks.digCompEdu();

    /** A random instance: a catalogue and a profile. */
    private record Instance(List<Course> courses, Profile profile) {}

    static Instance instance(long seed, int size) {
        return instance(seed, size, false);
    }

    /** @param openToAll whether the educator accepts every language and mode, so every course is searched */
    static Instance instance(long seed, int size, boolean openToAll) {
        var random = new Random(seed);
        var courses = new ArrayList<Course>();
        for (int i = 0; i < size; i++) {
            var raises = new LinkedHashMap<String, Level>();
            int count = 1 + (random.nextInt(4) == 0 ? 1 : 0);
            for (int r = 0; r < count; r++) {
                raises.put(COMPETENCES[random.nextInt(COMPETENCES.length)], Level.values()[1 + random.nextInt(4)]);
            }
            var requires = new LinkedHashMap<String, Level>();
            if (random.nextInt(3) == 0) {
                var k = COMPETENCES[random.nextInt(COMPETENCES.length)];
                var level = Level.values()[1 + random.nextInt(3)];
                if (!raises.containsKey(k) || raises.get(k).compareTo(level) > 0) {
                    requires.put(k, level);
                }
            }
            var prerequisites = new ArrayList<String>();
            if (i > 0 && random.nextInt(5) == 0) {
                int p = random.nextInt(size);
                if (p != i) {
                    prerequisites.add("c" + p);
                }
            }
            var languages = switch (random.nextInt(4)) {
                case 0 -> List.of("fr");
                case 1 -> List.of("en", "fr");
                default -> List.of("en");
            };
            var delivery = Delivery.values()[random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0];
            double hours = 1 + random.nextInt(20) + (random.nextInt(4) == 0 ? 0.5 : 0);
            courses.add(Course.of(
                    "c" + i, hours, new LinkedHashSet<>(languages), delivery, requires, raises, prerequisites));
        }
        var current = new LinkedHashMap<String, Level>();
        var target = new LinkedHashMap<String, Level>();
        for (var k : COMPETENCES) {
            current.put(k, Level.values()[random.nextInt(3)]);
        }
        int targets = 1 + random.nextInt(3);
        for (int t = 0; t < targets; t++) {
            var k = COMPETENCES[random.nextInt(COMPETENCES.length)];
            var level = Level.values()[Math.min(5, current.get(k).ordinal() + 1 + random.nextInt(3))];
            target.put(k, level);
        }
        var languages = switch (random.nextInt(3)) {
            case 0 -> List.of("en");
            case 1 -> List.of("fr");
            default -> List.of("en", "fr");
        };
        var mode = ModePreference.values()[random.nextInt(3)];
        if (openToAll) {
            languages = List.of("en", "fr");
            mode = ModePreference.ANY;
        }
        var profile = new Profile(current, target, "", 5, 0, languages, mode, List.of());
        return new Instance(courses, profile);
    }

    @Test
    void matchesExhaustiveSearchOnSeededRandomCataloguesOfUpTo25Courses() {
        int solvable = 0;
        int partial = 0;
        int checked = 0;
        largestSearched = 0;
        for (long seed = 1; seed <= 400; seed++) {
            int size =
                    seed <= 300 ? 2 + (int) (seed % 15) : seed <= 390 ? 17 + (int) (seed % 6) : 23 + (int) (seed % 3);
            if (seed > 396) {
                size = 25;
            }
            // the last two seeds open all 25 courses to the educator: 2^25 subsets for the exhaustive search
            var instance = instance(seed, size, seed > 398);
            var outcome = check(seed, instance);
            checked++;
            if (outcome) {
                solvable++;
            } else {
                partial++;
            }
        }
        assertThat(checked).isEqualTo(400);
        assertThat(largestSearched).isEqualTo(25);
        // both kinds of instance must occur, or the generator tests only one side
        assertThat(solvable).isGreaterThan(100);
        assertThat(partial).isGreaterThan(20);
    }

    private static int largestSearched;

    /** Checks one instance; true when every target was reachable. */
    private static boolean check(long seed, Instance instance) {
        var profile = instance.profile();
        var open = instance.courses().stream()
                .filter(c -> c.languages().stream().anyMatch(profile.languages()::contains))
                .filter(c -> profile.mode().accepts(c.delivery()))
                .toList();
        largestSearched = Math.max(largestSearched, open.size());
        var exhaustive = new Exhaustive(open, profile.current());
        var aims = new LinkedHashMap<String, Level>();
        profile.target().forEach((k, level) -> {
            if (level.compareTo(profile.level(k)) > 0) {
                aims.put(k, level);
            }
        });
        long optimum = exhaustive.cheapest(aims);
        boolean allReachable = optimum != Long.MAX_VALUE;
        if (!allReachable) {
            aims.clear();
            var reachable = exhaustive.reachableLevels();
            for (var entry : profile.target().entrySet()) {
                var best = reachable.getOrDefault(entry.getKey(), Level.A1);
                var aim = best.compareTo(entry.getValue()) < 0 ? best : entry.getValue();
                if (aim.compareTo(profile.level(entry.getKey())) > 0) {
                    aims.put(entry.getKey(), aim);
                }
            }
            optimum = exhaustive.cheapest(aims);
            assertThat(optimum)
                    .as("the reachable levels are reached by some subset")
                    .isNotEqualTo(Long.MAX_VALUE);
        }

        var plan = new Planner(DIGCOMPEDU).plan(profile, new Catalogue(instance.courses()));

        var description = "seed " + seed + " with " + instance.courses().size() + " courses: " + instance;
        long planned = plan.steps().stream()
                .mapToLong(step -> PathSearch.costOf(step.course().hours()))
                .sum();
        assertThat(planned).as(description).isEqualTo(optimum);
        assertThat(plan.optimal()).as(description).isTrue();
        assertThat(plan.unreachable().isEmpty()).as(description).isEqualTo(allReachable);
        // the steps are in an order that can be followed and reach every aim
        var levels = new LinkedHashMap<>(profile.current());
        var done = new java.util.HashSet<String>();
        for (var step : plan.steps()) {
            var course = step.course();
            assertThat(done).as(description).containsAll(course.prerequisites());
            course.requires()
                    .forEach((k, level) -> assertThat(levels.getOrDefault(k, Level.A1))
                            .as(description + " entry level of " + course.id())
                            .isGreaterThanOrEqualTo(level));
            done.add(course.id());
            course.raises().forEach((k, level) -> levels.merge(k, level, Level::max));
        }
        aims.forEach((k, level) ->
                assertThat(levels.getOrDefault(k, Level.A1)).as(description).isGreaterThanOrEqualTo(level));
        return allReachable;
    }

    /** Exhaustive search over every subset of the open courses, on arrays for speed. */
    static final class Exhaustive {
        private final int n;
        private final long[] costs;
        private final int[][] raises;
        private final int[][] requires;
        private final long[] prerequisites;
        private final boolean[] impossible;
        private final int[] current;

        Exhaustive(List<Course> courses, Map<String, Level> now) {
            n = courses.size();
            costs = courses.stream()
                    .mapToLong(c -> PathSearch.costOf(c.hours()))
                    .toArray();
            raises = new int[n][COMPETENCES.length];
            requires = new int[n][COMPETENCES.length];
            prerequisites = new long[n];
            impossible = new boolean[n];
            var ids = courses.stream().map(Course::id).toList();
            for (int i = 0; i < n; i++) {
                var course = courses.get(i);
                for (int k = 0; k < COMPETENCES.length; k++) {
                    raises[i][k] = course.raises().containsKey(COMPETENCES[k])
                            ? course.raises().get(COMPETENCES[k]).ordinal()
                            : -1;
                    requires[i][k] = course.requires().containsKey(COMPETENCES[k])
                            ? course.requires().get(COMPETENCES[k]).ordinal()
                            : -1;
                }
                for (var p : course.prerequisites()) {
                    int index = ids.indexOf(p);
                    if (index < 0) {
                        impossible[i] = true; // its prerequisite is not open to the educator
                    } else {
                        prerequisites[i] |= 1L << index;
                    }
                }
            }
            current = new int[COMPETENCES.length];
            for (int k = 0; k < COMPETENCES.length; k++) {
                current[k] = now.getOrDefault(COMPETENCES[k], Level.A1).ordinal();
            }
        }

        /** The highest level per competence over every subset that can be taken in some order. */
        Map<String, Level> reachableLevels() {
            var best = current.clone();
            var levels = new int[COMPETENCES.length];
            for (long mask = 0; mask < (1L << n); mask++) {
                if (takeAll(mask, levels)) {
                    for (int k = 0; k < best.length; k++) {
                        best[k] = Math.max(best[k], levels[k]);
                    }
                }
            }
            var result = new LinkedHashMap<String, Level>();
            for (int k = 0; k < best.length; k++) {
                result.put(COMPETENCES[k], Level.values()[best[k]]);
            }
            return result;
        }

        /** The cost of the cheapest subset that can be ordered and reaches the aims; MAX_VALUE when none does. */
        long cheapest(Map<String, Level> aims) {
            var aim = new int[COMPETENCES.length];
            for (int k = 0; k < aim.length; k++) {
                aim[k] = aims.containsKey(COMPETENCES[k])
                        ? aims.get(COMPETENCES[k]).ordinal()
                        : -1;
            }
            var levels = new int[COMPETENCES.length];
            long best = Long.MAX_VALUE;
            long cost = 0;
            long mask = 0;
            for (long i = 0; i < (1L << n); i++) {
                if (i > 0) {
                    int bit = Long.numberOfTrailingZeros(i);
                    mask ^= 1L << bit;
                    cost += (mask & (1L << bit)) != 0 ? costs[bit] : -costs[bit];
                }
                if (cost >= best || !takeAll(mask, levels)) {
                    continue;
                }
                boolean reached = true;
                for (int k = 0; k < aim.length; k++) {
                    reached &= levels[k] >= aim[k];
                }
                if (reached) {
                    best = cost;
                }
            }
            return best;
        }

        /** Whether every course of the subset can be taken in some order; fills the levels after them. */
        private boolean takeAll(long mask, int[] levels) {
            System.arraycopy(current, 0, levels, 0, levels.length);
            long done = 0;
            long left = mask;
            boolean progress = true;
            while (left != 0 && progress) {
                progress = false;
                for (long rest = left; rest != 0; rest &= rest - 1) {
                    int i = Long.numberOfTrailingZeros(rest);
                    if (impossible[i] || (prerequisites[i] & ~done) != 0) {
                        continue;
                    }
                    boolean ready = true;
                    for (int k = 0; k < levels.length && ready; k++) {
                        ready = levels[k] >= requires[i][k];
                    }
                    if (ready) {
                        left &= ~(1L << i);
                        done |= 1L << i;
                        for (int k = 0; k < levels.length; k++) {
                            levels[k] = Math.max(levels[k], raises[i][k]);
                        }
                        progress = true;
                    }
                }
            }
            return left == 0;
        }
    }
}
