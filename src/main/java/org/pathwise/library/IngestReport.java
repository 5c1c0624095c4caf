package org.pathwise.library;

import java.util.List;

/**
 * The outcome of ingesting a folder: every document indexed, left unchanged, removed (with {@code --prune}) or failed.
 */
record IngestReport(
        List<IngestResult.Indexed> indexed,
        List<IngestResult.Unchanged> unchanged,
        List<String> removed,
        List<IngestResult.Failed> failed) {

    public IngestReport {
        indexed = List.copyOf(indexed);
        unchanged = List.copyOf(unchanged);
        removed = List.copyOf(removed);
        failed = List.copyOf(failed);
    }

    public boolean allSucceeded() {
        return failed.isEmpty();
    }

    public int passages() {
        return indexed.stream().mapToInt(IngestResult.Indexed::passages).sum();
    }
}
