package org.pathwise.library;

import java.util.Objects;

/**
 * Why one document could not be ingested.
 *
 * @param kind the class of failure, which decides the HTTP status of an upload
 * @param reason a sentence for the user that names the problem and, where it can, what to do
 */
record IngestFailure(Kind kind, String reason) {

    public IngestFailure {
        Objects.requireNonNull(kind, "kind");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank");
        }
    }

    /** The classes of failure. */
    public enum Kind {
        /** The file's type is not one Pathwise reads (HTTP 415). */
        UNSUPPORTED_TYPE,
        /** The file is over the size limit (HTTP 413). */
        TOO_LARGE,
        /** The file holds no text that can be extracted (HTTP 422). */
        NO_TEXT,
        /** The file is encrypted, corrupt or otherwise unreadable (HTTP 422). */
        UNREADABLE,
        /** The document's metadata is invalid (HTTP 422). */
        INVALID_METADATA,
        /** An upload of the same name with different content exists, and the upload asked not to replace it (409). */
        CONFLICT
    }
}
