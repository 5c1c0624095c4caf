package org.pathwise.library;

/** Raised inside the ingestion pipeline when one document must fail; carries the failure to report. */
final class IngestException extends RuntimeException {

    private final IngestFailure failure;

    IngestException(IngestFailure.Kind kind, String reason) {
        super(reason);
        this.failure = new IngestFailure(kind, reason);
    }

    IngestException(IngestFailure.Kind kind, String reason, Throwable cause) {
        super(reason, cause);
        this.failure = new IngestFailure(kind, reason);
    }

    IngestFailure failure() {
        return failure;
    }
}
