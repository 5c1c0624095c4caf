package org.pathwise.library;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;

/**
 * Detects a document's language with Lingua, among the languages Pathwise's users write in. Answers {@code und}
 * (undetermined, in BCP 47) when the text is too short or ambiguous.
 */
final class LanguageDetector {

    private static final int SAMPLE_CHARS = 3000;

    private final com.github.pemistahl.lingua.api.LanguageDetector detector = LanguageDetectorBuilder.fromLanguages(
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

    String detect(String text) {
        var sample = text.length() <= SAMPLE_CHARS ? text : text.substring(0, SAMPLE_CHARS);
        var language = detector.detectLanguageOf(sample);
        if (language == Language.UNKNOWN) {
            return "und";
        }
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }
}
