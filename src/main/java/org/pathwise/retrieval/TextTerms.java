package org.pathwise.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The terms a text is indexed under in one language: the same analysis (tokenising, lower-casing, stop words,
 * stemming) that lexical search applies, for components that compare texts word by word.
 */
public final class TextTerms {

    private static final LanguageAnalyzers ANALYZERS = new LanguageAnalyzers();

    private TextTerms() {}

    /** The distinct terms of {@code text} analysed as {@code language} (a BCP 47 tag), in order of appearance. */
    public static Set<String> of(String text, String language) {
        return new LinkedHashSet<>(tokens(text, language));
    }

    /**
     * The distinct terms of {@code text} as two texts in {@code language} are compared word by word, in order of
     * appearance: stemmed so that a word family meets ({@link LanguageAnalyzers#matching}), where search keeps the
     * index's terms ({@link #of}).
     */
    public static Set<String> matched(String text, String language) {
        var key = ANALYZERS.keyOf(language);
        return new LinkedHashSet<>(terms(ANALYZERS.matching(key), key, text));
    }

    /** Every term of {@code text} analysed as {@code language}, repeats included, in order. */
    public static List<String> tokens(String text, String language) {
        var key = ANALYZERS.keyOf(language);
        return terms(ANALYZERS.analyzer(key), key, text);
    }

    private static List<String> terms(Analyzer analyzer, String key, String text) {
        var terms = new ArrayList<String>();
        try (var stream = analyzer.tokenStream(LanguageAnalyzers.bodyField(key), text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /**
     * The name of the analysis a language gets (one of a few: {@code en}, {@code fr}, ..., or the standard analysis for
     * languages without their own), so that callers can cache per analysis rather than per tag.
     */
    public static String analysis(String language) {
        return ANALYZERS.keyOf(language);
    }
}
