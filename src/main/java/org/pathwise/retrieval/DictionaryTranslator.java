package org.pathwise.retrieval;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hi.HindiNormalizationFilter;
import org.apache.lucene.analysis.hi.HindiStemFilter;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianStemFilter;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.ArabicStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.GermanStemmer;
import org.tartarus.snowball.ext.HindiStemmer;
import org.tartarus.snowball.ext.IndonesianStemmer;
import org.tartarus.snowball.ext.ItalianStemmer;
import org.tartarus.snowball.ext.PortugueseStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;

/**
 * Writes a question in another language word by word with bilingual dictionaries ({@link BilingualDictionary}), so
 * that a library in English can be searched with a question in Spanish or Arabic by a model that knows English only.
 *
 * <p>The result is not a sentence but a bag of words for retrieval: each word of the question that is not a stop word
 * of its language is replaced by the words of its first translations; a word the dictionary lacks is kept as it is,
 * because names, numbers and technical terms are often written the same way in both languages ("Fresno", "1891",
 * "Git"). Words are looked up as they are, then by their stem (Lucene's light stemmers; Arabic normalised first), so
 * that a plural or an article prefix ("الجامعات") still finds its entry.
 *
 * <p>Dictionaries are read from a folder, by default where Debian installs FreeDict's ({@code /usr/share/dictd}), the
 * first time a question of their language needs them, and kept. Chinese comes from CC-CEDICT in the same folder, and
 * a Chinese question is cut into the dictionary's words first.
 */
final class DictionaryTranslator {

    /** Translations' words kept per word of the question: more add noise faster than they add recall. */
    static final int WORDS_PER_WORD = 4;

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:['’-][\\p{L}\\p{M}\\p{N}]+)*");

    /**
     * A question written in another language.
     *
     * @param from the question's language (BCP 47)
     * @param to the language it was written in
     * @param text the translation's words, in the question's order: several senses of each word, for searching
     * @param closest the same with each word's first sense alone, nearest a sentence, for comparing with sentences
     * @param words the question's words that are not stop words (for a language model's translation: the
     *     translation's words)
     * @param translated those the dictionary translated (for a language model's translation: all)
     */
    record Translation(String from, String to, String text, String closest, int words, int translated) {}

    /** How one language's words are looked up: its FreeDict code, stop words, normalisation and stemmer. */
    private record Language(
            String code,
            CharArraySet stopWords,
            UnaryOperator<String> normalise,
            List<UnaryOperator<String>> stemmers) {}

    private static final Map<String, Language> LANGUAGES = Map.ofEntries(
            Map.entry(
                    "es",
                    language(
                            "spa",
                            stopWords(
                                    SpanishAnalyzer.getDefaultStopSet(),
                                    "cuál cuáles cuándo cuánto cuánta cuántos cuántas"
                                            + " dónde cómo qué quién quiénes"),
                            null,
                            SpanishLightStemFilter::new,
                            tokens -> new SnowballFilter(tokens, new SpanishStemmer()))),
            Map.entry(
                    "ar",
                    language(
                            "ara",
                            stopWords(
                                    ArabicAnalyzer.getDefaultStopSet(),
                                    "كم ما ماذا من متى أين اين كيف لماذا هل أي اي" + " الذي التي الذين"),
                            ArabicNormalizationFilter::new,
                            ArabicStemFilter::new,
                            tokens -> new SnowballFilter(tokens, new ArabicStemmer()))),
            Map.entry(
                    "de",
                    language(
                            "deu",
                            stopWords(
                                    GermanAnalyzer.getDefaultStopSet(),
                                    "wer wie wieviel wieviele welche welcher welches" + " wann wo warum"),
                            null,
                            GermanLightStemFilter::new,
                            tokens -> new SnowballFilter(tokens, new GermanStemmer()))),
            Map.entry(
                    "fr",
                    language(
                            "fra",
                            stopWords(
                                    FrenchAnalyzer.getDefaultStopSet(),
                                    "quel quelle quels quelles quand où comment" + " combien pourquoi qui quoi"),
                            null,
                            FrenchLightStemFilter::new,
                            tokens -> new SnowballFilter(tokens, new FrenchStemmer()))),
            Map.entry(
                    "pt",
                    language(
                            "por",
                            stopWords(
                                    PortugueseAnalyzer.getDefaultStopSet(),
                                    "qual quais quando onde como quanto quantos" + " quantas quem"),
                            null,
                            PortugueseLightStemFilter::new,
                            tokens -> new SnowballFilter(tokens, new PortugueseStemmer()))),
            Map.entry(
                    "it",
                    language(
                            "ita",
                            stopWords(
                                    ItalianAnalyzer.getDefaultStopSet(),
                                    "quale quali quando dove come quanto quanti chi"),
                            null,
                            ItalianLightStemFilter::new,
                            tokens -> new SnowballFilter(tokens, new ItalianStemmer()))),
            Map.entry(
                    "hi",
                    language(
                            "hin",
                            stopWords(
                                    HindiAnalyzer.getDefaultStopSet(),
                                    "क्या कौन कब कहाँ कहां कैसे कितने कितना कितनी क्यों"),
                            HindiNormalizationFilter::new,
                            HindiStemFilter::new,
                            tokens -> new SnowballFilter(tokens, new HindiStemmer()))),
            Map.entry(
                    "id",
                    language(
                            "ind",
                            stopWords(
                                    IndonesianAnalyzer.getDefaultStopSet(),
                                    "apa siapa kapan dimana bagaimana berapa mengapa"),
                            null,
                            IndonesianStemFilter::new,
                            tokens -> new SnowballFilter(tokens, new IndonesianStemmer()))),
            Map.entry(
                    "zh",
                    language(
                            "zho",
                            stopWords(
                                    CharArraySet.EMPTY_SET,
                                    "的 地 得 了 着 过 是 在 有 没有 和 与 及 或 把 被 对 于 之 其 也 都 就 还 而 这 那 这个 那个 这些"
                                            + " 那些 一个 个 吗 呢 吧 什么 哪 哪个 哪些 哪里 哪儿 谁 何时 什么时候 多少 几 为什么 怎么"
                                            + " 怎样 如何"),
                            null)),
            Map.entry("sw", language("swh", CharArraySet.EMPTY_SET, null)),
            Map.entry("en", language("eng", EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, null)));

    /** A language's stop words with its question words added: "how many" or "who" is not what a passage is about. */
    private static CharArraySet stopWords(CharArraySet stopWords, String questionWords) {
        var all = new CharArraySet(stopWords, true);
        all.addAll(List.of(questionWords.split(" ")));
        return CharArraySet.unmodifiableSet(all);
    }

    /**
     * A language's lookup rules from Lucene's filters: lower case, then the normaliser if any; the stems are the
     * normalised word through each stemmer, a light one first, then Snowball's, which also strips verb endings.
     */
    @SafeVarargs
    private static Language language(
            String code,
            CharArraySet stopWords,
            UnaryOperator<TokenStream> normaliser,
            UnaryOperator<TokenStream>... stemmers) {
        var normalise = analyzer(tokens -> {
            var lower = new LowerCaseFilter(tokens);
            return normaliser == null ? lower : normaliser.apply(lower);
        });
        var stems = new ArrayList<UnaryOperator<String>>();
        for (var stemmer : stemmers) {
            var analyzer = analyzer(stemmer);
            stems.add(word -> apply(analyzer, word));
        }
        return new Language(code, stopWords, word -> apply(normalise, word), List.copyOf(stems));
    }

    /** An analyzer that reads its whole input as one token and passes it through filters. */
    private static Analyzer analyzer(UnaryOperator<TokenStream> filters) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                var tokenizer = new KeywordTokenizer();
                return new TokenStreamComponents(tokenizer, filters.apply(tokenizer));
            }
        };
    }

    private static String apply(Analyzer analyzer, String word) {
        try (var tokens = analyzer.tokenStream("", word)) {
            var term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            var result = tokens.incrementToken() ? term.toString() : word;
            tokens.end();
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final Path folder;
    private final LanguageDetector detector;
    /** The library's languages when configured; empty: the index's, as {@link #translate(String, List)} is given. */
    private final List<String> into;
    /** The languages the embedding model reads: between two of them it matches meanings without a dictionary. */
    private final Set<String> modelLanguages;
    /** A language model's translations, preferred to the dictionaries' when it gives any. */
    private final QueryTranslator model;
    /** The model's translations of the last questions: one question is searched several times in a row. */
    private final Cache<String, List<Translation>> translated =
            Caffeine.newBuilder().maximumSize(1_000).build();
    /** The dictionaries read so far by {@code from-to}; empty where none is installed. */
    private final Map<String, Optional<BilingualDictionary>> dictionaries = new ConcurrentHashMap<>();

    /**
     * @param folder where the FreeDict dictionaries are
     * @param into the languages to write questions in (BCP 47), the library's; empty: those the caller gives
     * @param modelLanguages the languages the embedding model was trained on ({@link Embedder#languages}): a
     *     question is not translated into a language when the model reads both
     */
    DictionaryTranslator(Path folder, LanguageDetector detector, List<String> into, Set<String> modelLanguages) {
        this(folder, detector, into, modelLanguages, QueryTranslator.NONE);
    }

    /**
     * @param model a language model's translator, asked first; the dictionaries serve when it gives nothing
     */
    DictionaryTranslator(
            Path folder,
            LanguageDetector detector,
            List<String> into,
            Set<String> modelLanguages,
            QueryTranslator model) {
        this.folder = folder;
        this.detector = detector;
        this.into = List.copyOf(into);
        this.modelLanguages = Set.copyOf(modelLanguages);
        this.model = model;
    }

    /** A translator that translates nothing: cross-lingual search switched off. */
    static DictionaryTranslator none() {
        return new DictionaryTranslator(null, null, List.of(), Set.of());
    }

    /** The languages a question can be translated from: those with a dictionary into one of the given ones. */
    Set<String> languages(List<String> libraryLanguages) {
        var languages = new LinkedHashSet<String>();
        for (var from : LANGUAGES.keySet()) {
            for (var to : into.isEmpty() ? libraryLanguages : into) {
                if (!from.equals(to) && dictionary(from, to).isPresent()) {
                    languages.add(from);
                }
            }
        }
        return languages;
    }

    /**
     * The question's translations into the library's languages when it is written in none of them: a language model's
     * when one is configured and answers, else the dictionaries', in the
     * order of those languages; none for a question in one of the library's languages (the library answers it in its
     * own language, and passages in others would only crowd them out), in an undetermined language or in one without
     * a dictionary, none into a language that the embedding model reads as well as the question's, and none where the
     * dictionary translated none of its words.
     *
     * @param libraryLanguages the library's languages (BCP 47), most passages first, unless configured
     */
    List<Translation> translate(String question, List<String> libraryLanguages) {
        return translate(question, libraryLanguages, Vocabulary.ANY);
    }

    /** Which of some words a library's passages of a language hold ({@link PassageIndex#known}). */
    interface Vocabulary {

        /** A vocabulary that tells nothing: every word is taken as known. */
        Vocabulary ANY = (words, language) -> Set.copyOf(words);

        Set<String> known(java.util.Collection<String> words, String language);
    }

    /**
     * As {@link #translate(String, List)}, preferring for each word the senses that the library's passages hold: a
     * sense the library lacks can't match it ("ratio" rather than "attribution" when only the first is in it).
     */
    List<Translation> translate(String question, List<String> libraryLanguages, Vocabulary vocabulary) {
        var targets = into.isEmpty() ? libraryLanguages : into;
        if (detector == null || targets.isEmpty()) {
            return List.of();
        }
        var language = detector.detect(question);
        if (targets.contains(language) || language.equals("und")) {
            return List.of();
        }
        var needed = targets.stream()
                .filter(to -> !(modelLanguages.contains(language) && modelLanguages.contains(to)))
                .toList();
        if (needed.isEmpty()) {
            return List.of();
        }
        if (model != QueryTranslator.NONE) {
            var written = translated.get(
                    language + " " + needed + " " + question, key -> byModel(question, language, needed));
            if (!written.isEmpty()) {
                return written;
            }
        }
        if (folder == null || !LANGUAGES.containsKey(language)) {
            return List.of();
        }
        var translations = new ArrayList<Translation>();
        for (var to : needed) {
            dictionary(language, to)
                    .map(dictionary ->
                            translate(question, LANGUAGES.get(language), dictionary, language, to, vocabulary))
                    .filter(translation -> translation.translated() > 0)
                    .ifPresent(translations::add);
        }
        return translations;
    }

    /** The model's translations, in the order of the languages asked; empty when it failed or wrote none. */
    private List<Translation> byModel(String question, String language, List<String> languages) {
        Map<String, String> written;
        try {
            written = model.translate(question, language, languages);
        } catch (RuntimeException e) {
            // a translator that fails translates nothing; the dictionaries serve
            return List.of();
        }
        var translations = new ArrayList<Translation>();
        for (var to : languages) {
            var text = written.get(to);
            if (text != null && !text.isBlank()) {
                int words = (int) TOKEN.matcher(text).results().count();
                translations.add(new Translation(language, to, text.strip(), text.strip(), words, words));
            }
        }
        return List.copyOf(translations);
    }

    private static Translation translate(
            String question,
            Language language,
            BilingualDictionary dictionary,
            String from,
            String to,
            Vocabulary vocabulary) {
        var words = new ArrayList<String>();
        var senses = new ArrayList<List<String>>();
        var candidates = new LinkedHashSet<String>();
        var matcher = TOKEN.matcher(question);
        while (matcher.find()) {
            // a language written without spaces gives runs of words, which the dictionary cuts
            var parts = dictionary.split(language.normalise().apply(matcher.group()));
            for (var word : parts) {
                if (language.stopWords().contains(word)) {
                    continue;
                }
                // a word kept untranslated is kept as written ("Fresno")
                words.add(parts.size() == 1 ? matcher.group() : word);
                var translations = dictionary.translate(word);
                senses.add(translations);
                candidates.addAll(translations);
            }
        }
        var known = vocabulary.known(candidates, to);
        var text = new StringBuilder();
        var closest = new StringBuilder();
        int translated = 0;
        for (int i = 0; i < words.size(); i++) {
            var translations = senses.get(i);
            if (translations.isEmpty()) {
                text.append(words.get(i)).append(' ');
                closest.append(words.get(i)).append(' ');
                continue;
            }
            translated++;
            // the senses the library's passages hold come first: the others can't match them
            var inLibrary = translations.stream().filter(known::contains).toList();
            var chosen = inLibrary.isEmpty() ? translations : inLibrary;
            chosen.stream().limit(WORDS_PER_WORD).forEach(t -> text.append(t).append(' '));
            closest.append(chosen.getFirst()).append(' ');
        }
        return new Translation(
                from, to, text.toString().strip(), closest.toString().strip(), words.size(), translated);
    }

    private Optional<BilingualDictionary> dictionary(String from, String to) {
        var source = LANGUAGES.get(from);
        var target = LANGUAGES.get(to);
        if (source == null || target == null) {
            return Optional.empty();
        }
        return dictionaries.computeIfAbsent(
                from + "-" + to,
                key -> BilingualDictionary.read(
                        folder, source.code(), target.code(), source.normalise(), source.stemmers()));
    }
}
