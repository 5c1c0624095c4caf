package org.pathwise.assistant;

import java.text.MessageFormat;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The assistant's own sentences, in the language of the reader's question: that the library has no answer, and in
 * which language the sources of an answer are ("La source est en anglais."). Languages are named in the reader's
 * language by the JDK's locale data (CLDR). A reader whose language has no sentence here reads English.
 */
final class ReaderSentences {

    private static final Map<String, String> SOURCE_NOTES = Map.ofEntries(
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

    private static final Map<String, String> NO_ANSWERS = Map.ofEntries(
            Map.entry("en", "The library has no answer to this question."),
            Map.entry("fr", "La bibliothèque n’a pas de réponse à cette question."),
            Map.entry("es", "La biblioteca no tiene respuesta a esta pregunta."),
            Map.entry("pt", "A biblioteca não tem resposta para esta pergunta."),
            Map.entry("de", "Die Bibliothek hat keine Antwort auf diese Frage."),
            Map.entry("it", "La biblioteca non ha una risposta a questa domanda."),
            Map.entry("ar", "لا تحتوي المكتبة على إجابة عن هذا السؤال."),
            Map.entry("zh", "资料库中没有这个问题的答案。"),
            Map.entry("id", "Perpustakaan tidak memiliki jawaban untuk pertanyaan ini."),
            Map.entry("vi", "Thư viện không có câu trả lời cho câu hỏi này."),
            Map.entry("hi", "पुस्तकालय में इस प्रश्न का उत्तर नहीं है।"),
            Map.entry("sw", "Maktaba haina jibu la swali hili."));

    private ReaderSentences() {}

    /** That the library has no answer, for a reader of {@code language}. */
    static String noAnswer(String language) {
        return NO_ANSWERS.getOrDefault(primary(language), NO_ANSWERS.get("en"));
    }

    /** The note for a reader of {@code language} about sources in {@code sources}. */
    static String sourceNote(String language, Collection<String> sources) {
        var reader = primary(language);
        var sentence = SOURCE_NOTES.getOrDefault(reader, SOURCE_NOTES.get("en"));
        var inLocale = Locale.forLanguageTag(SOURCE_NOTES.containsKey(reader) ? reader : "en");
        var names = sources.stream()
                .map(ReaderSentences::primary)
                .distinct()
                .map(tag -> Locale.forLanguageTag(tag).getDisplayLanguage(inLocale))
                .collect(Collectors.joining(", "));
        return new MessageFormat(sentence, inLocale).format(new Object[] {names});
    }

    private static String primary(String tag) {
        return tag.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    }

    /** The languages that have every sentence, for tests. */
    static java.util.Set<String> languages() {
        return NO_ANSWERS.keySet();
    }
}
