package org.pathwise.pathways;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.pathwise.retrieval.Search;
import org.pathwise.retrieval.SearchFilter;
import org.pathwise.retrieval.SearchMode;
import org.pathwise.retrieval.SearchRequest;

/**
 * Lists library documents relevant to each step of a plan: a lexical search for the titles of the competences the
 * step raises, restricted to documents tagged with those competences, then, when that finds fewer than wanted, without
 * the restriction. A failing or empty library leaves the steps without documents.
 */
final class PlanDocuments {

    static final int PER_STEP = 3;

    private final Search search;
    private final Framework framework;

    PlanDocuments(Search search, Framework framework) {
        this.search = search;
        this.framework = framework;
    }

    Plan attach(Plan plan) {
        var steps = new ArrayList<Plan.Step>();
        for (var step : plan.steps()) {
            steps.add(step.withDocuments(documents(step.course().raises().keySet())));
        }
        return plan.withSteps(steps);
    }

    List<Plan.Document> documents(Set<String> competences) {
        if (competences.isEmpty()) {
            return List.of();
        }
        var query = String.join(" ", competences.stream().map(framework::title).toList());
        var found = new LinkedHashMap<String, Plan.Document>();
        try {
            var filter = new SearchFilter(Set.of(), Set.of(), Set.of(), competences, Set.of());
            collect(new SearchRequest(query, 10, SearchMode.LEXICAL, filter, false), found);
            if (found.size() < PER_STEP) {
                collect(new SearchRequest(query, 10, SearchMode.LEXICAL, SearchFilter.NONE, false), found);
            }
        } catch (RuntimeException e) {
            return List.of();
        }
        return found.values().stream().limit(PER_STEP).toList();
    }

    private void collect(SearchRequest request, LinkedHashMap<String, Plan.Document> found) {
        for (var hit : search.search(request)) {
            var facets = hit.passage().facets();
            found.putIfAbsent(
                    facets.source(),
                    new Plan.Document(
                            facets.source(),
                            facets.title(),
                            hit.passage().heading(),
                            hit.passage().position()));
        }
    }
}
