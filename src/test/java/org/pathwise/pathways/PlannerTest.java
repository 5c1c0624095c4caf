package org.pathwise.pathways;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private final Bundled bundled = Bundled.get();
    private final Planner planner = new Planner(bundled.frameworks.digCompEdu());

    private static Profile profile(Map<String, Level> current, Map<String, Level> target) {
        return new Profile(current, target, "", 4, 0, List.of("en"), ModePreference.ANY, List.of());
    }

    private static Course course(
            String id, double hours, Map<String, Level> requires, Map<String, Level> raises, String... prerequisites) {
        return Course.of(id, hours, Set.of("en"), Delivery.ONLINE, requires, raises, List.of(prerequisites));
    }

    /** An explanation as the API and the command line write it. */
    private static String english(Explanation explanation) {
        return PlanText.ENGLISH.write(explanation);
    }

    private static List<String> ids(Plan plan) {
        return plan.steps().stream().map(s -> s.course().id()).toList();
    }

    private final Catalogue chain = new Catalogue(List.of(
            course("c0", 4, Map.of(), Map.of("2.1", Level.A2)),
            course("c1", 6, Map.of("2.1", Level.A2), Map.of("2.1", Level.B1)),
            course("c2", 2, Map.of("3.1", Level.B1), Map.of("2.1", Level.B1)),
            course("c3", 10, Map.of(), Map.of("3.1", Level.B1)),
            course("c4", 3, Map.of(), Map.of("4.1", Level.B1), "c3")));

    @Test
    void takesTheEntryLevelFirstAndExplainsTheOrderAndTheAlternativeItBeat() {
        var plan = planner.plan(profile(Map.of(), Map.of("2.1", Level.B1)), chain);

        assertThat(ids(plan)).containsExactly("c0", "c1");
        assertThat(plan.totalHours()).isEqualTo(10);
        assertThat(plan.optimal()).isTrue();
        assertThat(plan.unreachable()).isEmpty();
        var first = plan.steps().getFirst();
        assertThat(english(first.before())).contains("c1 needs 2.1 at A2 before it starts");
        assertThat(english(first.reason())).contains("gives the entry level 2.1 A2 that c1 needs");
        var second = plan.steps().get(1);
        assertThat(second.closes()).singleElement().satisfies(gap -> {
            assertThat(gap.from()).isEqualTo(Level.A2);
            assertThat(gap.to()).isEqualTo(Level.B1);
            assertThat(gap.target()).isEqualTo(Level.B1);
        });
        assertThat(english(second.alternative())).contains("chosen over c2").contains("needs 3.1 at B1 first");
        assertThat(english(second.before())).contains("last step");
    }

    @Test
    void schedulesStepsBackToBackIntoWeeksOfTheProfilesHours() {
        var plan = planner.plan(profile(Map.of(), Map.of("2.1", Level.B1)), chain);

        // 4 h a week: c0 (4 h) fills week 1, c1 (6 h) runs through weeks 2 and 3
        assertThat(plan.steps()).extracting(Plan.Step::week).containsExactly(1, 2);
        assertThat(plan.steps()).extracting(Plan.Step::endWeek).containsExactly(1, 3);
        assertThat(plan.weeks()).isEqualTo(3);
    }

    @Test
    void completedCoursesRaiseLevelsAndSatisfyPrerequisites() {
        var profile = new Profile(
                Map.of(),
                Map.of("4.1", Level.B1, "2.1", Level.B1),
                "",
                4,
                0,
                List.of(),
                ModePreference.ANY,
                List.of("c3"));

        var plan = planner.plan(profile, chain);

        // with c3 done, 3.1 is at B1: c2 (2 h) replaces c0 + c1 (10 h), and c4 needs nothing more
        assertThat(ids(plan)).containsExactlyInAnyOrder("c2", "c4");
        assertThat(plan.totalHours()).isEqualTo(5);
    }

    @Test
    void anUnknownCompletedCourseIsRejected() {
        var profile =
                new Profile(Map.of(), Map.of("2.1", Level.B1), "", 4, 0, List.of(), ModePreference.ANY, List.of("zz"));

        assertThatThrownBy(() -> planner.plan(profile, chain)).hasMessageContaining("'zz' is not in the catalogue");
    }

    @Test
    void prefersOneMicroCredentialToThreeCoursesThatTakeLonger() {
        var current = Map.of("2.1", Level.B1, "2.2", Level.B1, "2.3", Level.B1);
        var target = Map.of("2.1", Level.B2, "2.2", Level.B2, "2.3", Level.B2);

        var plan = planner.plan(profile(current, target), bundled.sampleCatalogue);

        assertThat(ids(plan)).containsExactly("dr-400");
        assertThat(plan.totalHours()).isEqualTo(20);
        assertThat(english(plan.steps().getFirst().alternative())).contains("chosen over dr-201");
    }

    @Test
    void saysWhichCompetenceHasNoCourseInTheEducatorsLanguageAndPlansTheReachablePart() {
        var profile =
                new Profile(Map.of(), Map.of("2.1", Level.B2), "", 4, 0, List.of("es"), ModePreference.ANY, List.of());

        var plan = planner.plan(profile, bundled.sampleCatalogue);

        assertThat(ids(plan)).containsExactly("dr-101");
        assertThat(plan.unreachable()).singleElement().satisfies(u -> {
            assertThat(u.competence()).isEqualTo("2.1");
            assertThat(u.reached()).isEqualTo(Level.B1);
            assertThat(english(u.reason())).startsWith("no course in your languages (es) raises 2.1");
        });
    }

    @Test
    void saysWhenNoCourseIsGivenInTheEducatorsDeliveryMode() {
        var profile = new Profile(
                Map.of("3.1", Level.B1),
                Map.of("3.1", Level.B2),
                "",
                4,
                0,
                List.of("en", "fr"),
                ModePreference.ONLINE,
                List.of());

        var plan = planner.plan(profile, bundled.sampleCatalogue);

        assertThat(plan.steps()).isEmpty();
        assertThat(english(plan.unreachable().getFirst().reason()))
                .startsWith("no course in your delivery mode (online) raises 3.1 Teaching to B2; tl-201 is blended");
    }

    @Test
    void saysWhenNoCourseGoesThatHigh() {
        var plan = planner.plan(profile(Map.of(), Map.of("6.1", Level.C2)), bundled.sampleCatalogue);

        assertThat(ids(plan)).containsExactly("ld-101");
        assertThat(english(plan.unreachable().getFirst().reason()))
                .isEqualTo("no course raises 6.1 Information and media literacy to C2 (the highest any course reaches"
                        + " is B1)");
    }

    @Test
    void whenTheDeadlineIsTooCloseReturnsTheBestPlanThatFitsAndSaysWhy() {
        var target = Map.of("4.1", Level.B2, "4.3", Level.B1, "5.3", Level.B1);
        var profile = new Profile(Map.of(), target, "", 2, 4, List.of("en"), ModePreference.ANY, List.of());

        var plan = planner.plan(profile, bundled.sampleCatalogue);

        // everything takes 4 + 8 + 4 + 3 = 19 h; 8 h fit: as-120 (4 h) + em-120 (3 h), or as-101 + one of them
        assertThat(plan.totalHours()).isLessThanOrEqualTo(8);
        assertThat(plan.totalHours()).isEqualTo(7);
        assertThat(plan.unreachable()).singleElement().satisfies(u -> {
            assertThat(u.competence()).isEqualTo("4.1");
            assertThat(english(u.reason()))
                    .startsWith("deadline too close: 8 h are available (2 h a week for 4 weeks)");
        });
    }

    @Test
    void aRoleGivesAPlanOverTheSampleCatalogueThatReachesEveryTarget() {
        var role = bundled.roles.get("blended-learning-lead").orElseThrow();
        var profile =
                new Profile(Map.of(), role.targets(), role.id(), 4, 0, List.of("en"), ModePreference.ANY, List.of());

        var plan = planner.plan(profile, bundled.sampleCatalogue);

        assertThat(plan.unreachable()).isEmpty();
        assertThat(plan.optimal()).isTrue();
        role.targets().forEach((k, level) -> assertThat(plan.reached().get(k)).isGreaterThanOrEqualTo(level));
        assertThat(plan.steps())
                .allSatisfy(step -> assertThat(english(step.reason())).isNotBlank());
    }
}
