package org.pathwise.retrieval;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-lingual search with bilingual dictionaries ({@code pathwise.retrieval.dictionaries.*}).
 *
 * @param enabled whether a question in a language the library is not written in is also searched translated word by
 *     word
 * @param folder where the FreeDict dictionaries are ({@code freedict-spa-eng.index} and {@code .dict.dz}); Debian's
 *     {@code dict-freedict-*} packages install them in {@code /usr/share/dictd}
 * @param into the library's languages, which questions are translated into (BCP 47); empty: every language that
 *     holds at least {@value Search#LIBRARY_LANGUAGE_SHARE} of the index's passages
 */
@ConfigurationProperties("pathwise.retrieval.dictionaries")
record DictionaryProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("/usr/share/dictd") Path folder,
        @DefaultValue("") List<String> into) {}
