package org.pathwise.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.pathwise.pathways.Pathways.Workbench;

/**
 * On a generated 2,000-course catalogue, imported as an administrator would, the planner's paths are valid against the
 * catalogue as written, honest about their gap, and the same whatever the machine's load.
 */
class LargeCatalogueTest {

    private final CatalogueGenerator generator = new CatalogueGenerator(Workbench.competences());
    private final List<Map<String, Object>> courses = generator.courses(7, 2000);

    @Test
    void plansOverTwoThousandCoursesInValidOrderAndReportsItsGapToTheLowerBound() {
        var workbench = Workbench.of(CatalogueGenerator.json(courses), Workbench.defaultNodeBudget());
        assertThat(workbench.courses()).isEqualTo(2000);
        var byId = new HashMap<String, Map<String, Object>>();
        courses.forEach(course -> byId.put((String) course.get("id"), course));
        var random = new Random(11);
        for (int i = 0; i < 30; i++) {
            var profile = generator.profile(random);
            var plan = workbench.plan(workbench.educator(profile));
            assertThat(plan.lowerBoundHours()).isLessThanOrEqualTo(plan.totalHours() + 1e-9);
            assertThat(plan.gapHours()).isGreaterThanOrEqualTo(0);
            if (plan.optimal()) {
                assertThat(plan.gapHours()).isZero();
            }
            var levels = new HashMap<String, Integer>();
            levels(profile.get("current")).forEach(levels::put);
            var done = new HashSet<String>();
            double hours = 0;
            for (var id : plan.courses()) {
                var course = byId.get(id);
                assertThat(done).containsAll(strings(course.get("prerequisites")));
                levels(course.get("requires"))
                        .forEach((k, level) ->
                                assertThat(levels.getOrDefault(k, 0)).isGreaterThanOrEqualTo(level));
                done.add(id);
                hours += (Double) course.get("hours");
                levels(course.get("raises")).forEach((k, level) -> levels.merge(k, level, Math::max));
            }
            assertThat(plan.totalHours()).isCloseTo(hours, org.assertj.core.data.Offset.offset(1e-9));
            if (plan.reachesEveryTarget()) {
                levels(profile.get("target"))
                        .forEach((k, level) ->
                                assertThat(levels.getOrDefault(k, 0)).isGreaterThanOrEqualTo(level));
            }
        }
    }

    @Test
    void aSearchStoppedByItsNodeBudgetGivesTheSamePlanEveryTimeEvenWhenTheMachineIsBusy() {
        // a budget small enough that some searches stop (7 of the 20): with the planner's own, all are proven optimal
        var workbench = Workbench.of(CatalogueGenerator.json(courses), 5);
        var random = new Random(5);
        var educators = new ArrayList<Workbench.Educator>();
        for (int i = 0; i < 20; i++) {
            educators.add(workbench.educator(generator.profile(random)));
        }
        var quiet = plans(workbench, educators);
        // the same plans with every core busy: only a count of nodes, never the clock, stops a search
        int cores = Runtime.getRuntime().availableProcessors();
        var busy = Executors.newFixedThreadPool(cores);
        var stop = new AtomicBoolean();
        for (int i = 0; i < cores; i++) {
            busy.submit(() -> {
                long spin = 0;
                while (!stop.get()) {
                    spin++;
                }
                return spin;
            });
        }
        try {
            assertThat(plans(workbench, educators)).isEqualTo(quiet);
        } finally {
            stop.set(true);
            busy.shutdown();
        }
        assertThat(quiet).anyMatch(plan -> plan.startsWith("partial"));
    }

    @Test
    void aCatalogueWithARefusedCourseIsRefusedWhole() {
        var broken = new ArrayList<>(courses.subList(0, 3));
        var course = new HashMap<>(broken.get(1));
        course.put("mode", "by carrier pigeon");
        broken.set(1, course);

        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> Workbench.of(CatalogueGenerator.json(broken), 10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("course g1")
                .hasMessageContaining("unknown delivery mode");
    }

    @Test
    void anInvalidProfileSaysWhatToFix() {
        var workbench = Workbench.of(CatalogueGenerator.json(courses.subList(0, 10)), 10);

        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> workbench.educator(Map.of("target", Map.of("2.1", "Z9")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Z9");
    }

    /** Each plan as whether it is proven optimal and its courses in order. */
    private static List<String> plans(Workbench workbench, List<Workbench.Educator> educators) {
        return educators.stream()
                .map(workbench::plan)
                .map(plan -> (plan.optimal() ? "optimal " : "partial ") + plan.courses())
                .toList();
    }

    private static Map<String, Integer> levels(Object field) {
        var levels = new HashMap<String, Integer>();
        ((Map<?, ?>) field).forEach((k, v) -> levels.put((String) k, CatalogueGenerator.LEVELS.indexOf((String) v)));
        return levels;
    }

    private static List<String> strings(Object field) {
        return ((List<?>) field).stream().map(String.class::cast).toList();
    }
}
