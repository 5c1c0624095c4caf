package org.pathwise.retrieval;

import java.util.List;
import java.util.Map;

/**
 * Writes a question in other languages so that a library in those languages can be searched with it: a language
 * model's translation, where one is configured. Search prefers it to the dictionaries ({@link DictionaryTranslator}).
 */
public interface QueryTranslator {

    /** Translates nothing: search falls back on the dictionaries. */
    QueryTranslator NONE = (question, language, languages) -> Map.of();

    /**
     * The question written in each of {@code languages} that could be written, by language.
     *
     * @param language the question's language (BCP 47)
     * @param languages the languages to write it in (BCP 47), none of them the question's
     * @return by language, the question in it; empty when the translator failed
     */
    Map<String, String> translate(String question, String language, List<String> languages);
}
