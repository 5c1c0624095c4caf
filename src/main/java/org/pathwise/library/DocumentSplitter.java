package org.pathwise.library;

import dev.langchain4j.model.TokenCountEstimator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.pathwise.retrieval.DocumentFacets;
import org.pathwise.retrieval.Passage;

/**
 * Turns a parsed document and its metadata into the passages ingestion indexes. It needs no index, so benchmarks can
 * split documents exactly as ingestion does without opening the service's data directory.
 */
public final class DocumentSplitter {

    private final PassageSplitter splitter;

    DocumentSplitter(TokenCountEstimator tokens, LibraryProperties properties) {
        this.splitter = new PassageSplitter(
                tokens, properties.minPassageTokens(), properties.maxPassageTokens(), properties.overlapTokens());
    }

    /** Splits a plain-text document into passages, as ingesting it from a {@code .txt} file would. */
    public List<Passage> passagesOf(String source, DocumentMetadata metadata, String text) {
        var parsed = new PlainTextParser().parse(source, text.getBytes(StandardCharsets.UTF_8));
        return split(Library.documentId("upload", source), source, metadata, parsed);
    }

    List<Passage> split(String documentId, String source, DocumentMetadata metadata, ParsedDocument parsed) {
        var facets = new DocumentFacets(
                source,
                metadata.title(),
                metadata.authors(),
                metadata.licence(),
                metadata.language(),
                metadata.course(),
                metadata.competencies(),
                metadata.resourceType());
        var chunks = splitter.split(parsed.sections(), metadata.language());
        var passages = new ArrayList<Passage>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            var chunk = chunks.get(i);
            passages.add(Passage.of(documentId, i, chunk.text(), chunk.headingPath(), chunk.position(), facets));
        }
        return passages;
    }
}
