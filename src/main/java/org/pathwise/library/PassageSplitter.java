package org.pathwise.library;

import dev.langchain4j.model.TokenCountEstimator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pathwise.retrieval.BlockKind;
import org.pathwise.retrieval.PassageText;
import org.pathwise.retrieval.Sentence;

/**
 * Splits a parsed document into passages of roughly {@code minTokens} to {@code maxTokens} tokens that keep their
 * structure.
 *
 * <p>Strategy: blocks (paragraphs, lists, tables, ...) are packed in reading order. A passage ends at a section
 * boundary once it holds at least {@code minTokens}, and always before it would exceed {@code maxTokens}; a short
 * section is merged into the next, its heading written into the passage as a heading block so nothing is lost. A block
 * longer than {@code maxTokens} is cut: prose at sentence boundaries, a list or table between items (an item too long
 * for a passage at its sentences), code between lines, and a sentence longer than a passage at word boundaries. A
 * passage that continues a section starts with the last sentences (or items) of the passage before it, up to
 * {@code overlapTokens}, so that a thought cut in two can still be found whole. Each passage takes the heading path and
 * position of the section it starts in, and its text is built by {@link PassageText}, which segments it into
 * sentences.
 */
final class PassageSplitter {

    /** One passage's text and where it starts. */
    record Chunk(PassageText text, List<String> headingPath, String position) {}

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

    /**
     * @param language the document's BCP 47 language, for its sentence rules
     */
    List<Chunk> split(List<ParsedDocument.Section> sections, String language) {
        var chunks = new ArrayList<Chunk>();
        Builder current = null;
        for (var section : sections) {
            boolean newSection = true;
            for (var block : section.blocks()) {
                for (var piece : pieces(block, language)) {
                    int pieceTokens = count(piece.text());
                    var heading = newSection
                                    && current != null
                                    && !section.headingPath().isEmpty()
                            ? new ParsedDocument.Block(
                                    BlockKind.HEADING,
                                    List.of(section.headingPath().getLast()))
                            : null;
                    int headingTokens = heading == null ? 0 : count(heading.text());
                    if (current == null) {
                        current = new Builder(section);
                        current.add(piece, pieceTokens);
                    } else if (current.section == section && current.tokens + pieceTokens <= maxTokens) {
                        current.add(piece, pieceTokens);
                    } else if (current.section != section
                            && current.tokens < minTokens
                            && current.tokens + pieceTokens + headingTokens <= maxTokens) {
                        if (heading != null) {
                            current.add(heading, headingTokens);
                        }
                        current.add(piece, pieceTokens);
                        current.section = section;
                    } else {
                        chunks.add(current.build(language));
                        var overlap = current.section == section ? overlap(current.last(), language) : null;
                        current = new Builder(section);
                        if (overlap != null && count(overlap.text()) + pieceTokens <= maxTokens) {
                            // the repeated sentences or items continue the block they came from
                            var continued = joined(overlap, piece);
                            if (continued == null) {
                                current.add(overlap, count(overlap.text()));
                                current.add(piece, pieceTokens);
                            } else {
                                current.add(continued, count(continued.text()));
                            }
                        } else {
                            current.add(piece, pieceTokens);
                        }
                    }
                    newSection = false;
                }
            }
        }
        if (current != null) {
            chunks.add(current.build(language));
        }
        return chunks;
    }

    /**
     * A block cut into pieces: a block that fits in a passage stays whole; a longer one is cut into pieces of the same
     * kind that leave room for the overlap.
     */
    private List<ParsedDocument.Block> pieces(ParsedDocument.Block block, String language) {
        if (count(block.text()) <= maxTokens) {
            return List.of(block);
        }
        int pieceMax = maxTokens - overlapTokens;
        var units = new ArrayList<String>();
        if (block.kind() == BlockKind.CODE) {
            for (var line : block.text().split("\n")) {
                units.addAll(count(line) > pieceMax ? byWords(line, pieceMax) : List.of(line));
            }
        } else {
            for (var item : block.items()) {
                if (block.kind().itemised() && count(item) <= pieceMax) {
                    units.add(item);
                    continue;
                }
                for (var sentence : Sentence.sentencesOf(item, language)) {
                    units.addAll(count(sentence) > pieceMax ? byWords(sentence, pieceMax) : List.of(sentence));
                }
            }
        }
        var pieces = new ArrayList<ParsedDocument.Block>();
        var piece = new ArrayList<String>();
        int pieceTokens = 0;
        for (var unit : units) {
            int unitTokens = count(unit);
            if (!piece.isEmpty() && pieceTokens + unitTokens > pieceMax) {
                pieces.add(piece(block.kind(), piece));
                piece.clear();
                pieceTokens = 0;
            }
            piece.add(unit);
            pieceTokens += unitTokens;
        }
        if (!piece.isEmpty()) {
            pieces.add(piece(block.kind(), piece));
        }
        return pieces;
    }

    /** A piece of a cut block: the items of a list or table stay items; prose and code are joined again. */
    private static ParsedDocument.Block piece(BlockKind kind, List<String> units) {
        if (kind.itemised()) {
            return new ParsedDocument.Block(kind, List.copyOf(units));
        }
        return new ParsedDocument.Block(kind, List.of(String.join(kind == BlockKind.CODE ? "\n" : " ", units)));
    }

    /**
     * The overlap followed by the piece: one block when both are of the same kind (the list goes on, the paragraph goes
     * on), else the overlap alone as a block before the piece.
     */
    private ParsedDocument.Block joined(ParsedDocument.Block overlap, ParsedDocument.Block piece) {
        if (overlap.kind() != piece.kind() || piece.kind() == BlockKind.CODE) {
            return null;
        }
        var items = new ArrayList<>(overlap.items());
        if (piece.kind().itemised()) {
            items.addAll(piece.items());
            return new ParsedDocument.Block(piece.kind(), items);
        }
        return new ParsedDocument.Block(
                piece.kind(), List.of(String.join(" ", items) + " " + String.join(" ", piece.items())));
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

    /**
     * What a passage that continues a section repeats of the one before: the last whole sentences of its last block
     * of prose, or the last items of its last list or table, that fit in {@code overlapTokens}; nothing after a heading
     * or code.
     */
    private ParsedDocument.Block overlap(ParsedDocument.Block last, String language) {
        if (overlapTokens == 0 || last == null || !last.kind().prose()) {
            return null;
        }
        var units = last.kind().itemised()
                ? last.items()
                : Sentence.sentencesOf(last.items().getLast(), language);
        var kept = new ArrayList<String>();
        for (int i = units.size() - 1; i >= 0; i--) {
            var candidate = new ArrayList<String>(kept);
            candidate.addFirst(units.get(i));
            if (count(String.join(" ", candidate)) > overlapTokens) {
                break;
            }
            kept = candidate;
        }
        return kept.isEmpty() ? null : piece(last.kind(), kept);
    }

    private int count(String text) {
        return text.isEmpty() ? 0 : tokens.estimateTokenCountInText(text);
    }

    private static final class Builder {
        private final List<String> headingPath;
        private final String position;
        private final List<ParsedDocument.Block> blocks = new ArrayList<>();
        private ParsedDocument.Section section;
        private int tokens;

        Builder(ParsedDocument.Section section) {
            this.section = section;
            this.headingPath = section.headingPath();
            this.position = section.position();
        }

        void add(ParsedDocument.Block block, int blockTokens) {
            blocks.add(block);
            tokens += blockTokens;
        }

        ParsedDocument.Block last() {
            return blocks.isEmpty() ? null : blocks.getLast();
        }

        Chunk build(String language) {
            var text = new PassageText(language);
            blocks.forEach(block -> text.add(block.kind(), block.items()));
            return new Chunk(text, headingPath, position);
        }
    }
}
