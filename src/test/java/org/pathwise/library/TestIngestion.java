package org.pathwise.library;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Ingestion for the tests of other modules that need documents in a {@link Library}. */
public final class TestIngestion {

    private TestIngestion() {}

    /**
     * Ingests every supported file under {@code folder}, pruning nothing.
     *
     * @return the files that failed, each as {@code source: reason}; empty when every file was ingested
     */
    public static List<String> ingest(Library library, Path folder) {
        return library.ingest(folder, false, IngestListener.NONE).failed().stream()
                .map(failed -> failed.source() + ": " + failed.failure().reason())
                .toList();
    }

    /**
     * Uploads one file with the form's metadata, replacing an earlier upload of the same name.
     *
     * @throws IllegalStateException when the file could not be ingested
     */
    public static void upload(Library library, String fileName, byte[] content, Map<String, ?> form) {
        if (library.upload(fileName, content, form, Library.OnConflict.REPLACE, IngestListener.NONE)
                instanceof IngestResult.Failed failed) {
            throw new IllegalStateException(
                    failed.source() + ": " + failed.failure().reason());
        }
    }
}
