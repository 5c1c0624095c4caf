package org.pathwise.assistant;

import java.text.MessageFormat;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.pathwise.retrieval.LanguageDetector;

/**
 * The assistant's own sentences, in the language of the reader's question: that the library has no answer, and in
 * which language the sources of an answer are ("La source est en anglais."). Languages are named in the reader's
 * language by the JDK's locale data (CLDR). A reader whose language has no sentence here reads English.
 */
final class ReaderSentences {

    /** The two sentences of one reader's language. */
    private record Sentences(String noAnswer, String sourceNote) {}

    private static final Map<String, Sentences> BY_LANGUAGE = Map.ofEntries(
            Map.entry("en", new Sentences("The library has no answer to this question.", "The source is in {0}.")),
            Map.entry(
                    "fr",
                    new Sentences("La bibliothèque n’a pas de réponse à cette question.", "La source est en {0}.")),
            Map.entry(
                    "es", new Sentences("La biblioteca no tiene respuesta a esta pregunta.", "La fuente está en {0}.")),
            Map.entry("pt", new Sentences("A biblioteca não tem resposta para esta pergunta.", "A fonte está em {0}.")),
            Map.entry(
                    "de",
                    new Sentences("Die Bibliothek hat keine Antwort auf diese Frage.", "Die Quelle ist auf {0}.")),
            Map.entry("it", new Sentences("La biblioteca non ha una risposta a questa domanda.", "La fonte è in {0}.")),
            Map.entry("ar", new Sentences("لا تحتوي المكتبة على إجابة عن هذا السؤال.", "المصدر باللغة {0}.")),
            Map.entry("zh", new Sentences("资料库中没有这个问题的答案。", "来源为{0}。")),
            Map.entry(
                    "id",
                    new Sentences(
                            "Perpustakaan tidak memiliki jawaban untuk pertanyaan ini.",
                            "Sumbernya dalam bahasa {0}.")),
            Map.entry("vi", new Sentences("Thư viện không có câu trả lời cho câu hỏi này.", "Nguồn bằng {0}.")),
            Map.entry("hi", new Sentences("पुस्तकालय में इस प्रश्न का उत्तर नहीं है।", "स्रोत {0} में है।")),
            Map.entry("sw", new Sentences("Maktaba haina jibu la swali hili.", "Chanzo kiko kwa {0}.")));

    private ReaderSentences() {}

    /** That the library has no answer, for a reader of {@code language}. */
    static String noAnswer(String language) {
        return sentences(LanguageDetector.primary(language)).noAnswer();
    }

    /** The note for a reader of {@code language} about sources in {@code sources}. */
    static String sourceNote(String language, Collection<String> sources) {
        var reader = LanguageDetector.primary(language);
        var sentence = sentences(reader).sourceNote();
        var inLocale = Locale.forLanguageTag(BY_LANGUAGE.containsKey(reader) ? reader : "en");
        var names = sources.stream()
                .map(LanguageDetector::primary)
                .distinct()
                .map(tag -> Locale.forLanguageTag(tag).getDisplayLanguage(inLocale))
                .collect(Collectors.joining(", "));
        return new MessageFormat(sentence, inLocale).format(new Object[] {names});
    }

    private static Sentences sentences(String reader) {
        return BY_LANGUAGE.getOrDefault(reader, BY_LANGUAGE.get("en"));
    }

    /** The languages that have their own sentences, for tests. */
    static java.util.Set<String> languages() {
        return BY_LANGUAGE.keySet();
    }
}
