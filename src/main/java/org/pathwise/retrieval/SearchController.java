package org.pathwise.retrieval;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SearchController {

    /** The search API's answer, the same shape as {@code pathwise search --json}. */
    record SearchResponse(List<SearchHitView> hits) {}

    private final Search search;

    SearchController(Search search) {
        this.search = search;
    }

    @GetMapping("/api/search")
    @Operation(summary = "Search the library's passages", description = "Hits come most relevant first.")
    SearchResponse search(
            @RequestParam("q") @Parameter(description = "the query") String query,
            @RequestParam(defaultValue = "10") @Parameter(description = "how many hits, 1 to 1000") int k,
            @RequestParam(defaultValue = "hybrid") @Parameter(description = "lexical, semantic or hybrid") String mode,
            @RequestParam(required = false) Set<String> licence,
            @RequestParam(required = false) Set<String> language,
            @RequestParam(required = false) Set<String> course,
            @RequestParam(required = false) Set<String> competency,
            @RequestParam(name = "type", required = false) Set<String> resourceType) {
        var filter = new SearchFilter(
                orEmpty(licence), orEmpty(language), orEmpty(course), orEmpty(competency), orEmpty(resourceType));
        var request = new SearchRequest(query, k, SearchMode.parse(mode), filter);
        return new SearchResponse(
                search.search(request).stream().map(SearchHitView::of).toList());
    }

    private static Set<String> orEmpty(Set<String> values) {
        return values == null ? Set.of() : values;
    }
}
