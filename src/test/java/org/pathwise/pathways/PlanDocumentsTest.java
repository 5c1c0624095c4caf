package org.pathwise.pathways;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathwise.retrieval.DocumentFacets;
import org.pathwise.retrieval.FakeEmbeddingModel;
import org.pathwise.retrieval.Passage;
import org.pathwise.retrieval.PassageIndex;
import org.pathwise.retrieval.TestSearch;

/** The readings of a plan's steps, over a real Lucene index with the fake embedding model. */
class PlanDocumentsTest {

    @TempDir
    Path folder;

    private final Bundled bundled = Bundled.get();

    /** A document of one passage per text, each under its own heading after the title. */
    private static List<Passage> document(
            String id, String source, String title, String language, List<String> competencies, String... sections) {
        var facets = new DocumentFacets(source, title, List.of(), "CC-BY-4.0", language, "", competencies, "guide");
        var passages = new ArrayList<Passage>();
        for (int i = 0; i < sections.length; i += 2) {
            passages.add(
                    Passage.of(id, i / 2, sections[i + 1], List.of(title, sections[i]), "#section-" + i / 2, facets));
        }
        return passages;
    }

    private static Course course(String title, String description, Set<String> languages, String... raises) {
        var levels = new java.util.TreeMap<String, Level>();
        for (var competence : raises) {
            levels.put(competence, Level.B1);
        }
        return new Course(
                "c1", title, 4, languages, Delivery.ONLINE, Map.of(), levels, List.of(), "", "", description, "course");
    }

    private PassageIndex index(List<List<Passage>> documents) {
        var index = PassageIndex.lucene(folder, FakeEmbeddingModel.embedder("fake"));
        index.index(documents.stream().flatMap(List::stream).toList());
        index.commit();
        return index;
    }

    private PlanDocuments readings(PassageIndex index) {
        return new PlanDocuments(TestSearch.over(index), bundled.frameworks.digCompEdu());
    }

    private static List<Passage> finding() {
        return document(
                "d1",
                "oer/finding.md",
                "Finding open resources",
                "en",
                List.of("2.1"),
                "Where to look",
                "Selecting digital resources from open repositories.");
    }

    private static List<Passage> quizzes() {
        return document(
                "d2",
                "assessment/quizzes.md",
                "Quizzes",
                "en",
                List.of("4.1"),
                "Quizzes",
                "Assessment strategies for online courses: design short quizzes after each unit.");
    }

    private static List<Passage> bread() {
        return document(
                "d3",
                "kitchen/bread.md",
                "Baking bread",
                "en",
                List.of(),
                "Dough",
                "Knead the sourdough, let it rise overnight and bake the loaf in a hot oven.");
    }

    @Test
    void eachStepOfAPlanListsTheLibraryDocumentsTaggedWithItsCompetencesFirst() {
        try (var index = index(List.of(finding(), quizzes()))) {
            var profile = new Profile(
                    Map.of(), Map.of("2.1", Level.B1), "", 4, 0, List.of("en"), ModePreference.ANY, List.of());
            var plan = new Planner(bundled.frameworks.digCompEdu()).plan(profile, bundled.sampleCatalogue);

            var attached = readings(index).attach(plan);

            var step = attached.steps().getFirst();
            assertThat(step.course().raises()).containsKey("2.1");
            assertThat(step.documents()).isNotEmpty();
            assertThat(step.documents().getFirst().source()).isEqualTo("oer/finding.md");
            assertThat(step.documents().getFirst().title()).isEqualTo("Finding open resources");
        }
    }

    @Test
    void aTaggedDocumentComesBeforeAnUntaggedOneThatMatchesTheCourseBetter() {
        var tagged = document(
                "tagged",
                "oer/tagged.md",
                "Repositories",
                "en",
                List.of("2.1"),
                "Repositories",
                "Open repositories hold many resources.");
        var untagged = document(
                "untagged",
                "oer/rubrics.md",
                "Marking rubrics",
                "en",
                List.of(),
                "Rubrics",
                "Marking rubrics give students feedback on their essays with clear criteria.");
        try (var index = index(List.of(untagged, tagged))) {
            var course = course(
                    "Marking rubrics",
                    "Write rubrics with clear criteria and give feedback on essays.",
                    Set.of("en"),
                    "2.1");

            var documents = readings(index).documents(course);

            assertThat(documents).extracting(Plan.Document::source).containsExactly("oer/tagged.md", "oer/rubrics.md");
        }
    }

    @Test
    void aDocumentUnrelatedToTheCourseIsNotListed() {
        try (var index = index(List.of(bread(), finding(), quizzes()))) {
            var course = course(
                    "Assessment with quizzes",
                    "Design quizzes and assessment strategies for online courses.",
                    Set.of("en"));

            var documents = readings(index).documents(course);

            assertThat(documents).extracting(Plan.Document::source).containsExactly("assessment/quizzes.md");
        }
    }

    @Test
    void aCourseThatNothingInTheLibraryIsAboutListsNothing() {
        try (var index = index(List.of(bread(), quizzes()))) {
            var course = course("Welcoming new colleagues", "Mentoring and onboarding of staff.", Set.of("en"));

            assertThat(readings(index).documents(course)).isEmpty();
        }
    }

    @Test
    void eachReadingLinksToThePassageThatMatchedTheCourse() {
        var guide = document(
                "guide",
                "design/online-module.md",
                "Designing an online module",
                "en",
                List.of(),
                "Weekly rhythm",
                "Plan one topic per week with a short video and a task.",
                "Discussion forums",
                "Moderate forums so that every student posts and replies to peers.",
                "Accessibility",
                "Caption every video and describe every image.");
        try (var index = index(List.of(guide, bread()))) {
            var course = course(
                    "Moderating discussion forums", "Get every student to post and reply in forums.", Set.of("en"));

            var documents = readings(index).documents(course);

            assertThat(documents).hasSize(1);
            var reading = documents.getFirst();
            assertThat(reading.title()).isEqualTo("Designing an online module");
            assertThat(reading.heading()).isEqualTo("Designing an online module › Discussion forums");
            assertThat(reading.section()).isEqualTo("Discussion forums");
            assertThat(reading.position()).isEqualTo("#section-1");
            assertThat(reading.passage()).isEqualTo("guide#1");
            assertThat(reading.link()).isEqualTo("/library/documents/guide#p1");
        }
    }

    @Test
    void theCourseDescriptionFindsAReadingItsTitleDoesNotName() {
        var guide = document(
                "guide",
                "design/online-module.md",
                "Designing an online module",
                "en",
                List.of(),
                "Weekly rhythm",
                "Plan one topic per week with a short video and a task.",
                "Accessibility",
                "Caption every video and describe every image.");
        try (var index = index(List.of(guide, bread()))) {
            var course =
                    course("Workshop three", "Caption videos and describe images for accessibility.", Set.of("en"));

            var documents = readings(index).documents(course);

            assertThat(documents).extracting(Plan.Document::link).containsExactly("/library/documents/guide#p1");
        }
    }

    @Test
    void aFrenchCourseListsTheFrenchDocumentAboutItAndNotAnUnrelatedOne() {
        var rubrics = document(
                "grilles",
                "evaluation/grilles.md",
                "Grilles critériées",
                "fr",
                List.of(),
                "Rédiger une grille",
                "Une grille critériée décrit les niveaux attendus et rend les retours aux étudiants plus rapides.");
        var cooking = document(
                "cuisine",
                "cuisine/soufflé.md",
                "La cuisine du soufflé",
                "fr",
                List.of(),
                "Le soufflé",
                "Battez les blancs en neige, ajoutez le fromage et enfournez le soufflé sans ouvrir la porte du four.");
        try (var index = index(List.of(cooking, rubrics))) {
            var course = course(
                    "Évaluer avec des grilles critériées",
                    "Rédiger des grilles et donner des retours rapides aux étudiants.",
                    Set.of("fr"));

            var documents = readings(index).documents(course);

            assertThat(documents).extracting(Plan.Document::source).containsExactly("evaluation/grilles.md");
            assertThat(documents.getFirst().link()).isEqualTo("/library/documents/grilles#p0");
        }
    }

    @Test
    void aSpanishCourseRaisingACompetenceListsTheSpanishDocumentAboutIt() {
        var debates = document(
                "debates",
                "diseno/debates.md",
                "Facilitar debates en línea",
                "es",
                List.of(),
                "Moderar",
                "Moderar los foros para que cada estudiante publique y responda a sus compañeros.");
        try (var index = index(List.of(debates, bread()))) {
            var course = course("Debates en línea", "Moderar foros y debates con estudiantes.", Set.of("es"), "2.1");

            var documents = readings(index).documents(course);

            assertThat(documents).extracting(Plan.Document::source).containsExactly("diseno/debates.md");
        }
    }
}
