package org.pathwise.pathways;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

class PlanTextTest {

    private final Bundled bundled = Bundled.get();
    private final Planner planner = new Planner(bundled.frameworks.digCompEdu());

    /** The messages as the application reads them (spring.messages in application.yaml). */
    private static MessageSource messages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setAlwaysUseMessageFormat(true);
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static PlanText page(String language) {
        return new PlanText(messages(), Locale.forLanguageTag(language), true);
    }

    private static Course course(
            String id, String title, double hours, Map<String, Level> requires, Map<String, Level> raises) {
        return new Course(
                id, title, hours, Set.of("en"), Delivery.ONLINE, requires, raises, List.of(), "", "", "", "course");
    }

    /** c0 gives the entry level c1 needs; c2 also reaches 2.1 B1 but needs 3.1 at B1, which no one has. */
    private final Catalogue chain = new Catalogue(List.of(
            course("c0", "Search basics", 4, Map.of(), Map.of("2.1", Level.A2)),
            course("c1", "Open resources in depth", 6, Map.of("2.1", Level.A2), Map.of("2.1", Level.B1)),
            course("c2", "Resources for teachers", 2, Map.of("3.1", Level.B1), Map.of("2.1", Level.B1))));

    private Plan chainPlan() {
        var profile =
                new Profile(Map.of(), Map.of("2.1", Level.B1), "", 4, 0, List.of("en"), ModePreference.ANY, List.of());
        var plan = planner.plan(profile, chain);
        assertThat(plan.steps().stream().map(s -> s.course().id())).containsExactly("c0", "c1");
        return plan;
    }

    @Test
    void writesTheStepsInEnglishWithCourseIdsForTheApi() {
        var plan = chainPlan();

        var first = plan.steps().getFirst();
        assertThat(PlanText.ENGLISH.write(first.reason()))
                .isEqualTo("raises 2.1 Selecting digital resources from A1 to A2 (target B1); gives the entry level"
                        + " 2.1 A2 that c1 needs");
        assertThat(PlanText.ENGLISH.write(first.before()))
                .isEqualTo("comes first because c1 needs 2.1 at A2 before it starts");
        assertThat(PlanText.ENGLISH.write(plan.steps().get(1).alternative()))
                .isEqualTo("chosen over c2 (Resources for teachers): it needs 3.1 at B1 first");
    }

    @Test
    void writesTheStepsInFrenchNamingCoursesByTitle() {
        var plan = chainPlan();
        var french = page("fr");

        var first = plan.steps().getFirst();
        assertThat(french.write(first.reason()))
                .isEqualTo(
                        "fait passer 2.1 Sélection de ressources numériques de A1 à A2 (objectif B1) ; donne le niveau"
                                + " d'entrée 2.1 A2 dont Open resources in depth a besoin");
        assertThat(french.write(first.before()))
                .isEqualTo("vient en premier parce que Open resources in depth demande 2.1 au niveau A2 avant de"
                        + " commencer");
        var second = plan.steps().get(1);
        assertThat(french.write(second.reason()))
                .isEqualTo("fait passer 2.1 Sélection de ressources numériques de A2 à B1 (objectif B1)");
        assertThat(french.write(second.before())).isEqualTo("dernière étape : rien n'en dépend");
        assertThat(french.write(second.alternative()))
                .isEqualTo("préféré à c2 (Resources for teachers) : celui-ci demande d'abord 3.1 au niveau B1");
    }

    @Test
    void writesTheStepsInArabicNamingCoursesByTitle() {
        var plan = chainPlan();
        var arabic = page("ar");

        var first = plan.steps().getFirst();
        assertThat(arabic.write(first.reason()))
                .isEqualTo("ترفع 2.1 اختيار الموارد الرقمية من A1 إلى A2 (الهدف B1)، كما تمنح مستوى الدخول 2.1 A2"
                        + " الذي تحتاجه الدورة Open resources in depth");
        assertThat(arabic.write(first.before()))
                .isEqualTo("تأتي أولًا لأن الدورة Open resources in depth تحتاج إلى 2.1 في المستوى A2 قبل أن تبدأ");
        var second = plan.steps().get(1);
        assertThat(arabic.write(second.before())).isEqualTo("الخطوة الأخيرة: لا يعتمد عليها شيء");
        assertThat(arabic.write(second.alternative()))
                .isEqualTo("اختيرت بدلًا من c2 (Resources for teachers): تلك الدورة تحتاج أولًا إلى 3.1 في المستوى B1");
    }

    @Test
    void writesWhyATargetIsOutOfReachWithTheDeliveryModeInTheReadersLanguage() {
        var profile = new Profile(
                Map.of("3.1", Level.B1),
                Map.of("3.1", Level.B2),
                "",
                4,
                0,
                List.of("en", "fr"),
                ModePreference.ONLINE,
                List.of());
        var reason = planner.plan(profile, bundled.sampleCatalogue)
                .unreachable()
                .getFirst()
                .reason();

        assertThat(PlanText.ENGLISH.write(reason))
                .isEqualTo("no course in your delivery mode (online) raises 3.1 Teaching to B2; tl-201 is blended");
        assertThat(page("fr").write(reason))
                .isEqualTo("aucun cours dans votre mode de formation (en ligne) ne fait passer 3.1 Enseignement à B2 ;"
                        + " Designing blended sessions est hybride");
        assertThat(page("es").write(reason))
                .isEqualTo("ningún curso en su modalidad (en línea) eleva 3.1 Enseñanza a B2; Designing blended"
                        + " sessions es semipresencial");
        assertThat(page("ar").write(reason))
                .isEqualTo("لا توجد دورة بنمط التقديم الذي اخترته (عبر الإنترنت) ترفع 3.1 التدريس إلى B2؛ الدورة"
                        + " Designing blended sessions تُقدَّم بصيغة مدمجة");
    }

    @Test
    void joinsTheReasonsOfAStepInTheReadersLanguage() {
        var reason = Explanation.joined(
                "path.explain.also",
                List.of(
                        Explanation.of("path.explain.raises", "2.1", "Selecting", Level.A2, Level.B1, Level.B2),
                        Explanation.of(
                                "path.explain.prerequisite-of", new Explanation.CourseRef("c9", "Advanced search"))));

        assertThat(PlanText.ENGLISH.write(reason))
                .isEqualTo("raises 2.1 Selecting from A2 to B1 (target B2); is a prerequisite of c9");
        assertThat(page("es").write(reason))
                .isEqualTo("eleva 2.1 Selecting de A2 a B1 (objetivo B2); además, es requisito previo de Advanced"
                        + " search");
        assertThat(page("ar").write(reason))
                .isEqualTo("ترفع 2.1 Selecting من A2 إلى B1 (الهدف B2)، كما تُعدّ شرطًا مسبقًا للدورة Advanced search");
    }

    @Test
    void aLanguageWithoutMessagesAndTheServersLocaleLeaveTheExplanationsInEnglish() {
        var plan = chainPlan();
        var reason = plan.steps().getFirst().before();
        var before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.FRENCH);
            assertThat(PlanText.ENGLISH.write(reason))
                    .isEqualTo("comes first because c1 needs 2.1 at A2 before it starts");
            assertThat(new PlanText(messages(), Locale.GERMAN, false).write(reason))
                    .isEqualTo("comes first because c1 needs 2.1 at A2 before it starts");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void theStepsOfACohortsPlansAreNotExplained() {
        assertThat(page("ar").write(Explanation.NONE)).isEmpty();
    }

    @Test
    void refusesAnArgumentItCannotWrite() {
        assertThatThrownBy(() -> Explanation.of("path.explain.rival-longer", 6.0, "4"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Double");
    }

    @Test
    void namesLevelsInThePagesLanguage() {
        var digCompEdu = bundled.frameworks.digCompEdu();

        assertThat(page("en").level(digCompEdu, Level.A2)).isEqualTo("Explorer");
        assertThat(page("fr").level(digCompEdu, Level.C2)).isEqualTo("Pionnier");
        assertThat(page("es").level(digCompEdu, Level.B1)).isEqualTo("Integrador");
        assertThat(page("ar").level(digCompEdu, Level.B2)).isEqualTo("خبير");
        // Swahili, without messages of its own, reads the English ones
        assertThat(page("sw").level(digCompEdu, Level.A1)).isEqualTo("Newcomer");
    }
}
