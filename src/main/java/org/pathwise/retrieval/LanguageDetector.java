package org.pathwise.retrieval;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;

/**
 * Detects the language of a document or a question with Lingua, among the languages Pathwise's users write in.
 * Answers {@code und} (undetermined, in BCP 47) when the text is too short or ambiguous. Thread-safe.
 */
public final class LanguageDetector {

    private static final int SAMPLE_CHARS = 3000;

    /**
     * The languages told apart. The jar holds these languages' models only: the build's list of them (in
     * {@code pom.xml}) must name the same, which {@code LanguageDetectorTest} checks.
     */
    private static final Language[] LANGUAGES = {
        Language.ENGLISH,
        Language.FRENCH,
        Language.SPANISH,
        Language.PORTUGUESE,
        Language.ARABIC,
        Language.INDONESIAN,
        Language.CHINESE,
        Language.GERMAN,
        Language.HINDI,
        Language.VIETNAMESE,
        Language.SWAHILI
    };

    /** One detector for the process: its language models are large and it is thread-safe. */
    private static final com.github.pemistahl.lingua.api.LanguageDetector DETECTOR =
            LanguageDetectorBuilder.fromLanguages(withModels(Language.class::getResource, LANGUAGES))
                    .withMinimumRelativeDistance(0.05)
                    .build();

    /**
     * The languages, once their models are found on the class path. Lingua does not fail without a language's models:
     * it takes the text for another language, so a jar built without them would detect wrongly and say nothing.
     */
    static Language[] withModels(java.util.function.Function<String, java.net.URL> resources, Language... languages) {
        var missing = new java.util.ArrayList<String>();
        for (var language : languages) {
            if (resources.apply("/language-models/" + code(language) + "/unigrams.json") == null) {
                missing.add(code(language));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Lingua's language models for " + missing + " are not on the class path;"
                    + " add them to the languages pom.xml unpacks into the jar (slim-dependencies)");
        }
        return languages;
    }

    /** A language's ISO 639-1 code, lower case: its BCP 47 tag and the folder of its models. */
    private static String code(Language language) {
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    /** The ISO 639-1 codes of the languages told apart. */
    static java.util.Set<String> languages() {
        var codes = new java.util.TreeSet<String>();
        for (var language : LANGUAGES) {
            codes.add(code(language));
        }
        return codes;
    }

    /**
     * The languages of the texts detected last: a question is screened by the guardrails and answered by the
     * assistant, and each asks its language; it is detected once.
     */
    private static final Cache<String, String> RECENT = Caffeine.newBuilder()
            .maximumSize(1_024)
            // evictions run on the caller, not on the common fork-join pool that the detector itself computes on
            .executor(Runnable::run)
            .build();

    /** Texts up to this long are remembered: questions, not documents. */
    private static final int REMEMBERED_CHARS = 1_000;

    private static final LanguageDetector SHARED = new LanguageDetector();

    private LanguageDetector() {}

    /**
     * The process's one detector: the Spring bean, and what code outside the application context (the command line's
     * tools, a static rule) uses. Its models and the texts it detected last are shared, so a text is detected once.
     */
    public static LanguageDetector shared() {
        return SHARED;
    }

    /** A BCP 47 tag's primary language subtag, lower case: {@code es} for {@code es-MX} or {@code ES_mx}. */
    public static String primary(String tag) {
        return tag.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    }

    /**
     * Loads the models that most texts need, those of the languages written in Latin script, which the detector
     * otherwise loads on its first text: about a second on two cores. The others load on the first text in their
     * script.
     */
    static void preload() {
        DETECTOR.detectLanguageOf("Learners read the open textbook before the workshop.");
    }

    /** The BCP 47 tag of the text's language, or {@code und}. */
    public String detect(String text) {
        var sample = text.length() <= SAMPLE_CHARS ? text : text.substring(0, SAMPLE_CHARS);
        if (sample.length() > REMEMBERED_CHARS) {
            return detected(sample);
        }
        var known = RECENT.getIfPresent(sample);
        if (known != null) {
            return known;
        }
        // detected outside the cache's lock: the detector waits on tasks of the common fork-join pool, and a pool
        // thread evicting from the cache would wait on that lock (a deadlock with one pool thread, on two cores)
        var language = detected(sample);
        RECENT.put(sample, language);
        return language;
    }

    private static String detected(String sample) {
        var language = DETECTOR.detectLanguageOf(sample);
        if (language == Language.UNKNOWN) {
            return "und";
        }
        return code(language);
    }
}
