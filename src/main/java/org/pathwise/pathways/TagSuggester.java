package org.pathwise.pathways;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.pathwise.retrieval.Embedder;

/**
 * Suggests competence tags for a course that has none: the DigCompEdu competences whose text (title, description and
 * level descriptors) is nearest, by cosine similarity of embeddings, to the course's title and description. An
 * administrator confirms a suggestion with the level the course reaches before the planner uses the course.
 */
final class TagSuggester {

    /** A suggested competence and its similarity to the course, higher is closer. */
    record Suggestion(String competence, String title, double score) {}

    private final Embedder embedder;
    private final List<Framework.Competence> competences;
    private volatile List<float[]> vectors;

    TagSuggester(Embedder embedder, Framework framework) {
        this.embedder = embedder;
        this.competences = framework.competences();
    }

    /** The {@code k} nearest competences, nearest first. */
    List<Suggestion> suggest(Course course, int k) {
        var query = embedder.embedQuery(course.title() + ". " + course.description());
        var competenceVectors = vectors();
        return IntStream.range(0, competences.size())
                .mapToObj(i -> new Suggestion(
                        competences.get(i).id(),
                        competences.get(i).title(),
                        Embedder.cosine(query, competenceVectors.get(i))))
                .sorted(Comparator.comparingDouble(Suggestion::score).reversed())
                .limit(k)
                .toList();
    }

    private List<float[]> vectors() {
        var local = vectors;
        if (local == null) {
            local = embedder.embedPassages(competences.stream()
                    .map(c -> c.title() + ". " + c.description() + " "
                            + String.join(" ", c.descriptors().values()))
                    .toList());
            vectors = local;
        }
        return local;
    }
}
