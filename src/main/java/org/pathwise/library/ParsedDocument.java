package org.pathwise.library;

import java.util.List;

/**
 * A document as a parser read it: the metadata the file itself carries, and its text in sections.
 *
 * @param metadata metadata found in the file (front matter, HTML meta tags, PDF properties)
 * @param sections the text, section by section, in reading order
 * @param concealed text the file holds that a reader does not see (comments, hidden elements), kept out of the
 *     sections
 */
record ParsedDocument(DocumentMetadata metadata, List<Section> sections, List<String> concealed) {

    ParsedDocument {
        sections = List.copyOf(sections);
        concealed = List.copyOf(concealed);
    }

    /** A document with nothing concealed. */
    ParsedDocument(DocumentMetadata metadata, List<Section> sections) {
        this(metadata, sections, List.of());
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
        return sections.stream().flatMap(s -> s.blocks().stream()).anyMatch(block -> !block.isBlank());
    }

    /**
     * A run of blocks under one heading, or on one page or slide.
     *
     * @param headingPath the headings above the section, outermost first
     * @param position where a citation should point (see {@link org.pathwise.retrieval.Passage#position()})
     * @param blocks paragraphs, list items, table rows or code blocks, as plain text
     */
    record Section(List<String> headingPath, String position, List<String> blocks) {

        Section {
            headingPath = List.copyOf(headingPath);
            blocks = List.copyOf(blocks);
        }
    }
}
