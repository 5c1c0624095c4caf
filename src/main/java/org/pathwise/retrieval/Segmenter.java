package org.pathwise.retrieval;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.FilteredBreakIteratorBuilder;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Splits text into sentences with ICU's sentence rules (Unicode UAX #29) for the text's language, with the language's
 * abbreviation exceptions where ICU has them ({@link FilteredBreakIteratorBuilder}) and a few Latin ones, so that "e.g." or "Dr." does not end an English sentence and "。", "؟"
 * end Chinese and Arabic ones. The whole application segments with this class: ingestion stores each passage's
 * sentences ({@link PassageText}), and answers are split the same way when they are checked. A line break always
 * ends a sentence.
 */
final class Segmenter {

    private static final Map<String, BreakIterator> PROTOTYPES = new ConcurrentHashMap<>();

    /**
     * Abbreviations after which a full stop ends no sentence, as whole words, which ICU's lists lack (its filter matches
     * the end of any word, so "e." would also hold "the." back); "etc." is left out, since it often ends a sentence.
     */
    private static final Pattern ABBREVIATION = Pattern.compile(
            "(?:^|[\\s(\\[])(?:e\\.g|i\\.e|cf|vs|approx|p|pp|fig|dr|prof|mr|mrs|ms|st|ca|sr|sra|mme|mlle)\\.$",
            Pattern.CASE_INSENSITIVE);

    private Segmenter() {}

    /**
     * The text cut at sentence boundaries, white space and all: joining the pieces gives the text back.
     *
     * @param language a BCP 47 tag, or {@code und}
     */
    static List<String> split(String text, String language) {
        var pieces = new ArrayList<String>();
        var ends = boundaries(text, language);
        int start = 0;
        for (int end : ends) {
            pieces.add(text.substring(start, end));
            start = end;
        }
        return pieces;
    }

    /**
     * The offsets at which sentences end, the last being the text's length: ICU's boundaries, less those that follow
     * an abbreviation on the same line.
     */
    private static List<Integer> boundaries(String text, String language) {
        var ends = new ArrayList<Integer>();
        var iterator = iterator(language);
        iterator.setText(text);
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; end = iterator.next()) {
            var piece = text.substring(start, end);
            if (end < text.length()
                    && !piece.endsWith("\n")
                    && ABBREVIATION.matcher(piece.strip()).find()) {
                continue;
            }
            ends.add(end);
            start = end;
        }
        return ends;
    }

    /** The sentences of a text, stripped of surrounding white space, blank ones left out. */
    static List<String> sentences(String text, String language) {
        var sentences = new ArrayList<String>();
        for (int[] span : spans(text, language)) {
            sentences.add(text.substring(span[0], span[1]));
        }
        return sentences;
    }

    /** The {@code [start, end)} offsets of the sentences of a text, white space trimmed, blank ones left out. */
    static List<int[]> spans(String text, String language) {
        var spans = new ArrayList<int[]>();
        int start = 0;
        for (int end : boundaries(text, language)) {
            int from = start;
            int to = end;
            while (from < to && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
                to--;
            }
            if (from < to) {
                spans.add(new int[] {from, to});
            }
            start = end;
        }
        return spans;
    }

    /**
     * A sentence iterator for a language: ICU's, with the language's sentence-break suppressions ({@code ss=standard}:
     * the abbreviations after which a full stop ends no sentence). Iterators are not thread-safe, so each call gets a
     * copy of a prototype kept per language.
     */
    private static BreakIterator iterator(String language) {
        var primary = language == null ? "und" : LanguageDetector.primary(language);
        if (!primary.matches("[a-z]{2,3}")) {
            primary = "und";
        }
        var prototype = PROTOTYPES.computeIfAbsent(
                primary,
                key -> BreakIterator.getSentenceInstance(
                        key.equals("und") ? ULocale.ROOT : new ULocale(key + "@ss=standard")));
        return (BreakIterator) prototype.clone();
    }
}
