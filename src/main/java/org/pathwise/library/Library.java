package org.pathwise.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.pathwise.guardrails.Guardrails;
import org.pathwise.retrieval.LanguageDetector;
import org.pathwise.retrieval.Passage;
import org.pathwise.retrieval.PassageIndex;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The library: ingests documents into the passage index, keeps their metadata, and lists, shows and deletes them.
 *
 * <p>Ingestion is incremental and crash-safe. A document is skipped when its content hash (file, sidecar metadata and
 * inherited licence) is unchanged and the index holds its passages. Changed documents are parsed, split and indexed in
 * batches; each batch is committed to the index before its documents are recorded in the database, so a process
 * killed mid-run leaves every recorded document searchable, and the next run redoes whatever was not recorded. A
 * document that fails leaves nothing of its new version behind; an earlier good version stays.
 *
 * <p>Runs are serialised: one ingestion, upload or deletion at a time.
 */
public final class Library {

    /** Changing how documents are parsed or split changes this, so that the next ingest redoes every document. */
    private static final String PIPELINE_VERSION = "4";

    private static final String UPLOAD_ORIGIN = "upload";

    /** The longest source (path relative to the folder, or upload name) the library records. */
    private static final int MAX_SOURCE_LENGTH = 1000;

    private final PassageIndex index;
    private final DocumentStore store;
    private final TransactionTemplate transactions;
    private final DocumentSplitter splitter;
    private final Formats formats = new Formats();
    private final LanguageDetector languages;
    private final long maxFileBytes;
    private final int batchPassages;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final DocumentLocks documentLocks;

    Library(
            PassageIndex index,
            DocumentStore store,
            TransactionTemplate transactions,
            DocumentSplitter splitter,
            LibraryProperties properties,
            Clock clock) {
        this(
                index,
                store,
                transactions,
                splitter,
                properties,
                clock,
                DocumentLocks.inProcess(),
                LanguageDetector.shared());
    }

    /** A library whose ingestions also take turns, document by document, with those of other instances. */
    Library(
            PassageIndex index,
            DocumentStore store,
            TransactionTemplate transactions,
            DocumentSplitter splitter,
            LibraryProperties properties,
            Clock clock,
            DocumentLocks documentLocks,
            LanguageDetector languages) {
        this.documentLocks = documentLocks;
        this.languages = languages;
        this.index = index;
        this.store = store;
        this.transactions = transactions;
        this.splitter = splitter;
        this.maxFileBytes = properties.maxFileSize().toBytes();
        this.batchPassages = properties.batchPassages();
        this.clock = clock;
    }

    /**
     * Ingests every supported file under {@code folder}: new and changed documents are indexed, unchanged ones
     * skipped, and with {@code prune} the documents earlier ingested from this folder whose files are gone are
     * removed. Each document's source is its path relative to {@code folder}.
     *
     * @throws IllegalArgumentException when {@code folder} is not a readable folder
     */
    IngestReport ingest(Path folder, boolean prune, IngestListener listener) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " is not a folder");
        }
        var root = folder.toAbsolutePath().normalize();
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("can't read the folder " + folder + ": " + e.getMessage(), e);
        }
        var origin = root.toString();
        lock.lock();
        try (var run = new Run(origin, listener)) {
            var entries = entries(root, realRoot);
            listener.started(entries.size());
            var inherited = folderMetadata(root, realRoot);
            var seen = new HashSet<String>();
            for (var entry : entries) {
                var source = entry.source();
                seen.add(source);
                if (entry.failure() != null) {
                    run.fail(source, entry.failure());
                    continue;
                }
                var file = entry.file();
                run.consider(
                        source,
                        () -> Files.size(file),
                        () -> readWithoutFollowingLinks(file),
                        () -> sidecar(root.resolve(source), realRoot),
                        inherited);
            }
            run.flush();
            var removed = new ArrayList<String>();
            if (prune) {
                var removedIds = new ArrayList<String>();
                for (var document : store.documentsFrom(origin).entrySet()) {
                    if (!seen.contains(document.getKey())) {
                        var id = document.getValue();
                        run.locks.lock(id);
                        index.remove(id);
                        removed.add(document.getKey());
                        removedIds.add(id);
                    }
                }
                if (!removed.isEmpty()) {
                    index.commit();
                    transactions.executeWithoutResult(status -> removedIds.forEach(store::delete));
                }
            }
            return new IngestReport(run.indexed, run.unchanged, removed, run.failed);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ingests one uploaded file. Its source is the file name without any folder; the form's metadata fields (the keys
     * of a sidecar {@code .meta.yaml}; blank and unknown fields are ignored) override what the file says. Invalid
     * metadata fails the upload like any other bad input. Uploads live apart from folders: an upload never replaces a
     * document ingested from a folder, whatever their names.
     *
     * @param onConflict what to do when an earlier upload has the same name and different content
     */
    IngestResult upload(
            String fileName, byte[] content, Map<String, ?> form, OnConflict onConflict, IngestListener listener) {
        var source = Path.of(fileName.replace('\\', '/')).getFileName().toString();
        lock.lock();
        try (var run = new Run(UPLOAD_ORIGIN, listener, onConflict)) {
            run.consider(
                    source,
                    () -> (long) content.length,
                    () -> content,
                    () -> Optional.of(MetadataYaml.fromMap(form, "upload form")),
                    DocumentMetadata.EMPTY);
            run.flush();
            var results = new ArrayList<IngestResult>();
            results.addAll(run.indexed);
            results.addAll(run.unchanged);
            results.addAll(run.failed);
            return results.getFirst();
        } finally {
            lock.unlock();
        }
    }

    public List<LibraryDocument> documents(DocumentQuery query) {
        return store.list(query);
    }

    public Optional<LibraryDocument> document(String id) {
        return store.find(id);
    }

    /** The passages of a document, in order. */
    public List<Passage> passages(String documentId) {
        return index.passagesOf(documentId);
    }

    /** A document's inline formatting in reading order, for display ({@link InlineMarks}). */
    List<InlineMark> marks(String documentId) {
        return store.marks(documentId);
    }

    /** Deletes a document and its passages; false when there is no such document. */
    public boolean delete(String id) {
        lock.lock();
        try (var locks = documentLocks.open()) {
            locks.lock(id);
            if (store.find(id).isEmpty()) {
                return false;
            }
            index.remove(id);
            index.commit();
            return store.delete(id);
        } finally {
            lock.unlock();
        }
    }

    public long size() {
        return store.count();
    }

    /**
     * The distinct non-empty values of one document attribute, sorted: {@code licence}, {@code language},
     * {@code course} or {@code resource_type}.
     */
    public List<String> values(String attribute) {
        return store.distinct(attribute);
    }

    /** An uploaded document with this source (its file name), if there is one. */
    public Optional<LibraryDocument> upload(String source) {
        return store.find(UPLOAD_ORIGIN, source);
    }

    /**
     * A document with this source (path relative to its folder, or upload name), for readers that name documents by
     * source, such as evaluation datasets; when folders share a path, the one with the smallest id.
     */
    public Optional<LibraryDocument> documentWithSource(String source) {
        return store.findBySource(source);
    }

    /**
     * The id a new document gets: a hash of where it comes from and its source, so that the same path in two folders,
     * and an upload of the same name, are different documents. A folder's origin is its absolute path; uploads share
     * the origin {@code "upload"}. A document recorded before ids included the origin keeps the id it has (a hash of
     * its source alone): ingestion looks documents up by origin and source, never by recomputing the id.
     */
    public static String documentId(String origin, String source) {
        var identity = origin.equals(UPLOAD_ORIGIN) ? "upload:" + source : "folder:" + origin + "\n" + source;
        return HexFormat.of()
                .formatHex(sha256(identity.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 16);
    }

    /** What an upload does when an earlier upload has the same name and different content. */
    public enum OnConflict {
        /** Refuse the upload, naming the existing document (HTTP 409). */
        REFUSE,
        /** Replace the existing document, keeping its id. */
        REPLACE,
        /** Keep both: the new upload is named {@code name (2).ext} (or the next free number). */
        KEEP_BOTH
    }

    /**
     * One ingestion run's batching and bookkeeping. A document is locked from the moment it is looked at until it is
     * written (or found unchanged, or failed); when another run holds it, this run first writes what it holds, so
     * that two runs never wait on each other, then waits and looks again.
     */
    private final class Run implements AutoCloseable {
        private final String origin;
        private final IngestListener listener;
        private final OnConflict onConflict;
        private final DocumentLocks.Session locks = documentLocks.open();
        /** The document being looked at and not yet pending, whose lock is released when the look ends. */
        private String locked;

        private final List<IngestResult.Indexed> indexed = new ArrayList<>();
        private final List<IngestResult.Unchanged> unchanged = new ArrayList<>();
        private final List<IngestResult.Failed> failed = new ArrayList<>();
        private final List<Prepared> pending = new ArrayList<>();
        private int pendingPassages;

        /** A run over a folder, whose documents are updated in place. */
        Run(String origin, IngestListener listener) {
            this(origin, listener, OnConflict.REPLACE);
        }

        Run(String origin, IngestListener listener, OnConflict onConflict) {
            this.origin = origin;
            this.listener = listener;
            this.onConflict = onConflict;
        }

        void consider(
                String name,
                IoSupplier<Long> size,
                IoSupplier<byte[]> content,
                IoSupplier<Optional<DocumentMetadata>> sidecar,
                DocumentMetadata inherited) {
            var source = name;
            try {
                if (name.length() > MAX_SOURCE_LENGTH) {
                    throw new IngestException(
                            IngestFailure.Kind.UNREADABLE,
                            name.substring(0, 60) + "… has a path of " + name.length()
                                    + " characters, over the limit of " + MAX_SOURCE_LENGTH
                                    + ": move it to a shorter path");
                }
                var format = formats.of(name)
                        .orElseThrow(() ->
                                new IngestException(IngestFailure.Kind.UNSUPPORTED_TYPE, Formats.unsupported(name)));
                long bytes = size.get();
                if (bytes > maxFileBytes) {
                    throw new IngestException(
                            IngestFailure.Kind.TOO_LARGE,
                            source + " is " + megabytes(bytes) + " MB, over the limit of " + megabytes(maxFileBytes)
                                    + " MB (pathwise.library.max-file-size)");
                }
                var data = content.get();
                formats.check(source, format, data);
                var given = metadata(source, sidecar);
                var hash = contentHash(data, given, inherited);
                var existing = store.find(origin, source);
                if (existing.isPresent() && !existing.get().contentHash().equals(hash)) {
                    switch (onConflict) {
                        case REFUSE ->
                            throw new IngestException(
                                    IngestFailure.Kind.CONFLICT,
                                    "an uploaded document named " + source + " already exists (id "
                                            + existing.get().id() + ") with different content: upload again with"
                                            + " on-conflict=replace to replace it, or on-conflict=keep-both to keep"
                                            + " both");
                        case KEEP_BOTH -> {
                            source = freeName(source);
                            existing = Optional.empty();
                        }
                        case REPLACE -> {}
                    }
                }
                var id = existing.map(LibraryDocument::id).orElse(documentId(origin, source));
                if (!locks.tryLock(id)) {
                    flush();
                    locks.lock(id);
                }
                locked = id;
                existing = store.find(origin, source);
                if (existing.isPresent()
                        && existing.get().contentHash().equals(hash)
                        && index.passageCount(id) == existing.get().passages()) {
                    if (!store.hasMarks(id)) {
                        // ingested before marks were kept: the parse alone gives them, the index stays as it is
                        keepMarks(format, source, id, data);
                    }
                    var result = new IngestResult.Unchanged(source, id);
                    unchanged.add(result);
                    listener.processed(result);
                    locks.unlock(id);
                    return;
                }
                var read = read(format, source, id, data, given.orElse(DocumentMetadata.EMPTY), inherited);
                var parsed = read.parsed();
                var metadata = read.metadata();
                var passages = read.passages();
                var document = new LibraryDocument(
                        id,
                        source,
                        metadata,
                        format.mediaType(),
                        bytes,
                        hash,
                        passages.size(),
                        clock.instant(),
                        warnings(parsed));
                pending.add(new Prepared(document, passages, existing.isPresent(), parsed.marks()));
                locked = null;
                pendingPassages += passages.size();
                if (pendingPassages >= batchPassages) {
                    flush();
                }
            } catch (IngestException e) {
                fail(source, e.failure());
            } catch (IOException e) {
                fail(
                        source,
                        new IngestFailure(IngestFailure.Kind.UNREADABLE, "can't read " + source + ": " + describe(e)));
            } catch (UncheckedIOException e) {
                fail(
                        source,
                        new IngestFailure(
                                IngestFailure.Kind.UNREADABLE, "can't read " + source + ": " + describe(e.getCause())));
            } finally {
                if (locked != null) {
                    locks.unlock(locked);
                    locked = null;
                }
            }
        }

        /** Keeps the inline formatting of an unchanged document; one the parser now refuses keeps none. */
        private void keepMarks(Formats.Format format, String source, String id, byte[] data) {
            List<InlineMark> marks;
            try {
                marks = format.parser().parse(source, data).marks();
            } catch (RuntimeException | StackOverflowError e) {
                marks = List.of();
            }
            store.saveMarks(id, marks);
        }

        /** The first of {@code name (2).ext}, {@code name (3).ext}, ... that no document of this origin has. */
        private String freeName(String source) {
            int dot = source.lastIndexOf('.');
            var base = dot > 0 ? source.substring(0, dot) : source;
            var extension = dot > 0 ? source.substring(dot) : "";
            for (int n = 2; ; n++) {
                var candidate = base + " (" + n + ")" + extension;
                if (store.find(origin, candidate).isEmpty()) {
                    return candidate;
                }
            }
        }

        @Override
        public void close() {
            locks.close();
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            index.index(pending.stream().flatMap(p -> p.passages().stream()).toList());
            index.commit();
            transactions.executeWithoutResult(status -> pending.forEach(p -> {
                store.save(p.document(), origin);
                store.saveMarks(p.document().id(), p.marks());
            }));
            for (var p : pending) {
                var result = new IngestResult.Indexed(
                        p.document().source(), p.document().id(), p.passages().size(), p.replaced());
                indexed.add(result);
                listener.processed(result);
                locks.unlock(p.document().id());
            }
            pending.clear();
            pendingPassages = 0;
        }

        void fail(String source, IngestFailure failure) {
            var result = new IngestResult.Failed(source, failure);
            failed.add(result);
            listener.processed(result);
        }
    }

    private record Prepared(
            LibraryDocument document, List<Passage> passages, boolean replaced, List<InlineMark> marks) {}

    private record Read(ParsedDocument parsed, DocumentMetadata metadata, List<Passage> passages) {}

    /** The metadata given beside a document; a YAML library's own failure fails this document alone. */
    private static Optional<DocumentMetadata> metadata(String source, IoSupplier<Optional<DocumentMetadata>> sidecar)
            throws IOException {
        try {
            return sidecar.get();
        } catch (IngestException e) {
            throw e;
        } catch (StackOverflowError e) {
            throw new IngestException(
                    IngestFailure.Kind.INVALID_METADATA, "the metadata of " + source + " is nested too deeply", e);
        } catch (RuntimeException e) {
            throw new IngestException(
                    IngestFailure.Kind.INVALID_METADATA,
                    "the metadata of " + source + " can't be read ("
                            + e.getClass().getSimpleName() + firstLine(e.getMessage()) + ")",
                    e);
        }
    }

    /**
     * Parses, describes and splits one document. Whatever goes wrong inside (a parser's own exception, a stack
     * overflow on deeply nested input, a library's linkage or assertion error) fails this document alone with a
     * reason; only errors that leave the whole virtual machine in doubt (out of memory, an internal error) propagate.
     */
    private Read read(
            Formats.Format format,
            String source,
            String id,
            byte[] data,
            DocumentMetadata given,
            DocumentMetadata inherited) {
        try {
            var parsed = format.parser().parse(source, data);
            if (!parsed.hasText()) {
                throw new IngestException(IngestFailure.Kind.NO_TEXT, source + " has no extractable text");
            }
            var metadata = resolve(source, parsed, given, inherited);
            return new Read(parsed, metadata, splitter.split(id, source, metadata, parsed));
        } catch (IngestException e) {
            throw e;
        } catch (StackOverflowError e) {
            throw new IngestException(
                    IngestFailure.Kind.UNREADABLE,
                    source + " is nested too deeply to be read (its structure overflowed the reader's stack)",
                    e);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            throw new IngestException(
                    IngestFailure.Kind.UNREADABLE,
                    source + " could not be read (" + e.getClass().getSimpleName() + firstLine(e.getMessage()) + ")",
                    e);
        }
    }

    /**
     * What a reader of the document should know: text addressed to an AI rather than a reader, hidden (comments,
     * hidden elements) or visible. The document is still ingested; at answer time such text is never given to a
     * composer.
     */
    static List<String> warnings(ParsedDocument parsed) {
        var warnings = new ArrayList<String>();
        for (var text : parsed.concealed()) {
            for (var finding : Guardrails.instructionsToAnAi(text)) {
                warnings.add("hidden text addressed to an AI (" + finding.pattern() + "): " + finding.sentence());
            }
        }
        for (var section : parsed.sections()) {
            for (var block : section.blocks()) {
                for (var finding : Guardrails.instructionsToAnAi(block.text())) {
                    warnings.add("text addressed to an AI (" + finding.pattern() + "): " + finding.sentence());
                }
            }
        }
        return warnings;
    }

    @FunctionalInterface
    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private DocumentMetadata resolve(
            String source, ParsedDocument parsed, DocumentMetadata given, DocumentMetadata inherited) {
        var metadata = given.orElse(parsed.metadata()).orElse(inherited);
        if (metadata.title().isEmpty()) {
            var heading = parsed.firstHeading();
            metadata = metadata.withTitle(heading.isEmpty() ? titleFromFileName(source) : heading);
        }
        if (metadata.language().isEmpty()) {
            var sample = new StringBuilder();
            for (var section : parsed.sections()) {
                for (var block : section.blocks()) {
                    if (sample.length() > 3000) {
                        break;
                    }
                    sample.append(block.text()).append('\n');
                }
            }
            metadata = metadata.withLanguage(languages.detect(sample.toString()));
        }
        return metadata;
    }

    private static String titleFromFileName(String source) {
        var name = Path.of(source).getFileName().toString();
        int dot = name.lastIndexOf('.');
        var base = (dot > 0 ? name.substring(0, dot) : name)
                .replaceAll("^\\d+[-_]", "")
                .replaceAll("[-_]+", " ");
        return base.isEmpty() ? name : Character.toUpperCase(base.charAt(0)) + base.substring(1);
    }

    /** Metadata every document under the folder inherits: the licence its root LICENSE file grants. */
    private static DocumentMetadata folderMetadata(Path root, Path realRoot) {
        for (var name : List.of("LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE", "LICENCE.md", "LICENCE.txt")) {
            var file = inside(root.resolve(name), realRoot);
            if (file.isPresent() && Files.isRegularFile(file.get())) {
                try {
                    var licence = Licences.fromLicenseFile(
                            new String(readWithoutFollowingLinks(file.get()), StandardCharsets.UTF_8));
                    if (licence.isPresent()) {
                        return new DocumentMetadata("", List.of(), licence.get(), "", "", "", List.of(), "", "");
                    }
                } catch (IOException e) {
                    return DocumentMetadata.EMPTY;
                }
            }
        }
        return DocumentMetadata.EMPTY;
    }

    /** The real path of {@code file} when it exists and lies inside {@code realRoot}, links resolved. */
    private static Optional<Path> inside(Path file, Path realRoot) {
        try {
            var real = file.toRealPath();
            return real.startsWith(realRoot) ? Optional.of(real) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<DocumentMetadata> sidecar(Path file, Path realRoot) throws IOException {
        var sidecar = file.resolveSibling(file.getFileName() + ".meta.yaml");
        if (!Files.exists(sidecar, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        var real = inside(sidecar, realRoot)
                .orElseThrow(() -> new IngestException(
                        IngestFailure.Kind.INVALID_METADATA,
                        "the sidecar " + sidecar.getFileName()
                                + " is a symbolic link that points outside the folder, or to nothing; it is not"
                                + " followed"));
        if (!Files.isRegularFile(real)) {
            return Optional.empty();
        }
        return Optional.of(MetadataYaml.parse(
                TextDecoding.decode(
                        readWithoutFollowingLinks(real), sidecar.getFileName().toString()),
                "sidecar " + sidecar.getFileName(),
                1));
    }

    /** Reads a file, refusing to follow a link put in its place since it was listed. */
    private static byte[] readWithoutFollowingLinks(Path file) throws IOException {
        try (var in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return in.readAllBytes();
        }
    }

    private static boolean isIngestible(Path file) {
        var name = file.getFileName().toString();
        var upper = name.toUpperCase(Locale.ROOT);
        return !name.startsWith(".")
                && !name.endsWith(".meta.yaml")
                && !upper.startsWith("LICENSE")
                && !upper.startsWith("LICENCE");
    }

    /**
     * A file found under the folder: where to read it from, or why it can't be ingested.
     *
     * @param source its path relative to the folder
     * @param file where its bytes are read from (a link's target, inside the folder), or null when it failed
     * @param failure why it can't be ingested, or null
     */
    private record Entry(String source, Path file, IngestFailure failure) {}

    /**
     * The files under {@code root}, in path order, without hidden files and folders. Symbolic links are never
     * followed out of the folder: a link whose target lies outside it, a link to nothing and a link to a folder are
     * reported as failures, as are files and folders that can't be read and files that are not regular files (pipes,
     * devices); a link to a file inside the folder is read from its target.
     */
    private static List<Entry> entries(Path root, Path realRoot) {
        var entries = new ArrayList<Entry>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return !dir.equals(root) && dir.getFileName().toString().startsWith(".")
                            ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (!isIngestible(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    var source = source(root, file);
                    if (attributes.isSymbolicLink()) {
                        entries.add(link(source, file, realRoot));
                    } else if (attributes.isRegularFile()) {
                        entries.add(new Entry(source, file, null));
                    } else {
                        entries.add(failed(source, source + " is not a regular file (a pipe, socket or device)"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (!file.equals(root) && isIngestible(file)) {
                        var source = source(root, file);
                        entries.add(failed(source, "can't read " + source + ": " + describe(e)));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("can't list " + root + ": " + e.getMessage(), e);
        }
        entries.sort(java.util.Comparator.comparing(Entry::source));
        return entries;
    }

    private static Entry link(String source, Path file, Path realRoot) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            return failed(source, source + " is a symbolic link to nothing (its target does not exist)");
        }
        if (!real.startsWith(realRoot)) {
            return failed(
                    source,
                    source + " is a symbolic link that points outside the folder being ingested; it is not followed");
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            return failed(
                    source,
                    source + " is a symbolic link to a folder or special file; only links to files are followed");
        }
        return new Entry(source, real, null);
    }

    private static Entry failed(String source, String reason) {
        return new Entry(source, null, new IngestFailure(IngestFailure.Kind.UNREADABLE, reason));
    }

    private static String source(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static String describe(IOException e) {
        return switch (e) {
            case java.nio.file.AccessDeniedException ignored -> "permission denied";
            case java.nio.file.NoSuchFileException ignored -> "it disappeared while the folder was read";
            default -> e.getClass().getSimpleName() + firstLine(e.getMessage());
        };
    }

    private static String contentHash(byte[] content, Optional<DocumentMetadata> given, DocumentMetadata inherited) {
        var digest = digest();
        digest.update(PIPELINE_VERSION.getBytes(StandardCharsets.UTF_8));
        digest.update(content);
        digest.update(given.map(Object::toString).orElse("").getBytes(StandardCharsets.UTF_8));
        digest.update(inherited.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static byte[] sha256(byte[] bytes) {
        return digest().digest(bytes);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first line of an exception's message, shortened, after a colon; empty when there is none. */
    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        var line = message.lines().findFirst().orElse("").strip();
        return ": " + (line.length() > 200 ? line.substring(0, 200) + "…" : line);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
