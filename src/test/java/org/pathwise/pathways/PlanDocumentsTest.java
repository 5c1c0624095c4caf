package org.pathwise.pathways;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathwise.retrieval.DocumentFacets;
import org.pathwise.retrieval.FakeEmbeddingModel;
import org.pathwise.retrieval.Passage;
import org.pathwise.retrieval.PassageIndex;
import org.pathwise.retrieval.TestSearch;

class PlanDocumentsTest {

    @TempDir
    Path folder;

    private final Bundled bundled = Bundled.get();

    private static Passage passage(String id, String source, String title, List<String> competencies, String text) {
        var facets = new DocumentFacets(source, title, List.of(), "CC-BY-4.0", "en", "", competencies, "guide");
        return Passage.of(id, 0, text, List.of(title), "#" + id, facets);
    }

    @Test
    void eachStepListsTheLibraryDocumentsTaggedWithItsCompetencesFirst() throws Exception {
        try (var index = PassageIndex.lucene(folder, FakeEmbeddingModel.embedder("fake"))) {
            index.index(List.of(
                    passage(
                            "d1",
                            "oer/finding.md",
                            "Finding open resources",
                            List.of("2.1"),
                            "Selecting digital resources from open repositories."),
                    passage(
                            "d2",
                            "assessment/quizzes.md",
                            "Quizzes",
                            List.of("4.1"),
                            "Assessment strategies with quizzes.")));
            index.commit();
            var profile = new Profile(
                    Map.of(), Map.of("2.1", Level.B1), "", 4, 0, List.of("en"), ModePreference.ANY, List.of());
            var plan = new Planner(bundled.frameworks.digCompEdu()).plan(profile, bundled.sampleCatalogue);

            var attached = new PlanDocuments(TestSearch.over(index), bundled.frameworks.digCompEdu()).attach(plan);

            var step = attached.steps().getFirst();
            assertThat(step.course().raises()).containsKey("2.1");
            assertThat(step.documents()).isNotEmpty();
            assertThat(step.documents().getFirst().source()).isEqualTo("oer/finding.md");
            assertThat(step.documents().getFirst().title()).isEqualTo("Finding open resources");
        }
    }
}
