package org.pathwise.retrieval;

/** Thrown when an index holds vectors of another embedding model than the one configured. */
final class EmbeddingModelMismatchException extends IllegalStateException {

    public EmbeddingModelMismatchException(String indexModel, int indexDimensions, String configuredModel) {
        super("the index was built with embedding model '" + indexModel + "' (" + indexDimensions
                + " dimensions) but '" + configuredModel + "' is configured: run 'pathwise re-embed' to rebuild the"
                + " vectors with '" + configuredModel + "', or configure '" + indexModel + "' again");
    }
}
