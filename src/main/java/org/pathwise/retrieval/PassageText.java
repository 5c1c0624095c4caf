package org.pathwise.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds a passage's text block by block and segments it into {@link Sentence}s as it goes. Blocks are separated by a
 * blank line; the items of a list, of steps or of a table are one line each; a paragraph, a quotation or an item is cut
 * into sentences by {@link Segmenter}, while a heading, a table row and a code block are one sentence each.
 *
 * <p>Not thread-safe; one builder per passage.
 */
public final class PassageText {

    private static final Pattern BULLET = Pattern.compile("^(?:[-*+•]|\\d{1,3}[.)])\\s+");
    private static final Pattern FINAL_PUNCTUATION = Pattern.compile(".*[.!?:;…。！？؟)\\]\"'”»]$");
    private static final int MAX_HEADING_WORDS = 12;

    private final String language;
    private final StringBuilder text = new StringBuilder();
    private final List<Sentence> sentences = new ArrayList<>();
    private int blocks;

    /** @param language the passage's BCP 47 language, which decides the sentence rules */
    public PassageText(String language) {
        this.language = language;
    }

    /**
     * Appends a block; blank items are left out, and a block without any is ignored.
     *
     * @param items the block's text (one item), or its items, rows or steps, as plain text without markup
     */
    public PassageText add(BlockKind kind, List<String> items) {
        var kept = items.stream()
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
        if (kept.isEmpty()) {
            return this;
        }
        if (!text.isEmpty()) {
            text.append("\n\n");
        }
        for (int item = 0; item < kept.size(); item++) {
            if (item > 0) {
                text.append('\n');
            }
            int offset = text.length();
            var content =
                    kind == BlockKind.CODE ? kept.get(item) : kept.get(item).replaceAll("\\s*\\n\\s*", " ");
            text.append(content);
            int number = kind.itemised() ? item : 0;
            if (kind == BlockKind.HEADING || kind == BlockKind.CODE || kind == BlockKind.TABLE) {
                sentences.add(new Sentence(offset, offset + content.length(), blocks, number, kind));
            } else {
                for (int[] span : Segmenter.spans(content, language)) {
                    sentences.add(new Sentence(offset + span[0], offset + span[1], blocks, number, kind));
                }
            }
        }
        blocks++;
        return this;
    }

    /** Appends a block of one item. */
    public PassageText add(BlockKind kind, String text) {
        return add(kind, List.of(text));
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** The text so far. */
    public String text() {
        return text.toString();
    }

    /** The sentences so far, in order. */
    public List<Sentence> sentences() {
        return List.copyOf(sentences);
    }

    /**
     * The structure of a text that comes without one (a passage made from plain text, or stored by an index before
     * passages kept their sentences). A blank line separates blocks. In a block, lines that start with a bullet or a
     * number are the items of a list or of steps; a first line of at most {@value #MAX_HEADING_WORDS} words without
     * final punctuation, followed by a line that starts with a capital letter, is a heading; other consecutive lines
     * are one paragraph, as hard-wrapped text is.
     */
    public static PassageText parse(String text, String language) {
        var built = new PassageText(language);
        for (var block : text.strip().split("\\n\\s*\\n")) {
            var lines = block.strip()
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .toList();
            var items = new ArrayList<String>();
            BlockKind kind = null;
            for (int i = 0; i < lines.size(); i++) {
                var line = lines.get(i);
                var bullet = BULLET.matcher(line);
                var lineKind = bullet.lookingAt()
                        ? (Character.isDigit(line.charAt(0)) ? BlockKind.STEPS : BlockKind.LIST)
                        : i == 0 && isHeading(line, i + 1 < lines.size() ? lines.get(i + 1) : "")
                                ? BlockKind.HEADING
                                : BlockKind.PARAGRAPH;
                if (kind != null && (kind != lineKind || lineKind == BlockKind.HEADING)) {
                    built.add(kind, kind == BlockKind.PARAGRAPH ? List.of(String.join(" ", items)) : items);
                    items.clear();
                }
                kind = lineKind;
                items.add(bullet.lookingAt() ? line.substring(bullet.end()) : line);
            }
            if (kind != null) {
                built.add(kind, kind == BlockKind.PARAGRAPH ? List.of(String.join(" ", items)) : items);
            }
        }
        return built;
    }

    private static boolean isHeading(String line, String next) {
        return !next.isEmpty()
                && Character.isUpperCase(next.codePointAt(0))
                && !FINAL_PUNCTUATION.matcher(line).matches()
                && line.split("\\s+").length <= MAX_HEADING_WORDS;
    }
}
