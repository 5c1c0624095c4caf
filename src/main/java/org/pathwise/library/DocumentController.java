package org.pathwise.library;

import static org.pathwise.Problems.problem;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.pathwise.retrieval.Passage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class DocumentController {

    /** A document as the API shows it. */
    record DocumentView(
            String id,
            String source,
            String title,
            List<String> authors,
            String licence,
            String language,
            String sourceUrl,
            String course,
            List<String> competencies,
            String level,
            String resourceType,
            String mediaType,
            long sizeBytes,
            int passages,
            Instant ingestedAt,
            List<String> warnings) {

        static DocumentView of(LibraryDocument d) {
            var m = d.metadata();
            return new DocumentView(
                    d.id(),
                    d.source(),
                    m.title(),
                    m.authors(),
                    m.licence(),
                    m.language(),
                    m.sourceUrl(),
                    m.course(),
                    m.competencies(),
                    m.level(),
                    m.resourceType(),
                    d.mediaType(),
                    d.sizeBytes(),
                    d.passages(),
                    d.ingestedAt(),
                    d.warnings());
        }
    }

    /** A passage as the document view shows it. */
    record PassageView(String id, int ordinal, String heading, String position, String text) {
        static PassageView of(Passage p) {
            return new PassageView(p.id(), p.ordinal(), p.heading(), p.position(), p.text());
        }
    }

    record DocumentList(List<DocumentView> documents) {}

    record DocumentDetails(DocumentView document, List<PassageView> passages) {}

    record UploadResponse(String result, DocumentView document) {}

    record IngestRequest(String path, Boolean prune) {}

    private final Library library;
    private final IngestMetrics metrics;
    private final LibraryProperties properties;

    DocumentController(Library library, IngestMetrics metrics, LibraryProperties properties) {
        this.library = library;
        this.metrics = metrics;
        this.properties = properties;
    }

    @GetMapping("/api/documents")
    @Operation(summary = "List the library's documents, ordered by source")
    DocumentList list(
            @RequestParam(defaultValue = "") String licence,
            @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "") String course,
            @RequestParam(defaultValue = "") String competency,
            @RequestParam(name = "type", defaultValue = "") String resourceType,
            @RequestParam(name = "q", defaultValue = "") String text,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        var query = new DocumentQuery(licence, language, course, competency, resourceType, text, offset, limit);
        return new DocumentList(
                library.documents(query).stream().map(DocumentView::of).toList());
    }

    @GetMapping("/api/documents/{id}")
    @Operation(summary = "Show a document with its passages")
    DocumentDetails show(@PathVariable String id) {
        var document = library.document(id).orElseThrow(() -> notFound(id));
        return new DocumentDetails(
                DocumentView.of(document),
                library.passages(id).stream().map(PassageView::of).toList());
    }

    @PostMapping(path = "/api/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Upload one document",
            description = "Metadata fields override what the file says. on-conflict (refuse, replace or keep-both;"
                    + " default refuse) says what to do when an upload of the same name with other content exists."
                    + " 415: unsupported type; 413: over the size limit; 409: an upload of that name exists; 422: no"
                    + " text, unreadable, or invalid metadata.")
    ResponseEntity<UploadResponse> upload(
            @RequestPart("file") MultipartFile file,
            @RequestParam(name = "on-conflict", defaultValue = "refuse") String onConflict,
            @RequestParam Map<String, String> fields)
            throws IOException {
        var name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            throw problem(HttpStatus.BAD_REQUEST, "Name the uploaded file", "the file part has no file name");
        }
        var conflict = switch (onConflict.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "refuse" -> Library.OnConflict.REFUSE;
            case "replace" -> Library.OnConflict.REPLACE;
            case "keep-both" -> Library.OnConflict.KEEP_BOTH;
            default ->
                throw problem(
                        HttpStatus.BAD_REQUEST,
                        "Choose refuse, replace or keep-both",
                        "on-conflict must be refuse, replace or keep-both, got '" + onConflict + "'");
        };
        var result = library.upload(name, file.getBytes(), fields, conflict, metrics);
        return switch (result) {
            case IngestResult.Indexed indexed -> {
                var document = library.document(indexed.documentId()).orElseThrow();
                yield ResponseEntity.created(URI.create("/api/documents/" + indexed.documentId()))
                        .body(new UploadResponse("indexed", DocumentView.of(document)));
            }
            case IngestResult.Unchanged unchanged -> {
                var document = library.document(unchanged.documentId()).orElseThrow();
                yield ResponseEntity.ok(new UploadResponse("unchanged", DocumentView.of(document)));
            }
            case IngestResult.Failed failed -> {
                var exception = failure(failed.source(), failed.failure());
                if (failed.failure().kind() == IngestFailure.Kind.CONFLICT) {
                    library.upload(failed.source())
                            .ifPresent(existing -> exception.getBody().setProperty("existing", existing.id()));
                }
                throw exception;
            }
        };
    }

    @DeleteMapping("/api/documents/{id}")
    @Operation(summary = "Delete a document and its passages")
    ResponseEntity<Void> delete(@PathVariable String id) {
        if (!library.delete(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/ingest", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Ingest a folder on the server",
            description = "The report has the shape of 'pathwise ingest --json'.")
    Map<String, Object> ingest(@RequestBody IngestRequest request) {
        if (request.path() == null || request.path().isBlank()) {
            throw problem(HttpStatus.BAD_REQUEST, "Give the folder to ingest", "the body needs {\"path\": \"...\"}");
        }
        var folder = Path.of(request.path());
        if (!properties.isIngestRoot(folder)) {
            var roots = properties.ingestRoots().stream().map(Path::toString).toList();
            var exception = problem(
                    HttpStatus.FORBIDDEN,
                    "Ingest a folder under one of the ingest roots",
                    request.path() + " is outside the folders the server may ingest from ("
                            + (roots.isEmpty() ? "none is configured" : String.join(", ", roots))
                            + "): put the folder under one of them, or have an administrator add it to"
                            + " pathwise.library.ingest-roots (environment variable PATHWISE_LIBRARY_INGEST_ROOTS)");
            exception.getBody().setProperty("ingestRoots", roots);
            throw exception;
        }
        if (!Files.isDirectory(folder)) {
            throw problem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "Give a folder that exists on the server",
                    request.path() + " is not a folder on the server");
        }
        var report = library.ingest(folder, Boolean.TRUE.equals(request.prune()), metrics);
        return IngestCommand.asJson(report);
    }

    private static ErrorResponseException notFound(String id) {
        return problem(HttpStatus.NOT_FOUND, "No such document", "there is no document with id " + id);
    }

    private static ErrorResponseException failure(String source, IngestFailure failure) {
        var status = switch (failure.kind()) {
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case NO_TEXT, UNREADABLE, INVALID_METADATA -> HttpStatus.UNPROCESSABLE_CONTENT;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        var title = switch (failure.kind()) {
            case UNSUPPORTED_TYPE -> "Upload a supported file type";
            case TOO_LARGE -> "Upload a smaller file";
            case NO_TEXT -> "Upload a file that contains text";
            case UNREADABLE -> "Upload a readable, unencrypted file";
            case INVALID_METADATA -> "Correct the document's metadata";
            case CONFLICT -> "Choose whether to replace the existing upload or keep both";
        };
        var exception = problem(status, title, failure.reason());
        exception.getBody().setProperty("source", source);
        exception.getBody().setProperty("kind", failure.kind().name().toLowerCase(java.util.Locale.ROOT));
        return exception;
    }
}
