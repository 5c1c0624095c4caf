package org.pathwise.library;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects a document's blocks into sections as a parser meets headings and text in reading order: keeps the path of
 * open headings (a heading closes every open heading of its level or deeper) and the current anchor.
 */
final class SectionCollector {

    private final List<ParsedDocument.Section> sections = new ArrayList<>();
    private final Anchors anchors = new Anchors();
    private final List<String> headings = new ArrayList<>();
    private final List<Integer> levels = new ArrayList<>();
    private final List<String> blocks = new ArrayList<>();
    private String position = "";

    /**
     * Starts a section under a heading.
     *
     * @param level 1 for a top-level heading, 2 below it, ...
     * @param id the heading's own id, or blank to derive an anchor from its text
     */
    void heading(int level, String text, String id) {
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

    /** Adds a block of text to the current section; blank blocks are ignored. */
    void block(String text) {
        var stripped = text.strip();
        if (!stripped.isEmpty()) {
            blocks.add(stripped);
        }
    }

    List<ParsedDocument.Section> sections() {
        flush();
        return List.copyOf(sections);
    }

    private void flush() {
        if (!blocks.isEmpty()) {
            sections.add(new ParsedDocument.Section(headings, position, blocks));
            blocks.clear();
        }
    }
}
