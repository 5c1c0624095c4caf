package org.pathwise.pathways;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** On a generated 2,000-course catalogue the planner stays fast, valid, and honest about its gap. */
class LargeCatalogueTest {

    private final Framework framework = Bundled.get().frameworks.digCompEdu();

    @Test
    void plansOverTwoThousandCoursesInValidOrderAndReportsItsGapToTheLowerBound() {
        var generator = new CatalogueGenerator(framework);
        var catalogue = generator.catalogue(7, 2000);
        var planner = new Planner(framework);
        var random = new Random(11);
        long slowest = 0;
        for (int i = 0; i < 30; i++) {
            var profile = generator.profile(random);
            long start = System.nanoTime();
            var plan = planner.plan(profile, catalogue);
            slowest = Math.max(slowest, System.nanoTime() - start);
            assertThat(plan.lowerBoundHours()).isLessThanOrEqualTo(plan.totalHours() + 1e-9);
            assertThat(plan.gapHours()).isGreaterThanOrEqualTo(0);
            if (plan.optimal()) {
                assertThat(plan.gapHours()).isZero();
            }
            var levels = new java.util.HashMap<>(profile.current());
            var done = new java.util.HashSet<String>();
            for (var step : plan.steps()) {
                assertThat(done).containsAll(step.course().prerequisites());
                step.course()
                        .requires()
                        .forEach((k, level) ->
                                assertThat(levels.getOrDefault(k, Level.A1)).isGreaterThanOrEqualTo(level));
                done.add(step.course().id());
                step.course().raises().forEach((k, level) -> levels.merge(k, level, Level::max));
            }
        }
        assertThat(slowest / 1e6).isLessThan(5000);
    }

    @Test
    void aSearchStoppedByItsNodeBudgetGivesTheSamePlanEveryTimeEvenWhenTheMachineIsBusy() throws Exception {
        var generator = new CatalogueGenerator(framework);
        var catalogue = generator.catalogue(7, 2000);
        var random = new Random(5);
        var profiles = new java.util.ArrayList<Profile>();
        for (int i = 0; i < 20; i++) {
            profiles.add(generator.profile(random));
        }
        // a budget small enough that some searches stop (7 of the 20): with the planner's own, all are proven optimal
        long budget = 5;
        var quiet = plans(new Planner(framework, budget), profiles, catalogue);
        // the same plans with every core busy: only a count of nodes, never the clock, stops a search
        var busy = java.util.concurrent.Executors.newFixedThreadPool(
                Runtime.getRuntime().availableProcessors());
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            busy.submit(() -> {
                long spin = 0;
                while (!stop.get()) {
                    spin++;
                }
                return spin;
            });
        }
        try {
            assertThat(plans(new Planner(framework, budget), profiles, catalogue))
                    .isEqualTo(quiet);
        } finally {
            stop.set(true);
            busy.shutdown();
        }
        assertThat(quiet).anyMatch(plan -> plan.startsWith("partial"));
    }

    /** Each plan as whether it is proven optimal and its courses in order. */
    private static java.util.List<String> plans(
            Planner planner, java.util.List<Profile> profiles, Catalogue catalogue) {
        return profiles.stream()
                .map(profile -> planner.plan(profile, catalogue))
                .map(plan -> (plan.optimal() ? "optimal " : "partial ")
                        + plan.steps().stream().map(step -> step.course().id()).toList())
                .toList();
    }
}
