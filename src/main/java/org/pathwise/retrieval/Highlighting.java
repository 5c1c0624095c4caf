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
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.util.QueryBuilder;

/**
 * A query analyzed once per language, and snippets of hits with the query's terms marked: whole sentences of the
 * passage ({@link Passage#sentences()}), from the sentence that holds the most of the query's terms on, up to about
 * {@value #SNIPPET_CHARS} characters, matched terms wrapped in {@code <mark>}, every other character HTML-escaped. A
 * snippet starts where a sentence starts, never in the middle of one. Every adapter's snippets come from here, so they
 * look the same whatever the store.
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
    List<SearchHit> snippets(List<SearchHit> hits, Map<String, Query> queries, String queryText) {
        var encoder = new SimpleHTMLEncoder();
        var result = new ArrayList<SearchHit>(hits.size());
        for (var hit : hits) {
            var passage = hit.passage();
            var key = analyzers.keyOf(passage.facets().language());
            var excerpt = excerpt(passage, TextTerms.of(queryText, key));
            String snippet = null;
            var query = queries.get(key);
            if (query != null) {
                var field = LanguageAnalyzers.bodyField(key);
                var highlighter = new Highlighter(
                        new SimpleHTMLFormatter("<mark>", "</mark>"), encoder, new QueryScorer(query, field));
                highlighter.setTextFragmenter(new NullFragmenter());
                try {
                    snippet = highlighter.getBestFragment(analyzers.analyzer(key), field, excerpt);
                } catch (IOException | InvalidTokenOffsetsException e) {
                    snippet = null;
                }
            }
            if (snippet == null) {
                snippet = SimpleHTMLEncoder.htmlEncode(excerpt);
            }
            result.add(new SearchHit(passage, hit.score(), snippet.strip()));
        }
        return result;
    }

    /**
     * The sentences of a passage that best show why it matched: from the sentence that holds the most query terms (the
     * first sentence when none does) on, while they fit in {@value #SNIPPET_CHARS} characters; one sentence too long
     * for that is cut at a word and ends with an ellipsis.
     */
    static String excerpt(Passage passage, java.util.Set<String> queryTerms) {
        var sentences = passage.sentences();
        int best = 0;
        long bestCount = 0;
        for (int i = 0; i < sentences.size(); i++) {
            long count = TextTerms.of(passage.sentence(i), passage.facets().language()).stream()
                    .filter(queryTerms::contains)
                    .count();
            if (count > bestCount) {
                best = i;
                bestCount = count;
            }
        }
        var excerpt = new StringBuilder(passage.sentence(best));
        for (int i = best + 1; i < sentences.size(); i++) {
            var next = passage.sentence(i);
            if (excerpt.length() + 1 + next.length() > SNIPPET_CHARS) {
                break;
            }
            excerpt.append(' ').append(next);
        }
        if (excerpt.length() > SNIPPET_CHARS) {
            int cut = excerpt.lastIndexOf(" ", SNIPPET_CHARS);
            excerpt.setLength(cut > SNIPPET_CHARS / 2 ? cut : SNIPPET_CHARS);
            excerpt.append('…');
        }
        return excerpt.toString();
    }
}
