package org.pathwise.library;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;

/**
 * The file formats the library reads, chosen by file extension and then checked against the content: Apache Tika's
 * detector sniffs the bytes (magic numbers, zip containers), and a file whose content is not what its extension
 * claims is refused with what the content looks like, before any parser sees it.
 */
final class Formats {

    /** A supported format: its media type, the parser that reads it, and the name users know it by. */
    record Format(String mediaType, DocumentParser parser, String name) {

        /** Whether the format is text (Markdown, HTML, plain text) rather than a binary container. */
        boolean isText() {
            return mediaType.startsWith("text/");
        }
    }

    private final Map<String, Format> byExtension;
    private final Detector detector;
    private final MediaTypeRegistry registry;

    Formats() {
        var tikaConfig = TikaConfig.getDefaultConfig();
        detector = tikaConfig.getDetector();
        registry = tikaConfig.getMediaTypeRegistry();
        var markdown = new Format("text/markdown", new MarkdownParser(), "Markdown");
        var html = new Format("text/html", new HtmlParser(), "HTML");
        var text = new Format("text/plain", new PlainTextParser(), "plain text");
        var tika = new TikaParser();
        byExtension = Map.of(
                "md", markdown,
                "markdown", markdown,
                "html", html,
                "htm", html,
                "txt", text,
                "pdf", new Format("application/pdf", tika, "PDF"),
                "docx",
                        new Format(
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                tika,
                                "DOCX"),
                "pptx",
                        new Format(
                                "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                                tika,
                                "PPTX"));
    }

    /**
     * Checks that the content is what the format claims: a PDF starts as one, a DOCX or PPTX is a zip archive, and a
     * text file is not a document, image, archive or program of another kind.
     *
     * @throws IngestException naming what the content looks like when it is not
     */
    void check(String source, Format format, byte[] content) {
        if (content.length == 0) {
            throw new IngestException(IngestFailure.Kind.NO_TEXT, source + " is empty");
        }
        var detected = detect(content);
        if (format.isText()) {
            if (!looksLikeText(detected)) {
                throw new IngestException(
                        IngestFailure.Kind.UNREADABLE,
                        source + " is named as " + format.name() + " but its content looks like " + detected
                                + ": give it the extension of its real format, or convert it to text");
            }
            return;
        }
        boolean pdf = format.mediaType().equals("application/pdf");
        boolean matches = pdf
                ? detected.equals(MediaType.application("pdf"))
                : detected.toString().equals(format.mediaType())
                        || detected.getSubtype().equals("x-tika-ooxml");
        if (!matches) {
            var what = pdf
                    ? "a valid PDF"
                    : "a valid " + format.name()
                            + (isZip(detected)
                                    ? " (it is a zip archive, but not of a " + format.name() + ")"
                                    : " (a zip archive)");
            throw new IngestException(
                    IngestFailure.Kind.UNREADABLE, source + " is not " + what + "; the content looks like " + detected);
        }
    }

    private MediaType detect(byte[] content) {
        try (var stream = TikaInputStream.get(new ByteArrayInputStream(content))) {
            return detector.detect(stream, new Metadata());
        } catch (IOException | RuntimeException e) {
            return MediaType.OCTET_STREAM;
        }
    }

    private boolean looksLikeText(MediaType type) {
        return type.equals(MediaType.OCTET_STREAM)
                || type.getType().equals("text")
                || type.getSubtype().endsWith("xml")
                || registry.isSpecializationOf(type, MediaType.TEXT_PLAIN);
    }

    private boolean isZip(MediaType type) {
        return type.equals(MediaType.APPLICATION_ZIP)
                || registry.isSpecializationOf(type, MediaType.APPLICATION_ZIP)
                || type.getSubtype().startsWith("vnd.openxmlformats-officedocument")
                || type.getSubtype().equals("x-tika-ooxml");
    }

    Optional<Format> of(String fileName) {
        return Optional.ofNullable(byExtension.get(extension(fileName)));
    }

    static String extension(String fileName) {
        var name = fileName.substring(fileName.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The reason given for a file of an unsupported type. */
    static String unsupported(String fileName) {
        var extension = extension(fileName);
        var what =
                extension.isEmpty() ? "a file without an extension" : "an unsupported file type (." + extension + ")";
        return fileName + " is " + what + ": Pathwise reads Markdown (.md), HTML (.html), PDF (.pdf), Word (.docx),"
                + " PowerPoint (.pptx) and plain text (.txt)";
    }
}
