package org.pathwise.retrieval;

import java.util.List;
import java.util.Objects;

/**
 * One sentence of a passage, as ingestion segmented it: where it lies in the passage's text and which block it comes
 * from. A list item or a table row that holds several sentences gives several, with the same {@code block} and
 * {@code item}.
 *
 * @param start the offset of its first character in the passage's text
 * @param end the offset after its last character; white space is never at either end
 * @param block the number of its block in the passage, from 0, in reading order
 * @param item the number of its item in the block (a list item, a step, a table row), from 0; 0 for other kinds
 * @param kind what its block is
 */
public record Sentence(int start, int end, int block, int item, BlockKind kind) {

    public Sentence {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("need 0 <= start < end, got " + start + " and " + end);
        }
        if (block < 0 || item < 0) {
            throw new IllegalArgumentException("block and item must be >= 0, got " + block + " and " + item);
        }
        Objects.requireNonNull(kind, "kind");
    }

    /** The sentence's text in its passage's text. */
    public String in(String text) {
        return text.substring(start, end);
    }

    /**
     * The sentences of a text, stripped of surrounding white space, blank ones left out, segmented as the whole
     * application segments text: ICU's sentence rules for the language, with its abbreviations ({@link Segmenter}).
     *
     * @param language a BCP 47 tag, or {@code und} for the rules common to every language
     */
    public static List<String> sentencesOf(String text, String language) {
        return Segmenter.sentences(text, language);
    }

    /**
     * The text cut at the same sentence boundaries as {@link #sentencesOf}, white space and all: joining the pieces
     * gives the text back.
     *
     * @param language a BCP 47 tag, or {@code und} for the rules common to every language
     */
    public static List<String> split(String text, String language) {
        return Segmenter.split(text, language);
    }

    /** Whether the sentence asks something rather than states it: it ends with a question mark, in any script. */
    public static boolean isQuestion(String sentence) {
        var stripped = sentence.strip();
        if (stripped.isEmpty()) {
            return false;
        }
        int last = stripped.codePointBefore(stripped.length());
        int i = stripped.length() - Character.charCount(last);
        // a closing quote or bracket after the question mark
        while ((last == '"' || last == '\'' || last == ')' || last == '»' || last == '”' || last == '’') && i > 0) {
            last = stripped.codePointBefore(i);
            i -= Character.charCount(last);
        }
        return last == '?' || last == '？' || last == '؟' || stripped.startsWith("¿");
    }
}
