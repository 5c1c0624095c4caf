package org.pathwise.library;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The file formats the library reads, chosen by file extension. */
final class Formats {

    /** A supported format: its media type and the parser that reads it. */
    record Format(String mediaType, DocumentParser parser) {}

    private final Map<String, Format> byExtension;

    Formats() {
        var markdown = new Format("text/markdown", new MarkdownParser());
        var html = new Format("text/html", new HtmlParser());
        var text = new Format("text/plain", new PlainTextParser());
        var tika = new TikaParser();
        byExtension = Map.of(
                "md", markdown,
                "markdown", markdown,
                "html", html,
                "htm", html,
                "txt", text,
                "pdf", new Format("application/pdf", tika),
                "docx", new Format("application/vnd.openxmlformats-officedocument.wordprocessingml.document", tika),
                "pptx", new Format("application/vnd.openxmlformats-officedocument.presentationml.presentation", tika));
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
