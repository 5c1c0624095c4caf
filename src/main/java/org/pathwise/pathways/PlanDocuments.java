package org.pathwise.pathways;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleSupplier;
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

    /**
     * The readings of one course, tagged documents first; empty when the search fails. The whole library is searched
     * only when the tagged documents are fewer than {@value #PER_STEP}, and a passage's coverage is measured only when
     * the choice comes to it: a plan is made on every view of My path.
     */
    List<Plan.Document> documents(Course course) {
        try {
            var query = query(course);
            var tagged = tagged(course, query);
            var chosen = choose(tagged, FLOOR);
            if (chosen.size() == PER_STEP) {
                return chosen;
            }
            var all = new ArrayList<>(tagged);
            all.addAll(untagged(course, query));
            return choose(all, FLOOR);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /**
     * A passage the searches found for a course, and how much of the course's title and description it covers (0 to
     * 1), measured when first asked.
     */
    static final class Candidate {

        private final Plan.Document document;
        private final boolean tagged;
        private final DoubleSupplier measure;
        private double coverage = Double.NaN;

        /**
         * @param document the document and passage as a step lists them
         * @param tagged whether the document is tagged with one of the course's competences
         * @param measure measures the coverage
         */
        Candidate(Plan.Document document, boolean tagged, DoubleSupplier measure) {
            this.document = document;
            this.tagged = tagged;
            this.measure = measure;
        }

        Plan.Document document() {
            return document;
        }

        boolean tagged() {
            return tagged;
        }

        double coverage() {
            if (Double.isNaN(coverage)) {
                coverage = measure.getAsDouble();
            }
            return coverage;
        }
    }

    /** Every passage found for a course before the floor is applied: the tagged ones first, each list in rank order. */
    List<Candidate> candidates(Course course) {
        var query = query(course);
        var candidates = new ArrayList<>(tagged(course, query));
        candidates.addAll(untagged(course, query));
        return candidates;
    }

    /** The course's title and description, then the titles of the competences it raises. */
    private String query(Course course) {
        var titles = course.raises().keySet().stream().map(framework::title).toList();
        var own = own(course);
        return titles.isEmpty() ? own : own + "\n" + String.join(", ", titles);
    }

    private static String own(Course course) {
        return (course.title() + "\n" + course.description()).strip();
    }

    private List<Candidate> tagged(Course course, String query) {
        var competences = course.raises().keySet();
        if (competences.isEmpty()) {
            return List.of();
        }
        var filter = new SearchFilter(Set.of(), Set.of(), Set.of(), competences, Set.of());
        return found(new SearchRequest(query, DEPTH, SearchMode.HYBRID, filter, false), true, own(course));
    }

    private List<Candidate> untagged(Course course, String query) {
        return found(new SearchRequest(query, DEPTH, SearchMode.HYBRID, SearchFilter.NONE, false), false, own(course));
    }

    private List<Candidate> found(SearchRequest request, boolean tagged, String own) {
        return search.search(request).stream()
                .map(hit -> new Candidate(document(hit), tagged, () -> search.coverage(own, List.of(hit.passage()))))
                .toList();
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
            var source = candidate.document().source();
            if (!chosen.containsKey(source) && (candidate.tagged() || candidate.coverage() >= floor)) {
                chosen.put(source, candidate.document());
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
