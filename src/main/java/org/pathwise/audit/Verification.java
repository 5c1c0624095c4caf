package org.pathwise.audit;

/** What {@link AuditLog#verify()} found: the chain intact, or its first broken record. */
public sealed interface Verification {

    /**
     * Every record verifies.
     *
     * @param records how many records the chain holds now
     * @param first the first sequence number held (greater than 1 after a purge removed older records)
     * @param last the last sequence number (0 for an empty log)
     * @param head the last record's hash, worth keeping elsewhere: a later verification proves the log still holds it
     */
    record Intact(long records, long first, long last, String head) implements Verification {}

    /**
     * The first record that does not verify.
     *
     * @param seq its sequence number
     * @param id its id
     * @param problem what kind of tampering it shows
     * @param reason what exactly does not match
     */
    record Broken(long seq, String id, Problem problem, String reason) implements Verification {}

    /** How a chain is broken. */
    enum Problem {
        /** The record's hash or its text hash does not match its content: it was changed. */
        EDITED,
        /** Sequence numbers are missing before it, or after the last record: records were removed. */
        REMOVED,
        /** Its previous hash is not the hash of the record before it: a record was inserted or the order changed. */
        INSERTED_OR_REORDERED,
        /** Its text is gone, but no erasure or purge record says so. */
        TEXT_REMOVED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
