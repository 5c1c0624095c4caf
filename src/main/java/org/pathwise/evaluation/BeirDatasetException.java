package org.pathwise.evaluation;

import java.util.Objects;

/**
 * A BEIR folder that can't be read. The message names the file (and line, when there is one) and what is wrong with
 * it, so the command line can print it as is.
 */
final class BeirDatasetException extends RuntimeException {

    /** What is wrong with the folder. */
    public enum Kind {
        /** The folder does not exist or is not a folder. */
        NO_FOLDER,
        /** The folder has no {@code corpus.jsonl}: it is not a BEIR folder. */
        NO_CORPUS,
        /** {@code queries.jsonl} or {@code qrels/test.tsv} is missing. */
        MISSING_FILE,
        /** A line can't be parsed or lacks a required field. */
        MALFORMED,
        /** A file exists but can't be read. */
        UNREADABLE;

        /** Whether the user named the wrong thing (a usage error) rather than a damaged dataset. */
        public boolean isUsageError() {
            return this == NO_FOLDER || this == NO_CORPUS;
        }
    }

    private final Kind kind;

    public BeirDatasetException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public BeirDatasetException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
