package org.pathwise.library;

import dev.langchain4j.data.document.BlankDocumentException;
import dev.langchain4j.data.document.parser.apache.tika.ApacheTikaDocumentParser;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.ToXMLContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * PDF, DOCX and PPTX through LangChain4j's Apache Tika parser. The parser is given Tika's XHTML content handler
 * instead of the plain-text one, so that page ({@code <div class="page">}) and slide ({@code <div
 * class="slide-content">}) boundaries, lists, tables and DOCX headings survive ({@link HtmlBlocks}); positions are {@code "page N"} and {@code "slide
 * N"}, and a slide's heading is its title.
 */
final class TikaParser implements DocumentParser {

    /**
     * The most characters of XHTML a document may expand to; beyond, it fails (a small file that expands this far is
     * a decompression bomb, or simply more text than one document should hold).
     */
    static final int MAX_CHARACTERS = 20_000_000;

    private final ApacheTikaDocumentParser parser = new ApacheTikaDocumentParser(
            AutoDetectParser::new,
            () -> new WriteOutContentHandler(new ToXMLContentHandler(), MAX_CHARACTERS),
            Metadata::new,
            ParseContext::new,
            true);

    @Override
    public ParsedDocument parse(String name, byte[] content) {
        dev.langchain4j.data.document.Document parsed;
        try {
            parsed = parser.parse(new ByteArrayInputStream(content));
        } catch (BlankDocumentException e) {
            throw noText(name);
        } catch (RuntimeException e) {
            throw unreadable(name, e);
        }
        var xhtml = Jsoup.parse(parsed.text());
        var sections = new ArrayList<ParsedDocument.Section>();
        var pages = xhtml.select("div.page");
        var slides = xhtml.select("div.slide-content");
        if (!pages.isEmpty()) {
            for (int i = 0; i < pages.size(); i++) {
                addSection(sections, List.of(), "page " + (i + 1), pages.get(i));
            }
        } else if (!slides.isEmpty()) {
            for (int i = 0; i < slides.size(); i++) {
                var slide = slides.get(i);
                addSection(sections, slideTitle(slide), "slide " + (i + 1), slide);
            }
        } else {
            sectionsByHeading(xhtml.body(), sections);
        }
        var metadata = parsed.metadata();
        var title = firstNonBlank(metadata.getString("dc:title"), metadata.getString("title"));
        var author = firstNonBlank(metadata.getString("dc:creator"), metadata.getString("meta:author"));
        var parsedDocument = new ParsedDocument(
                new DocumentMetadata(
                        title, author.isEmpty() ? List.of() : List.of(author), "", "", "", "", List.of(), "", ""),
                sections,
                List.of(),
                HtmlBlocks.marks(xhtml.body()));
        if (!parsedDocument.hasText()) {
            throw noText(name);
        }
        return parsedDocument;
    }

    private static void addSection(
            List<ParsedDocument.Section> sections, List<String> headings, String position, Element container) {
        var blocks = new ArrayList<>(HtmlBlocks.blocks(container));
        if (!headings.isEmpty() && !blocks.isEmpty() && blocks.getFirst().text().equals(headings.getFirst())) {
            // a slide's title is its heading, not a block of its text
            blocks.removeFirst();
        }
        if (!blocks.isEmpty()) {
            sections.add(new ParsedDocument.Section(headings, position, blocks));
        }
    }

    /**
     * Tika does not mark a slide's title, but writes the title placeholder first: a short first paragraph followed by
     * more text is taken as the title.
     */
    private static List<String> slideTitle(Element slide) {
        var paragraphs = slide.select("p,h1,h2,h3");
        if (paragraphs.size() < 2) {
            return List.of();
        }
        var first = paragraphs.getFirst().text().strip();
        return !first.isEmpty() && first.split("\\s+").length <= 12 ? List.of(first) : List.of();
    }

    private static void sectionsByHeading(Element body, List<ParsedDocument.Section> sections) {
        var collector = new SectionCollector();
        HtmlBlocks.read(body, collector);
        sections.addAll(collector.sections());
    }

    private static IngestException noText(String name) {
        return new IngestException(
                IngestFailure.Kind.NO_TEXT,
                name + " has no extractable text (a scanned document needs OCR before it can be ingested)");
    }

    private static IngestException unreadable(String name, RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof WriteLimitReachedException
                    || (cause instanceof org.xml.sax.SAXException sax
                            && sax.getException() instanceof WriteLimitReachedException)
                    || String.valueOf(cause.getMessage())
                            .toLowerCase(java.util.Locale.ROOT)
                            .contains("zip bomb")
                    || String.valueOf(cause.getMessage()).contains("more than " + MAX_CHARACTERS)) {
                return new IngestException(
                        IngestFailure.Kind.UNREADABLE,
                        name + " expands to far more than its size (over " + MAX_CHARACTERS
                                + " characters of text, or a compression ratio typical of a zip bomb): split it"
                                + " into smaller documents",
                        e);
            }
            if (cause instanceof EncryptedDocumentException) {
                return new IngestException(
                        IngestFailure.Kind.UNREADABLE,
                        name + " is encrypted or password-protected: remove the protection and ingest it again",
                        e);
            }
        }
        var cause = e.getCause() != null ? e.getCause() : e;
        return new IngestException(
                IngestFailure.Kind.UNREADABLE,
                name + " is corrupt or unreadable (" + cause.getClass().getSimpleName() + ": "
                        + String.valueOf(cause.getMessage()).lines().findFirst().orElse("") + ")",
                e);
    }

    private static String firstNonBlank(String... values) {
        for (var value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return "";
    }
}
