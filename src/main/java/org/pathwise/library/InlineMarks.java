package org.pathwise.library;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pathwise.retrieval.BlockKind;
import org.pathwise.retrieval.Passage;

/**
 * Places a document's {@link InlineMark}s back on its passages' sentences, for the document page.
 *
 * <p>Passages keep text without markup, and a passage may repeat the last sentences of the one before it, so marks are
 * found by their words: passages are given in order, and each mark is looked for after the previous one, in the mark
 * order the parser wrote, at word boundaries, outside code blocks and headings, which parsers take no marks from. A
 * mark that a passage does not hold is skipped; after {@value
 * #MISSES} such marks in a row the rest are left for the next passage, which starts again with the marks of the
 * sentences it repeats. A word that the document formats in one place and not in another may, rarely, be marked where
 * it is not: the words are the same, only their look differs.
 *
 * <p>Links keep only targets a reader can follow safely: {@code http}, {@code https} and {@code mailto}, and a relative
 * link resolved against the document's original address when it has one. Any other link shows as its text.
 */
final class InlineMarks {

    /** Marks skipped in a row before a passage gives up looking for the rest. */
    static final int MISSES = 6;

    /** What stands for text that no mark may take: not a word character, so marks beside it still match. */
    private static final char BLANK = '\u0000';

    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");

    /**
     * One run of a sentence's text.
     *
     * @param kind {@code text} for unformatted text, else the mark's kind in lower case ({@code link}, {@code strong},
     *     {@code emphasis}, {@code code})
     * @param text the run's words
     * @param href a link's safe target; empty otherwise
     */
    record Part(String kind, String text, String href) {

        static Part plain(String text) {
            return new Part("text", text, "");
        }
    }

    private record Placed(int mark, int start, int end) {}

    private final List<InlineMark> marks;
    private final URI base;
    private int next;
    private String previousText = "";
    private List<Placed> previous = List.of();

    /**
     * @param marks the document's marks in reading order
     * @param sourceUrl the document's original address, against which relative links are resolved; may be empty
     */
    InlineMarks(List<InlineMark> marks, String sourceUrl) {
        this.marks = List.copyOf(marks);
        this.base = base(sourceUrl);
    }

    /**
     * The parts of each of the passage's sentences, in order. Call it for a document's passages in their order.
     */
    List<List<Part>> place(Passage passage) {
        var text = passage.text();
        var searched = withoutUnmarkedBlocks(passage);
        var placed = new ArrayList<Placed>();
        int pos = 0;
        int misses = 0;
        for (int i = repeatedFrom(passage); i < marks.size() && misses < MISSES; i++) {
            var mark = marks.get(i);
            int at = find(searched, mark.text(), pos);
            if (at < 0) {
                misses++;
                continue;
            }
            placed.add(new Placed(i, at, at + mark.text().length()));
            pos = at + mark.text().length();
            misses = 0;
        }
        if (!placed.isEmpty()) {
            next = placed.getLast().mark() + 1;
        }
        previousText = text;
        previous = placed;
        var parts = new ArrayList<List<Part>>();
        for (var sentence : passage.sentences()) {
            parts.add(parts(text, sentence.start(), sentence.end(), placed));
        }
        return parts;
    }

    /**
     * The passage's text with its code blocks and headings blanked out, offsets kept: parsers take no marks from them,
     * and a command in a code block must not take the mark of the same command in the prose after it.
     */
    private static String withoutUnmarkedBlocks(Passage passage) {
        var text = passage.text().toCharArray();
        for (var sentence : passage.sentences()) {
            if (sentence.kind() == BlockKind.CODE || sentence.kind() == BlockKind.HEADING) {
                java.util.Arrays.fill(text, sentence.start(), sentence.end(), BLANK);
            }
        }
        return new String(text);
    }

    /**
     * Where to start looking for this passage's marks: at the first mark the previous passage placed in the sentences
     * this one repeats, or after the last it placed.
     */
    private int repeatedFrom(Passage passage) {
        var first = passage.sentences().getFirst().in(passage.text());
        int repeated = previousText.lastIndexOf(first);
        if (repeated >= 0) {
            for (var p : previous) {
                if (p.start() >= repeated) {
                    return p.mark();
                }
            }
        }
        return next;
    }

    private List<Part> parts(String text, int start, int end, List<Placed> placed) {
        var parts = new ArrayList<Part>();
        int at = start;
        for (var p : placed) {
            int from = Math.max(p.start(), start);
            int to = Math.min(p.end(), end);
            if (from >= to) {
                continue;
            }
            if (from > at) {
                parts.add(Part.plain(text.substring(at, from)));
            }
            var mark = marks.get(p.mark());
            var words = text.substring(from, to);
            if (mark.kind() == InlineMark.Kind.LINK) {
                var target = target(mark.href());
                parts.add(target.isEmpty() ? Part.plain(words) : new Part("link", words, target));
            } else {
                parts.add(new Part(mark.kind().name().toLowerCase(Locale.ROOT), words, ""));
            }
            at = to;
        }
        if (at < end) {
            parts.add(Part.plain(text.substring(at, end)));
        }
        return parts;
    }

    /** The first occurrence of {@code words} at or after {@code from} that does not start or end inside a word. */
    static int find(String text, String words, int from) {
        for (int at = text.indexOf(words, from); at >= 0; at = text.indexOf(words, at + 1)) {
            int end = at + words.length();
            boolean startsClean = at == 0 || !wordChar(words.codePointAt(0)) || !wordChar(text.codePointBefore(at));
            boolean endsClean = end == text.length()
                    || !wordChar(words.codePointBefore(words.length()))
                    || !wordChar(text.codePointAt(end));
            if (startsClean && endsClean) {
                return at;
            }
        }
        return -1;
    }

    private static boolean wordChar(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || codePoint == '_';
    }

    /** A link's target if a reader can follow it safely, else empty. */
    String target(String href) {
        try {
            var uri = new URI(href);
            if (uri.getScheme() != null) {
                return SAFE_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT)) ? uri.toString() : "";
            }
            return base == null ? "" : base.resolve(uri).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return "";
        }
    }

    private static URI base(String sourceUrl) {
        try {
            var uri = new URI(sourceUrl.strip());
            var scheme = uri.getScheme();
            return scheme != null
                            && Set.of("http", "https").contains(scheme.toLowerCase(Locale.ROOT))
                            && uri.isAbsolute()
                    ? uri
                    : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
