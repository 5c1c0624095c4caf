package org.pathwise.retrieval;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;

/**
 * Detects the language of a document or a question with Lingua, among the languages Pathwise's users write in.
 * Answers {@code und} (undetermined, in BCP 47) when the text is too short or ambiguous. Thread-safe.
 */
public final class LanguageDetector {

    private static final int SAMPLE_CHARS = 3000;

    /** One detector for the process: its language models are large and it is thread-safe. */
    private static final com.github.pemistahl.lingua.api.LanguageDetector DETECTOR =
            LanguageDetectorBuilder.fromLanguages(
                            Language.ENGLISH,
                            Language.FRENCH,
                            Language.SPANISH,
                            Language.PORTUGUESE,
                            Language.ARABIC,
                            Language.INDONESIAN,
                            Language.CHINESE,
                            Language.GERMAN)
                    .withMinimumRelativeDistance(0.05)
                    .build();

    /** The BCP 47 tag of the text's language, or {@code und}. */
    public String detect(String text) {
        var sample = text.length() <= SAMPLE_CHARS ? text : text.substring(0, SAMPLE_CHARS);
        var language = DETECTOR.detectLanguageOf(sample);
        if (language == Language.UNKNOWN) {
            return "und";
        }
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }
}
