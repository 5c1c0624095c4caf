package org.pathwise.pathways;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.pathwise.retrieval.Search;
import org.pathwise.retrieval.SearchFilter;
import org.pathwise.retrieval.SearchHit;
import org.pathwise.retrieval.SearchMode;
import org.pathwise.retrieval.SearchRequest;

/**
 * Lists the library readings of each step of a plan: up to {@value #PER_STEP} documents, each with the passage that
 * matched the step's course.
 *
 * <p>The query is the course's title and description followed by the titles of the competences it raises, searched in
 * hybrid mode (BM25 and embedding similarity fused by reciprocal rank), so that a passage close in meaning counts as
 * well as one that shares words. Documents tagged with those competences come first, in that search's order. The rest
 * come from the same search over the whole library, keeping only passages that cover at least {@link #FLOOR} of the
 * course's own words ({@link Search#coverage}: the share of the terms of its title and description that the passage
 * holds, each term weighted by its inverse document frequency and analysed in the passage's language). A step with
 * nothing above the floor lists only its tagged documents, or nothing, rather than the nearest unrelated ones.
 *
 * <p>The floor is a coverage and not an embedding similarity because the bundled embedding model reads English only:
 * on French or Spanish text its similarities bunch together, an unrelated document in the query's language about as
 * near as a related English one, so a similarity floor would let random documents through in those languages. The
 * value was fitted on half of The Carpentries' episodes, with SciFact's claims as unrelated courses, and measured on
 * the other half (docs/learning-paths.md, {@code ReadingsEvaluation}).
 *
 * <p>A failing or empty library leaves the steps without documents.
 */
final class PlanDocuments {

    static final int PER_STEP = 3;

    /** The least coverage of the course's title and description by a passage that is not tagged with its competences. */
    static final double FLOOR = 0.37;

    /** Passages asked of each search: enough for {@value #PER_STEP} documents once passages of one document merge. */
    static final int DEPTH = 20;

    private final Search search;
    private final Framework framework;

    PlanDocuments(Search search, Framework framework) {
        this.search = search;
        this.framework = framework;
    }

    Plan attach(Plan plan) {
        var steps = new ArrayList<Plan.Step>();
        for (var step : plan.steps()) {
            steps.add(step.withDocuments(documents(step.course())));
        }
        return plan.withSteps(steps);
    }

    /** The readings of one course, tagged documents first; empty when the search fails. */
    List<Plan.Document> documents(Course course) {
        try {
            return choose(candidates(course), FLOOR);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /**
     * A passage the searches found for a course.
     *
     * @param document the document and passage as a step lists them
     * @param tagged whether the document is tagged with one of the course's competences
     * @param coverage how much of the course's title and description the passage covers, 0 to 1
     */
    record Candidate(Plan.Document document, boolean tagged, double coverage) {}

    /** Every passage found for a course before the floor is applied: the tagged ones first, each list in rank order. */
    List<Candidate> candidates(Course course) {
        var competences = course.raises().keySet();
        var own = (course.title() + "\n" + course.description()).strip();
        var titles = competences.stream().map(framework::title).toList();
        var query = titles.isEmpty() ? own : own + "\n" + String.join(", ", titles);
        var candidates = new ArrayList<Candidate>();
        if (!competences.isEmpty()) {
            var filter = new SearchFilter(Set.of(), Set.of(), Set.of(), competences, Set.of());
            for (var hit : search.search(new SearchRequest(query, DEPTH, SearchMode.HYBRID, filter, false))) {
                candidates.add(new Candidate(document(hit), true, search.coverage(own, List.of(hit.passage()))));
            }
        }
        for (var hit : search.search(new SearchRequest(query, DEPTH, SearchMode.HYBRID, SearchFilter.NONE, false))) {
            candidates.add(new Candidate(document(hit), false, search.coverage(own, List.of(hit.passage()))));
        }
        return candidates;
    }

    /**
     * The first {@value #PER_STEP} documents among the candidates, in their order, each once with its first passage
     * that qualifies: a tagged one, or one whose coverage reaches {@code floor}.
     */
    static List<Plan.Document> choose(List<Candidate> candidates, double floor) {
        var chosen = new LinkedHashMap<String, Plan.Document>();
        for (var candidate : candidates) {
            if (chosen.size() == PER_STEP) {
                break;
            }
            if (candidate.tagged() || candidate.coverage() >= floor) {
                chosen.putIfAbsent(candidate.document().source(), candidate.document());
            }
        }
        return List.copyOf(chosen.values());
    }

    private static Plan.Document document(SearchHit hit) {
        var passage = hit.passage();
        var facets = passage.facets();
        return new Plan.Document(
                facets.source(),
                facets.title(),
                passage.heading(),
                passage.position(),
                passage.documentId(),
                passage.ordinal());
    }
}
