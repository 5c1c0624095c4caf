package org.pathwise.pathways;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pathwise.retrieval.Embedder;
import org.pathwise.retrieval.FakeEmbeddingModel;

class TagSuggesterTest {

    /** A fake model with enough dimensions that words seldom share a bucket. */
    private final TagSuggester suggester = new TagSuggester(
            new Embedder("fake", new FakeEmbeddingModel(4096), "", ""),
            Bundled.get().frameworks.digCompEdu());

    private static Course untagged(String title, String description) {
        return new Course(
                "u1",
                title,
                3,
                Set.of("en"),
                Delivery.ONLINE,
                Map.of(),
                Map.of(),
                List.of(),
                "",
                "",
                description,
                "course");
    }

    @Test
    void suggestsTheCompetenceWhoseDescriptorsShareTheCoursesWords() {
        var course = untagged(
                "Captions, transcripts and low-bandwidth versions",
                "Make digital learning accessible to all students with captions and transcripts.");

        var suggestions = suggester.suggest(course, 3);

        assertThat(suggestions).hasSize(3);
        assertThat(suggestions.getFirst().competence()).isEqualTo("5.1");
        assertThat(suggestions.get(0).score())
                .isGreaterThanOrEqualTo(suggestions.get(1).score());
    }

    @Test
    void ranksDifferentCompetencesForADifferentCourse() {
        var course = untagged(
                "Feedback that tells students what to do next",
                "Give timely digital feedback with rubrics, audio and peer feedback.");

        assertThat(suggester.suggest(course, 1).getFirst().competence()).isEqualTo("4.3");
    }
}
