package org.pathwise.retrieval;

/**
 * What a block of a document is, as its format says: a passage keeps the kind of every block its sentences come
 * from, so that an answer can quote a whole list or the steps of a procedure, and never quotes a heading as if it were
 * a statement.
 */
public enum BlockKind {
    /** A heading, written into a passage that starts under it. */
    HEADING('H'),
    /** A paragraph of prose. */
    PARAGRAPH('P'),
    /** An unordered list: each item is one line of the passage's text. */
    LIST('L'),
    /** An ordered list, as procedures are written: each step is one line. */
    STEPS('S'),
    /** A table: each row is one line, its cells separated by " | ". */
    TABLE('T'),
    /** Code or preformatted text, kept as it is. */
    CODE('C'),
    /** A quotation. */
    QUOTE('Q');

    private final char code;

    BlockKind(char code) {
        this.code = code;
    }

    /** The one-letter code the indexes store. */
    char code() {
        return code;
    }

    /** The kind a one-letter code stands for. */
    static BlockKind of(char code) {
        for (var kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no block kind has the code '" + code + "'");
    }

    /** Whether each item of a block of this kind is a line of its own (lists, steps and table rows). */
    public boolean itemised() {
        return this == LIST || this == STEPS || this == TABLE;
    }

    /** Whether a sentence of this kind can state something an answer may quote: not a heading, not code. */
    public boolean prose() {
        return this != HEADING && this != CODE;
    }
}
