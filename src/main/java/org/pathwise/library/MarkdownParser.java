package org.pathwise.library;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.Block;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jsoup.Jsoup;

/**
 * Markdown with optional YAML front matter, parsed by commonmark-java. Headings start sections whose position is the
 * heading's anchor; other blocks become the sections' text. Pandoc fenced-div markers ({@code ::: callout}) are
 * dropped, and raw HTML blocks contribute only their visible text.
 */
final class MarkdownParser implements DocumentParser {

    private static final Pattern FENCED_DIV = Pattern.compile("(?m)^ {0,3}:{3,}.*$");

    private final Parser parser = Parser.builder().build();
    private final TextContentRenderer renderer = TextContentRenderer.builder().build();

    @Override
    public ParsedDocument parse(String name, byte[] content) {
        var text = Text.decode(content, name).replace("\r\n", "\n");
        var metadata = DocumentMetadata.EMPTY;
        var body = text;
        if (text.startsWith("---\n")) {
            int end = text.indexOf("\n---", 3);
            if (end < 0) {
                throw new IngestException(
                        IngestFailure.Kind.INVALID_METADATA,
                        "the front matter of " + name + " starting at line 1 is never closed by a '---' line");
            }
            metadata = MetadataYaml.parse(text.substring(4, end + 1), "front matter of " + name, 2);
            int bodyStart = text.indexOf('\n', end + 1);
            var blankLines = "\n"
                    .repeat((int) text.substring(0, Math.max(end, 0)).lines().count() + 1);
            body = blankLines + (bodyStart < 0 ? "" : text.substring(bodyStart + 1));
        }
        body = FENCED_DIV.matcher(body).replaceAll("");
        var concealed = new ArrayList<>(ConcealedText.comments(body));
        return new ParsedDocument(metadata, sections(parser.parse(body), concealed), concealed);
    }

    private List<ParsedDocument.Section> sections(Node document, List<String> concealed) {
        var collector = new SectionCollector();
        for (var node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading) {
                collector.heading(heading.getLevel(), renderer.render(heading).strip(), "");
            } else if (node instanceof HtmlBlock html) {
                var block = Jsoup.parseBodyFragment(html.getLiteral());
                // comments were collected from the whole text already
                ConcealedText.remove(block).stream()
                        .filter(text -> !concealed.contains(text))
                        .forEach(concealed::add);
                collector.block(block.text());
            } else if (node instanceof Block && !(node instanceof ThematicBreak)) {
                collector.block(renderer.render(node));
            }
        }
        return collector.sections();
    }

    /** Text decoding shared by the text-based parsers. */
    static final class Text {
        private Text() {}

        static String decode(byte[] content, String name) {
            var decoder = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
            String text;
            try {
                text = decoder.decode(java.nio.ByteBuffer.wrap(content)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                text = new String(content, StandardCharsets.ISO_8859_1);
            }
            if (text.indexOf('\0') >= 0) {
                throw new IngestException(IngestFailure.Kind.UNREADABLE, name + " looks like a binary file, not text");
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
    }
}
