package org.pathwise.library;

import java.util.Objects;

/**
 * Inline formatting a document gives some of its words: a link, strong or emphasised text, inline code. Ingestion keeps
 * a document's text without markup; the marks, in reading order, let the document page show the words as the author
 * formatted them ({@link InlineMarks}).
 *
 * @param kind what the mark is
 * @param text the marked words as the document's text holds them (markup dropped, white space collapsed)
 * @param href a link's target as written in the document; empty for the other kinds
 */
record InlineMark(Kind kind, String text, String href) {

    /** The longest marked text kept: a longer span is a block that happens to be formatted, not a phrase. */
    static final int MAX_TEXT = 300;

    /** What a mark does to its words. */
    enum Kind {
        LINK,
        STRONG,
        EMPHASIS,
        CODE
    }

    InlineMark {
        Objects.requireNonNull(kind, "kind");
        text = Objects.requireNonNull(text, "text").replaceAll("\\s+", " ").strip();
        href = Objects.requireNonNull(href, "href").strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a mark needs text");
        }
        if ((kind == Kind.LINK) == href.isEmpty()) {
            throw new IllegalArgumentException(
                    "a link needs a target and nothing else has one, got " + kind + " to '" + href + "'");
        }
    }

    /** Whether the mark is worth keeping: its text is short enough to be a phrase. */
    boolean isPhrase() {
        return text.length() <= MAX_TEXT;
    }
}
