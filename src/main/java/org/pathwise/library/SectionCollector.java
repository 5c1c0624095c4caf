package org.pathwise.library;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects a document's blocks into sections as a parser meets headings and text in reading order: keeps the path of
 * open headings (a heading closes every open heading of its level or deeper) and the current anchor.
 */
final class SectionCollector implements HtmlBlocks.Sink {

    private final List<ParsedDocument.Section> sections = new ArrayList<>();
    private final Anchors anchors = new Anchors();
    private final List<String> headings = new ArrayList<>();
    private final List<Integer> levels = new ArrayList<>();
    private final List<ParsedDocument.Block> blocks = new ArrayList<>();
    private String position = "";

    /**
     * Starts a section under a heading.
     *
     * @param level 1 for a top-level heading, 2 below it, ...
     * @param id the heading's own id, or blank to derive an anchor from its text
     */
    @Override
    public void heading(int level, String text, String id) {
        flush();
        while (!levels.isEmpty() && levels.getLast() >= level) {
            levels.removeLast();
            headings.removeLast();
        }
        levels.add(level);
        headings.add(text);
        var slug = anchors.anchor(text);
        position = "#" + (id == null || id.isBlank() ? slug : id);
    }

    /** Adds a block to the current section; a block without text is ignored. */
    @Override
    public void block(ParsedDocument.Block block) {
        if (!block.isEmpty()) {
            blocks.add(block);
        }
    }

    /** Adds a paragraph to the current section; a blank one is ignored. */
    void paragraph(String text) {
        block(ParsedDocument.Block.paragraph(text));
    }

    /** The sections collected, in reading order, in a list the caller may change. */
    List<ParsedDocument.Section> sections() {
        flush();
        return new ArrayList<>(sections);
    }

    private void flush() {
        if (!blocks.isEmpty()) {
            sections.add(new ParsedDocument.Section(headings, position, blocks));
            blocks.clear();
        }
    }
}
