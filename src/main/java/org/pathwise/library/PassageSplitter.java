package org.pathwise.library;

import dev.langchain4j.model.TokenCountEstimator;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Splits a parsed document into passages of roughly {@code minTokens} to {@code maxTokens} tokens that keep their
 * structure.
 *
 * <p>Strategy: blocks (paragraphs, list items, ...) are packed in reading order. A passage ends at a section boundary
 * once it holds at least {@code minTokens}, and always before it would exceed {@code maxTokens}; a short section is
 * merged into the next, its heading written into the text so nothing is lost. A block longer than {@code maxTokens} is
 * cut at sentence boundaries, and a sentence longer than that at word boundaries. A passage that continues a section
 * starts with the last sentences of the passage before it, up to {@code overlapTokens}, so that a thought cut in two
 * can still be found whole. Each passage takes the heading path and position of the section it starts in.
 */
final class PassageSplitter {

    /** One passage's text and where it starts. */
    record Chunk(String text, List<String> headingPath, String position) {}

    private final TokenCountEstimator tokens;
    private final int minTokens;
    private final int maxTokens;
    private final int overlapTokens;

    PassageSplitter(TokenCountEstimator tokens, int minTokens, int maxTokens, int overlapTokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        if (minTokens < 1 || maxTokens < minTokens) {
            throw new IllegalArgumentException(
                    "need 1 <= minTokens <= maxTokens, got " + minTokens + " and " + maxTokens);
        }
        if (overlapTokens < 0 || overlapTokens >= minTokens) {
            throw new IllegalArgumentException("need 0 <= overlapTokens < minTokens, got " + overlapTokens);
        }
        this.minTokens = minTokens;
        this.maxTokens = maxTokens;
        this.overlapTokens = overlapTokens;
    }

    List<Chunk> split(List<ParsedDocument.Section> sections, Locale locale) {
        var chunks = new ArrayList<Chunk>();
        Builder current = null;
        for (var section : sections) {
            boolean newSection = true;
            for (var block : section.blocks()) {
                for (var piece : pieces(block, locale)) {
                    int pieceTokens = count(piece);
                    var headingLine = newSection
                                    && current != null
                                    && !section.headingPath().isEmpty()
                            ? section.headingPath().getLast() + "\n"
                            : "";
                    if (current == null) {
                        current = new Builder(section);
                        current.add(piece, pieceTokens);
                    } else if (current.section == section && current.tokens + pieceTokens <= maxTokens) {
                        current.add(piece, pieceTokens);
                    } else if (current.section != section
                            && current.tokens < minTokens
                            && current.tokens + pieceTokens + count(headingLine) <= maxTokens) {
                        current.add(headingLine + piece, pieceTokens + count(headingLine));
                        current.section = section;
                    } else {
                        chunks.add(current.build());
                        var overlap = current.section == section ? overlap(current.text(), locale) : "";
                        current = new Builder(section);
                        if (!overlap.isEmpty() && count(overlap) + pieceTokens <= maxTokens) {
                            current.add(overlap, count(overlap));
                        }
                        current.add(piece, pieceTokens);
                    }
                    newSection = false;
                }
            }
        }
        if (current != null) {
            chunks.add(current.build());
        }
        return chunks;
    }

    /**
     * A block cut into pieces: a block that fits in a passage stays whole; a longer one is cut into pieces that leave
     * room for the overlap.
     */
    private List<String> pieces(String block, Locale locale) {
        if (count(block) <= maxTokens) {
            return List.of(block);
        }
        int pieceMax = maxTokens - overlapTokens;
        var pieces = new ArrayList<String>();
        var piece = new StringBuilder();
        int pieceTokens = 0;
        for (var sentence : sentences(block, locale)) {
            int sentenceTokens = count(sentence);
            if (sentenceTokens > pieceMax) {
                if (!piece.isEmpty()) {
                    pieces.add(piece.toString().strip());
                    piece.setLength(0);
                    pieceTokens = 0;
                }
                pieces.addAll(byWords(sentence, pieceMax));
                continue;
            }
            if (pieceTokens + sentenceTokens > pieceMax) {
                pieces.add(piece.toString().strip());
                piece.setLength(0);
                pieceTokens = 0;
            }
            piece.append(sentence);
            pieceTokens += sentenceTokens;
        }
        if (!piece.toString().isBlank()) {
            pieces.add(piece.toString().strip());
        }
        return pieces;
    }

    private List<String> byWords(String sentence, int pieceMax) {
        var pieces = new ArrayList<String>();
        var piece = new StringBuilder();
        for (var word : sentence.split("\\s+")) {
            var candidate = piece.isEmpty() ? word : piece + " " + word;
            if (!piece.isEmpty() && count(candidate) > pieceMax) {
                pieces.add(piece.toString());
                piece.setLength(0);
                piece.append(word);
            } else {
                piece.setLength(0);
                piece.append(candidate);
            }
        }
        if (!piece.isEmpty()) {
            pieces.add(piece.toString());
        }
        return pieces;
    }

    /** The last whole sentences of a text that fit in {@code overlapTokens}. */
    private String overlap(String text, Locale locale) {
        if (overlapTokens == 0) {
            return "";
        }
        var sentences = sentences(text, locale);
        var overlap = new StringBuilder();
        for (int i = sentences.size() - 1; i >= 0; i--) {
            var candidate = sentences.get(i) + overlap;
            if (count(candidate) > overlapTokens) {
                break;
            }
            overlap.insert(0, sentences.get(i));
        }
        return overlap.toString().strip();
    }

    private static List<String> sentences(String text, Locale locale) {
        var iterator = BreakIterator.getSentenceInstance(locale);
        iterator.setText(text);
        var sentences = new ArrayList<String>();
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            sentences.add(text.substring(start, end));
        }
        return sentences;
    }

    private int count(String text) {
        return text.isEmpty() ? 0 : tokens.estimateTokenCountInText(text);
    }

    private static final class Builder {
        private final List<String> headingPath;
        private final String position;
        private final StringBuilder text = new StringBuilder();
        private ParsedDocument.Section section;
        private int tokens;

        Builder(ParsedDocument.Section section) {
            this.section = section;
            this.headingPath = section.headingPath();
            this.position = section.position();
        }

        void add(String piece, int pieceTokens) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(piece);
            tokens += pieceTokens;
        }

        String text() {
            return text.toString();
        }

        Chunk build() {
            return new Chunk(text.toString().strip(), headingPath, position);
        }
    }
}
