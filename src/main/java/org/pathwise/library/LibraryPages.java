package org.pathwise.library;

import java.io.IOException;
import java.util.Map;
import org.pathwise.retrieval.Search;
import org.pathwise.retrieval.SearchFilter;
import org.pathwise.retrieval.SearchHitView;
import org.pathwise.retrieval.SearchMode;
import org.pathwise.retrieval.SearchRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** The Library pages: browse and filter documents, search with highlighted snippets, read a document, upload. */
@Controller
class LibraryPages {

    private static final int HITS = 20;

    private final Library library;
    private final Search search;
    private final IngestMetrics metrics;
    private final MessageSource messages;

    LibraryPages(Library library, Search search, IngestMetrics metrics, MessageSource messages) {
        this.library = library;
        this.search = search;
        this.metrics = metrics;
        this.messages = messages;
    }

    @GetMapping("/library")
    String index(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String licence,
            @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "") String course,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("licence", licence);
        model.addAttribute("language", language);
        model.addAttribute("course", course);
        model.addAttribute("licences", library.values("licence"));
        model.addAttribute("languages", library.values("language"));
        model.addAttribute("courses", library.values("course"));
        results(q, licence, language, course, model);
        return "library/index";
    }

    @GetMapping("/library/search")
    String search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String licence,
            @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "") String course,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        if (htmx == null) {
            return index(q, licence, language, course, model);
        }
        model.addAttribute("q", q);
        results(q, licence, language, course, model);
        return "library/results :: results";
    }

    private void results(String q, String licence, String language, String course, Model model) {
        if (q.isBlank()) {
            model.addAttribute(
                    "documents",
                    library.documents(
                            new DocumentQuery(licence, language, course, "", "", "", 0, DocumentQuery.MAX_LIMIT)));
            return;
        }
        var filter = SearchFilter.chosen(licence, language, course);
        var hits = search.search(new SearchRequest(q, HITS, SearchMode.HYBRID, filter)).stream()
                .map(SearchHitView::of)
                .toList();
        model.addAttribute("hits", hits);
    }

    /**
     * A document, its passages as ingestion structured them; {@code quote} names the sentences a citation quotes
     * ({@code p3-s1,p3-s2}), which the page marks.
     */
    @GetMapping("/library/documents/{id}")
    String document(
            @PathVariable String id,
            @RequestParam(name = "quote", required = false) java.util.Set<String> quote,
            Model model) {
        var document = library.document(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no document " + id));
        model.addAttribute("document", document);
        model.addAttribute("quoted", quote == null ? java.util.Set.of() : quote);
        var marks = new InlineMarks(library.marks(id), document.metadata().sourceUrl());
        model.addAttribute(
                "passages",
                library.passages(id).stream()
                        .map(passage -> PassageView.of(passage, marks))
                        .toList());
        return "library/document";
    }

    @PostMapping("/library/documents/{id}/delete")
    String delete(@PathVariable String id) {
        if (!library.delete(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no document " + id);
        }
        return "redirect:/library";
    }

    @GetMapping("/library/upload")
    String uploadForm() {
        return "library/upload";
    }

    @PostMapping("/library/upload")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam Map<String, String> fields, Model model)
            throws IOException {
        var name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        var result = library.upload(name, file.getBytes(), fields, Library.OnConflict.KEEP_BOTH, metrics);
        switch (result) {
            case IngestResult.Indexed indexed -> {
                model.addAttribute("outcome", message("upload.indexed", indexed.source(), indexed.passages()));
                model.addAttribute("documentId", indexed.documentId());
            }
            case IngestResult.Unchanged unchanged -> {
                model.addAttribute("outcome", message("upload.unchanged", unchanged.source()));
                model.addAttribute("documentId", unchanged.documentId());
            }
            case IngestResult.Failed failed ->
                model.addAttribute(
                        "error",
                        message(
                                "upload.failed",
                                failed.source(),
                                failed.failure().reason()));
        }
        return "library/upload";
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
