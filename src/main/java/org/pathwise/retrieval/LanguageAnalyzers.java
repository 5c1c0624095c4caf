package org.pathwise.retrieval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.GermanStemmer;
import org.tartarus.snowball.ext.ItalianStemmer;
import org.tartarus.snowball.ext.PortugueseStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;

/**
 * One Lucene analyzer per supported language (stemming and stop words), and a standard analyzer for the rest.
 *
 * <p>Each passage's text goes to the field {@code body_<key>} of its language's key, so that BM25 statistics and
 * stemming stay per language; a query is analyzed once per key and matched against each field.
 */
final class LanguageAnalyzers {

    static final String FALLBACK = "std";
    private static final String BODY_PREFIX = "body_";

    private final Map<String, Analyzer> byKey = new LinkedHashMap<>();
    private final Map<String, Analyzer> matching = new LinkedHashMap<>();

    LanguageAnalyzers() {
        byKey.put("en", new EnglishAnalyzer());
        byKey.put("fr", new FrenchAnalyzer());
        byKey.put("es", new SpanishAnalyzer());
        byKey.put("de", new GermanAnalyzer());
        byKey.put("it", new ItalianAnalyzer());
        byKey.put("pt", new PortugueseAnalyzer());
        byKey.put("ar", new ArabicAnalyzer());
        byKey.put("id", new IndonesianAnalyzer());
        byKey.put("zh", new CJKAnalyzer());
        byKey.put(FALLBACK, new StandardAnalyzer());
        matching.put(
                "fr",
                snowball(FrenchAnalyzer.getDefaultStopSet(), FrenchStemmer::new, FrenchAnalyzer.DEFAULT_ARTICLES));
        matching.put("es", snowball(SpanishAnalyzer.getDefaultStopSet(), SpanishStemmer::new, null));
        matching.put("pt", snowball(PortugueseAnalyzer.getDefaultStopSet(), PortugueseStemmer::new, null));
        matching.put("it", snowball(ItalianAnalyzer.getDefaultStopSet(), ItalianStemmer::new, ITALIAN_ARTICLES));
        matching.put("de", snowball(GermanAnalyzer.getDefaultStopSet(), GermanStemmer::new, null));
    }

    /**
     * The analyzer that matches words of one family in a language, for comparing two texts word by word rather than for
     * search: the index's own where it stems word families together (English's Porter stemmer), and where the index
     * stems lightly (plural and gender only: French, Spanish, Portuguese, Italian, German) the same stop words with the
     * language's Snowball stemmer, which also joins a noun to its verb ("adaptación" and "adaptar").
     */
    Analyzer matching(String key) {
        return matching.getOrDefault(key, byKey.get(key));
    }

    /** The elided articles and prepositions Italian writes before a vowel ("l'apprendimento", "dell'insegnante"). */
    private static final CharArraySet ITALIAN_ARTICLES = new CharArraySet(
            List.of(
                    "c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl",
                    "negl", "sugl", "un", "m", "t", "s", "v", "d"),
            true);

    /** @param articles the articles elided before a word (French "l'", Italian "dell'"), or null */
    private static Analyzer snowball(CharArraySet stopWords, Supplier<SnowballStemmer> stemmer, CharArraySet articles) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                var source = new StandardTokenizer();
                TokenStream stream = articles == null ? source : new ElisionFilter(source, articles);
                stream = new LowerCaseFilter(stream);
                stream = new StopFilter(stream, stopWords);
                return new TokenStreamComponents(source, new SnowballFilter(stream, stemmer.get()));
            }
        };
    }

    /** The analyzer key of a BCP 47 language tag: its primary subtag when supported, else the fallback. */
    String keyOf(String languageTag) {
        var primary = LanguageDetector.primary(languageTag);
        return byKey.containsKey(primary) ? primary : FALLBACK;
    }

    Set<String> keys() {
        return byKey.keySet();
    }

    Analyzer analyzer(String key) {
        return byKey.get(key);
    }

    static String bodyField(String key) {
        return BODY_PREFIX + key;
    }

    /** An analyzer for the index writer that picks the language analyzer by field name. */
    Analyzer perField() {
        var fallback = byKey.get(FALLBACK);
        return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                if (fieldName.startsWith(BODY_PREFIX)) {
                    return byKey.getOrDefault(fieldName.substring(BODY_PREFIX.length()), fallback);
                }
                return fallback;
            }
        };
    }
}
