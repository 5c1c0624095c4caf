package org.pathwise.library;

import java.util.List;
import org.pathwise.retrieval.BlockKind;

/**
 * A document as a parser read it: the metadata the file itself carries, and its text in sections.
 *
 * @param metadata metadata found in the file (front matter, HTML meta tags, PDF properties)
 * @param sections the text, section by section, in reading order
 * @param concealed text the file holds that a reader does not see (comments, hidden elements), kept out of the
 *     sections
 * @param marks the inline formatting of the sections' text (links, strong and emphasised words, inline code), in
 *     reading order, for display only
 */
record ParsedDocument(
        DocumentMetadata metadata, List<Section> sections, List<String> concealed, List<InlineMark> marks) {

    ParsedDocument {
        sections = List.copyOf(sections);
        concealed = List.copyOf(concealed);
        marks = List.copyOf(marks);
    }

    /** A document without inline formatting. */
    ParsedDocument(DocumentMetadata metadata, List<Section> sections, List<String> concealed) {
        this(metadata, sections, concealed, List.of());
    }

    /** A document with nothing concealed. */
    ParsedDocument(DocumentMetadata metadata, List<Section> sections) {
        this(metadata, sections, List.of(), List.of());
    }

    /** The title of the first top-level heading, or empty. */
    String firstHeading() {
        return sections.stream()
                .filter(section -> !section.headingPath().isEmpty())
                .map(section -> section.headingPath().getFirst())
                .findFirst()
                .orElse("");
    }

    boolean hasText() {
        return sections.stream()
                .flatMap(s -> s.blocks().stream())
                .anyMatch(block -> !block.text().isBlank());
    }

    /**
     * A run of blocks under one heading, or on one page or slide.
     *
     * @param headingPath the headings above the section, outermost first
     * @param position where a citation should point (see {@link org.pathwise.retrieval.Passage#position()})
     * @param blocks paragraphs, lists, tables, code blocks and quotations, in reading order
     */
    record Section(List<String> headingPath, String position, List<Block> blocks) {

        Section {
            headingPath = List.copyOf(headingPath);
            blocks = List.copyOf(blocks);
        }
    }

    /**
     * A block of text as its format marks it, without markup.
     *
     * @param kind what the block is (a heading only where a format has no sections, as in a slide's body)
     * @param items the block's text as one item, or its list items, steps or table rows (cells joined by
     *     {@code " | "}), none blank
     */
    record Block(BlockKind kind, List<String> items) {

        Block {
            java.util.Objects.requireNonNull(kind, "kind");
            items = items.stream()
                    .map(String::strip)
                    .filter(item -> !item.isEmpty())
                    .toList();
        }

        static Block paragraph(String text) {
            return new Block(BlockKind.PARAGRAPH, List.of(text));
        }

        /** The block's text, its items one a line. */
        String text() {
            return String.join("\n", items);
        }

        boolean isEmpty() {
            return items.isEmpty();
        }
    }
}
