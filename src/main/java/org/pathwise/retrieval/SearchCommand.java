package org.pathwise.retrieval;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.pathwise.CliCommand;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pathwise search "<query>" [--k N] [--mode lexical|semantic|hybrid] [--json]}. */
@Component
@Command(
        mixinStandardHelpOptions = true,
        name = "search",
        description = "Search the library's passages, most relevant first.")
final class SearchCommand implements CliCommand {

    @Parameters(index = "0", paramLabel = "QUERY", description = "What to look for.")
    String query;

    @Option(names = "--k", paramLabel = "N", defaultValue = "10", description = "How many hits (default 10).")
    int k;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            defaultValue = "hybrid",
            description = "lexical, semantic or hybrid (default hybrid).")
    SearchMode mode;

    @Option(names = "--json", description = "Print the hits as JSON.")
    boolean json;

    private final ObjectProvider<Search> searchProvider;

    SearchCommand(ObjectProvider<Search> searchProvider) {
        this.searchProvider = searchProvider;
    }

    @Override
    public boolean usesModels() {
        return true;
    }

    @Override
    public int run(PrintWriter out, PrintWriter err) {
        SearchRequest request;
        try {
            request = SearchRequest.of(query, k, mode);
        } catch (IllegalArgumentException e) {
            err.println("pathwise search: " + e.getMessage());
            return USAGE;
        }
        var hits = searchProvider.getObject().search(request).stream()
                .map(SearchHitView::of)
                .toList();
        if (json) {
            out.println(CliCommand.json(Map.of("hits", hits)));
            return OK;
        }
        if (hits.isEmpty()) {
            out.println("No passage matches \"" + query + "\".");
        }
        for (int i = 0; i < hits.size(); i++) {
            var hit = hits.get(i);
            out.printf(
                    Locale.ROOT,
                    "%2d. %.4f  %s%s%s  [%s, %s]%n    %s%n",
                    i + 1,
                    hit.score(),
                    hit.source(),
                    hit.position().isEmpty() ? "" : " " + hit.position(),
                    hit.heading().isEmpty() ? "" : " (" + hit.heading() + ")",
                    hit.licence().isEmpty() ? "licence unknown" : hit.licence(),
                    hit.language(),
                    org.jsoup.parser.Parser.unescapeEntities(
                            hit.snippet().replace("<mark>", "*").replace("</mark>", "*"), false));
        }
        return OK;
    }
}
