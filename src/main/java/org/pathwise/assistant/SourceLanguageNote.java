package org.pathwise.assistant;

import java.text.MessageFormat;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The sentence that tells a reader, in the language of their question, in which language the sources of an answer
 * are: "La source est en anglais." Languages are named in the reader's language by the JDK's locale data (CLDR).
 */
final class SourceLanguageNote {

    private static final Map<String, String> SENTENCES = Map.ofEntries(
            Map.entry("en", "The source is in {0}."),
            Map.entry("fr", "La source est en {0}."),
            Map.entry("es", "La fuente está en {0}."),
            Map.entry("pt", "A fonte está em {0}."),
            Map.entry("de", "Die Quelle ist auf {0}."),
            Map.entry("it", "La fonte è in {0}."),
            Map.entry("ar", "المصدر باللغة {0}."),
            Map.entry("zh", "来源为{0}。"),
            Map.entry("id", "Sumbernya dalam bahasa {0}."),
            Map.entry("vi", "Nguồn bằng {0}."),
            Map.entry("hi", "स्रोत {0} में है।"),
            Map.entry("sw", "Chanzo kiko kwa {0}."));

    private SourceLanguageNote() {}

    /**
     * The note for a reader of {@code language} about sources in {@code sources}; in English when there is no
     * sentence for the reader's language.
     */
    static String of(String language, Collection<String> sources) {
        var reader = primary(language);
        var sentence = SENTENCES.getOrDefault(reader, SENTENCES.get("en"));
        var inLocale = Locale.forLanguageTag(SENTENCES.containsKey(reader) ? reader : "en");
        var names = sources.stream()
                .map(SourceLanguageNote::primary)
                .distinct()
                .map(tag -> Locale.forLanguageTag(tag).getDisplayLanguage(inLocale))
                .collect(Collectors.joining(", "));
        return new MessageFormat(sentence, inLocale).format(new Object[] {names});
    }

    private static String primary(String tag) {
        return tag.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    }
}
