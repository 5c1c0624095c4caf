package org.pathwise.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.pathwise.retrieval.BlockKind;

/**
 * Reads an HTML element tree (a web page, or the XHTML Tika writes for PDF, DOCX and PPTX) into headings and blocks:
 * {@code h1}–{@code h6} are headings, and so are paragraphs styled as headings (Tika writes a Word paragraph whose
 * style it does not map as {@code <p class="style_name">}, so "Titre 1" or "Überschrift 2" arrive that way); {@code
 * p}, {@code dt}, {@code dd} and captions are paragraphs; {@code ul} is a list and {@code ol} steps, nested lists
 * flattened into their items; a table is its rows, cells joined by {@code " | "}; {@code pre} is code and {@code
 * blockquote} a quotation. Text that sits directly in a container ({@code div}, {@code section}, ...) is a paragraph
 * of its own between the blocks around it.
 */
final class HtmlBlocks {

    /** Where the headings and blocks go, in reading order. */
    interface Sink {
        /**
         * @param level 1 for {@code h1}, ...
         * @param id the element's id, or blank
         */
        void heading(int level, String text, String id);

        void block(ParsedDocument.Block block);
    }

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> PARAGRAPHS = Set.of("p", "dt", "dd", "figcaption", "caption", "address");
    private static final Set<String> SKIPPED =
            Set.of("script", "style", "noscript", "template", "nav", "svg", "iframe", "object", "head", "img");
    private static final java.util.Map<String, InlineMark.Kind> MARKS = java.util.Map.of(
            "a", InlineMark.Kind.LINK,
            "strong", InlineMark.Kind.STRONG,
            "b", InlineMark.Kind.STRONG,
            "em", InlineMark.Kind.EMPHASIS,
            "i", InlineMark.Kind.EMPHASIS,
            "code", InlineMark.Kind.CODE);
    private static final Pattern HEADING_STYLE =
            Pattern.compile("(?i)(?:heading|titre|t[ií]tulo|[üu]berschrift|titolo|judul|kop)[ _-]?([1-6])");

    private HtmlBlocks() {}

    /**
     * Elements nested deeper than this below the root are read as the text they hold, one paragraph, without
     * recursing further: the reader recurses once per level and must not overflow the stack on hostile input.
     */
    static final int MAX_DEPTH = 200;

    /** Reads the children of {@code root}. */
    static void read(Element root, Sink sink) {
        var inline = new StringBuilder();
        children(root, sink, inline, 0);
        flush(inline, sink);
    }

    /** The blocks of {@code root}, its headings made heading blocks: for a page or a slide, which has no sections. */
    static List<ParsedDocument.Block> blocks(Element root) {
        var blocks = new ArrayList<ParsedDocument.Block>();
        read(root, new Sink() {
            @Override
            public void heading(int level, String text, String id) {
                block(new ParsedDocument.Block(BlockKind.HEADING, List.of(text)));
            }

            @Override
            public void block(ParsedDocument.Block block) {
                if (!block.isEmpty()) {
                    blocks.add(block);
                }
            }
        });
        return blocks;
    }

    /**
     * The inline formatting under {@code root} in reading order: links with a target, {@code strong}/{@code b},
     * {@code em}/{@code i} and {@code code}, the outermost of nested ones only. Headings, preformatted text and the
     * elements the reader skips give none. Walks the tree without recursion.
     */
    static List<InlineMark> marks(Element root) {
        var marks = new ArrayList<InlineMark>();
        NodeTraversor.filter(
                (node, depth) -> {
                    if (!(node instanceof Element element) || element == root) {
                        return NodeFilter.FilterResult.CONTINUE;
                    }
                    var name = element.normalName();
                    if (SKIPPED.contains(name) || HEADINGS.contains(name) || name.equals("pre")) {
                        return NodeFilter.FilterResult.SKIP_ENTIRELY;
                    }
                    var kind = MARKS.get(name);
                    if (kind == null
                            || (kind == InlineMark.Kind.LINK
                                    && element.attr("href").isBlank())) {
                        return NodeFilter.FilterResult.CONTINUE;
                    }
                    var text = element.text();
                    if (!text.isBlank()) {
                        marks.add(new InlineMark(kind, text, kind == InlineMark.Kind.LINK ? element.attr("href") : ""));
                    }
                    return NodeFilter.FilterResult.SKIP_ENTIRELY;
                },
                root);
        return marks;
    }

    private static void children(Element element, Sink sink, StringBuilder inline, int depth) {
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text) {
                inline.append(text.text());
            } else if (child instanceof Element e) {
                element(e, sink, inline, depth + 1);
            }
        }
    }

    private static void element(Element element, Sink sink, StringBuilder inline, int depth) {
        var name = element.normalName();
        if (SKIPPED.contains(name)) {
            return;
        }
        if (depth > MAX_DEPTH) {
            // element.text() walks the subtree without recursion
            inline.append(' ').append(element.text()).append(' ');
            return;
        }
        if (name.equals("br")) {
            inline.append(' ');
            return;
        }
        if (element.isBlock() || HEADINGS.contains(name) || PARAGRAPHS.contains(name) || name.equals("li")) {
            flush(inline, sink);
        } else {
            inline.append(element.text());
            if (!element.text().isEmpty()) {
                inline.append(' ');
            }
            return;
        }
        var style = HEADING_STYLE.matcher(element.className());
        if (HEADINGS.contains(name)) {
            heading(sink, name.charAt(1) - '0', element);
        } else if (name.equals("p") && style.find()) {
            heading(sink, style.group(1).charAt(0) - '0', element);
        } else if (PARAGRAPHS.contains(name)) {
            sink.block(ParsedDocument.Block.paragraph(element.text()));
        } else if (name.equals("ul") || name.equals("ol")) {
            var items = new ArrayList<String>();
            listItems(element, items, depth);
            sink.block(new ParsedDocument.Block(name.equals("ol") ? BlockKind.STEPS : BlockKind.LIST, items));
        } else if (name.equals("table")) {
            var rows = new ArrayList<String>();
            for (var row : element.select("tr")) {
                var cells = row.select("> td, > th").eachText().stream()
                        .filter(cell -> !cell.isBlank())
                        .toList();
                rows.add(String.join(" | ", cells));
            }
            sink.block(new ParsedDocument.Block(BlockKind.TABLE, rows));
        } else if (name.equals("pre")) {
            sink.block(new ParsedDocument.Block(BlockKind.CODE, List.of(element.wholeText())));
        } else if (name.equals("blockquote")) {
            var paragraphs = element.select("p").eachText();
            sink.block(new ParsedDocument.Block(
                    BlockKind.QUOTE, paragraphs.isEmpty() ? List.of(element.text()) : paragraphs));
        } else {
            children(element, sink, inline, depth);
            flush(inline, sink);
        }
    }

    private static void heading(Sink sink, int level, Element element) {
        var text = element.text().strip();
        if (!text.isEmpty()) {
            sink.heading(level, text, element.id());
        }
    }

    /** The items of a list, each without its nested lists, whose items follow it. */
    private static void listItems(Element list, List<String> items, int depth) {
        for (var item : list.children()) {
            if (!item.normalName().equals("li")) {
                continue;
            }
            var own = item.clone();
            own.select("ul, ol").remove();
            items.add(own.text());
            for (var nested : item.select("> ul, > ol")) {
                if (depth < MAX_DEPTH) {
                    listItems(nested, items, depth + 1);
                } else {
                    items.add(nested.text());
                }
            }
        }
    }

    private static void flush(StringBuilder inline, Sink sink) {
        var text = inline.toString().strip();
        inline.setLength(0);
        if (!text.isEmpty()) {
            sink.block(ParsedDocument.Block.paragraph(text.replaceAll("\\s+", " ")));
        }
    }
}
