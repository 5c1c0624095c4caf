package org.pathwise.retrieval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.util.QueryBuilder;

/**
 * A query analyzed once per language, and snippets of hits with the query's terms marked: the best fragment of about
 * {@value #SNIPPET_CHARS} characters, matched terms wrapped in {@code <mark>}, every other character HTML-escaped.
 * Every adapter's snippets come from here, so they look the same whatever the store.
 */
final class Highlighting {

    static final int SNIPPET_CHARS = 220;

    private final LanguageAnalyzers analyzers;

    Highlighting(LanguageAnalyzers analyzers) {
        this.analyzers = analyzers;
    }

    /** The query analyzed once per language field; a language whose analysis leaves no term is absent. */
    Map<String, Query> queries(String text) {
        var queries = new LinkedHashMap<String, Query>();
        for (var key : analyzers.keys()) {
            var query = new QueryBuilder(analyzers.analyzer(key))
                    .createBooleanQuery(LanguageAnalyzers.bodyField(key), text, Occur.SHOULD);
            if (query != null) {
                queries.put(key, query);
            }
        }
        return queries;
    }

    /** The hits with snippets, in the same order. */
    List<SearchHit> snippets(List<SearchHit> hits, Map<String, Query> queries) {
        var encoder = new SimpleHTMLEncoder();
        var result = new ArrayList<SearchHit>(hits.size());
        for (var hit : hits) {
            var passage = hit.passage();
            var key = analyzers.keyOf(passage.facets().language());
            String snippet = null;
            var query = queries.get(key);
            if (query != null) {
                var field = LanguageAnalyzers.bodyField(key);
                var highlighter = new Highlighter(
                        new SimpleHTMLFormatter("<mark>", "</mark>"), encoder, new QueryScorer(query, field));
                highlighter.setTextFragmenter(new SimpleFragmenter(SNIPPET_CHARS));
                try {
                    snippet = highlighter.getBestFragment(analyzers.analyzer(key), field, passage.text());
                } catch (IOException | InvalidTokenOffsetsException e) {
                    snippet = null;
                }
            }
            if (snippet == null) {
                var text = passage.text();
                snippet = SimpleHTMLEncoder.htmlEncode(
                        text.length() <= SNIPPET_CHARS ? text : text.substring(0, SNIPPET_CHARS) + "…");
            }
            result.add(new SearchHit(passage, hit.score(), snippet.strip()));
        }
        return result;
    }
}
