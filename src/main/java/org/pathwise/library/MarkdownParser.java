package org.pathwise.library;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.pathwise.retrieval.BlockKind;

/**
 * Markdown with optional YAML front matter, parsed by commonmark-java (with GitHub tables). Headings start sections
 * whose position is the heading's anchor; the other blocks keep their kind: a paragraph's hard-wrapped lines are
 * joined, links keep their text and images are dropped; a list keeps each item whole (nested items follow their
 * parent); a table keeps its rows; code stays as written. Pandoc fenced-div markers ({@code ::: callout}) and
 * attribute blocks after images and links ({@code {alt='…'}}) are dropped, and raw HTML blocks contribute only their
 * visible text.
 */
final class MarkdownParser implements DocumentParser {

    private static final Pattern FENCED_DIV = Pattern.compile("(?m)^ {0,3}:{3,}.*$");
    /** The box of a task-list item, {@code - [ ] item} or {@code - [x] item}. */
    private static final Pattern TASK_BOX = Pattern.compile("^\\[[ xX]]\\s+");

    /**
     * The deepest nesting of blocks and inline markup read, counted in nodes (a list item in a list is two levels);
     * deeper documents are refused with a reason.
     */
    static final int MAX_DEPTH = 200;

    /** Unclosed HTML comments, processing instructions or CDATA openers left as they are; more are escaped. */
    private static final int UNCLOSED_TOLERATED = 100;

    private static final Pattern ATTRIBUTES = Pattern.compile("(?<=[)\\]])\\{[^{}\\n]*}");

    private final Parser parser =
            Parser.builder().extensions(List.of(TablesExtension.create())).build();

    @Override
    public ParsedDocument parse(String name, byte[] content) {
        var text = TextDecoding.decode(content, name).replace("\r\n", "\n").replace('\r', '\n');
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
        body = escapeUnclosed(body, "<!--", "-->");
        body = escapeUnclosed(body, "<?", "?>");
        body = escapeUnclosed(body, "<![CDATA[", "]]>");
        body = FENCED_DIV.matcher(body).replaceAll("");
        body = ATTRIBUTES.matcher(body).replaceAll("");
        var concealed = new ArrayList<>(ConcealedText.comments(body));
        var document = parser.parse(body);
        int depth = depth(document);
        if (depth > MAX_DEPTH) {
            throw new IngestException(
                    IngestFailure.Kind.UNREADABLE,
                    name + " nests quotations, lists or inline markup " + depth
                            + " levels deep (a list and its item count as"
                            + " two), over the limit of "
                            + MAX_DEPTH + ": flatten the structure and ingest it again");
        }
        var collector = new SectionCollector();
        for (var node = document.getFirstChild(); node != null; node = node.getNext()) {
            block(node, collector, concealed);
        }
        var marks = new ArrayList<InlineMark>();
        marks(document, marks);
        return new ParsedDocument(metadata, collector.sections(), concealed, marks);
    }

    /**
     * The inline formatting under {@code node} in reading order: links, strong and emphasised text and inline code,
     * the outermost of nested marks only. Headings, code blocks and raw HTML give none.
     */
    private static void marks(Node node, List<InlineMark> marks) {
        for (var child = node.getFirstChild(); child != null; child = child.getNext()) {
            switch (child) {
                case Link link
                when !link.getDestination().isBlank() ->
                    add(marks, InlineMark.Kind.LINK, inline(link), link.getDestination());
                case StrongEmphasis strong -> add(marks, InlineMark.Kind.STRONG, inline(strong), "");
                case Emphasis emphasis -> add(marks, InlineMark.Kind.EMPHASIS, inline(emphasis), "");
                case Code code -> add(marks, InlineMark.Kind.CODE, code.getLiteral(), "");
                case Heading ignored -> {}
                case HtmlBlock ignored -> {}
                default -> marks(child, marks);
            }
        }
    }

    private static void add(List<InlineMark> marks, InlineMark.Kind kind, String text, String href) {
        if (!text.isBlank()) {
            marks.add(new InlineMark(kind, text, href));
        }
    }

    /**
     * The text with every {@code opener} that no {@code closer} follows escaped, when there are more than a few:
     * commonmark-java looks for the closer from each such opener to the end of the text, which takes quadratic time
     * (20,000 unclosed {@code <!--} take seconds, 200,000 minutes). The escaped openers read as the text they are.
     */
    static String escapeUnclosed(String text, String opener, String closer) {
        int lastCloser = text.lastIndexOf(closer);
        int from = lastCloser < 0 ? 0 : lastCloser + closer.length();
        int count = 0;
        for (int at = text.indexOf(opener, from);
                at >= 0 && count <= UNCLOSED_TOLERATED;
                at = text.indexOf(opener, at + 1)) {
            count++;
        }
        if (count <= UNCLOSED_TOLERATED) {
            return text;
        }
        return text.substring(0, from) + text.substring(from).replace(opener, "\\" + opener);
    }

    /**
     * The depth of the deepest node under {@code root}, found without recursion: the readers below recurse once per
     * level, so a document nested deeper than {@link #MAX_DEPTH} is refused before they see it.
     */
    static int depth(Node root) {
        int max = 0;
        int depth = 0;
        var node = root;
        while (node != null) {
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                depth++;
                max = Math.max(max, depth);
                continue;
            }
            while (node != root && node.getNext() == null) {
                node = node.getParent();
                depth--;
            }
            node = node == root ? null : node.getNext();
        }
        return max;
    }

    private static void block(Node node, SectionCollector collector, List<String> concealed) {
        switch (node) {
            case Heading heading -> collector.heading(heading.getLevel(), inline(heading), "");
            case Paragraph paragraph -> collector.paragraph(visibleInline(paragraph, concealed));
            case ListBlock list -> list(list, collector, concealed);
            case FencedCodeBlock code -> code(code.getLiteral(), collector);
            case IndentedCodeBlock code -> code(code.getLiteral(), collector);
            case TableBlock table -> collector.block(new ParsedDocument.Block(BlockKind.TABLE, rows(table)));
            case BlockQuote quote -> {
                var paragraphs = new ArrayList<String>();
                for (var child = quote.getFirstChild(); child != null; child = child.getNext()) {
                    paragraphs.add(inline(child));
                }
                collector.block(new ParsedDocument.Block(BlockKind.QUOTE, paragraphs));
            }
            case HtmlBlock html -> {
                var fragment = Jsoup.parseBodyFragment(html.getLiteral());
                // comments were collected from the whole text already
                ConcealedText.remove(fragment).stream()
                        .filter(text -> !concealed.contains(text))
                        .forEach(concealed::add);
                HtmlBlocks.read(fragment.body(), collector);
            }
            case ThematicBreak ignored -> {}
            default -> {
                for (var child = node.getFirstChild(); child != null; child = child.getNext()) {
                    block(child, collector, concealed);
                }
            }
        }
    }

    private static void code(String literal, SectionCollector collector) {
        var code = literal.stripTrailing();
        if (!code.isBlank()) {
            collector.block(new ParsedDocument.Block(BlockKind.CODE, List.of(code)));
        }
    }

    /**
     * A list as one block of its items; an item's nested list adds its items after it, and a block an item holds that
     * is not text (code, a table) ends the list there, follows it, and a new list takes up the remaining items.
     */
    private static void list(ListBlock list, SectionCollector collector, List<String> concealed) {
        var kind = list instanceof OrderedList ? BlockKind.STEPS : BlockKind.LIST;
        var items = new ArrayList<String>();
        items(list, kind, items, collector, concealed);
        collector.block(new ParsedDocument.Block(kind, items));
    }

    private static void items(
            ListBlock list, BlockKind kind, List<String> items, SectionCollector collector, List<String> concealed) {
        for (var item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            var text = new StringBuilder();
            for (var child = item.getFirstChild(); child != null; child = child.getNext()) {
                switch (child) {
                    case Paragraph paragraph ->
                        text.append(text.isEmpty() ? "" : " ").append(inline(paragraph));
                    case ListBlock nested -> {
                        flushItem(text, items);
                        items(nested, kind, items, collector, concealed);
                    }
                    default -> {
                        flushItem(text, items);
                        collector.block(new ParsedDocument.Block(kind, items));
                        items.clear();
                        block(child, collector, concealed);
                    }
                }
            }
            flushItem(text, items);
        }
    }

    private static void flushItem(StringBuilder text, List<String> items) {
        var item = TASK_BOX.matcher(text.toString().strip()).replaceFirst("");
        if (!item.isBlank()) {
            items.add(item);
        }
        text.setLength(0);
    }

    private static List<String> rows(TableBlock table) {
        var rows = new ArrayList<String>();
        collectRows(table, rows);
        return rows;
    }

    private static void collectRows(Node node, List<String> rows) {
        for (var child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof TableRow row) {
                var cells = new ArrayList<String>();
                for (var cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        var text = inline(cell);
                        if (!text.isBlank()) {
                            cells.add(text);
                        }
                    }
                }
                rows.add(String.join(" | ", cells));
            } else {
                collectRows(child, rows);
            }
        }
    }

    /**
     * The text of a paragraph as a reader sees it: when it holds inline HTML, the paragraph is read as HTML so that
     * text an inline style or attribute hides ({@code <span style="color:white">}) is kept aside as concealed, not
     * read as the paragraph's text.
     */
    private static String visibleInline(Node paragraph, List<String> concealed) {
        if (!hasInlineHtml(paragraph)) {
            return inline(paragraph);
        }
        var html = new StringBuilder();
        appendHtml(paragraph, html);
        var fragment = Jsoup.parseBodyFragment(html.toString());
        ConcealedText.remove(fragment).stream()
                .filter(text -> !concealed.contains(text))
                .forEach(concealed::add);
        return fragment.body().text().replaceAll("\\s+", " ").strip();
    }

    private static boolean hasInlineHtml(Node node) {
        for (var child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof HtmlInline || hasInlineHtml(child)) {
                return true;
            }
        }
        return false;
    }

    private static void appendHtml(Node node, StringBuilder html) {
        for (var child = node.getFirstChild(); child != null; child = child.getNext()) {
            switch (child) {
                case org.commonmark.node.Text literal ->
                    html.append(org.jsoup.nodes.Entities.escape(literal.getLiteral()));
                case Code code -> html.append(org.jsoup.nodes.Entities.escape(code.getLiteral()));
                case SoftLineBreak ignored -> html.append(' ');
                case HardLineBreak ignored -> html.append(' ');
                case Image ignored -> {}
                case HtmlInline raw -> html.append(raw.getLiteral());
                default -> appendHtml(child, html);
            }
        }
    }

    /** The text of a node's inline content: line breaks as spaces, links as their text, images and raw HTML left out. */
    private static String inline(Node node) {
        var text = new StringBuilder();
        appendInline(node, text);
        return text.toString().replaceAll("\\s+", " ").strip();
    }

    private static void appendInline(Node node, StringBuilder text) {
        for (var child = node.getFirstChild(); child != null; child = child.getNext()) {
            switch (child) {
                case org.commonmark.node.Text literal -> text.append(literal.getLiteral());
                case Code code -> text.append(code.getLiteral());
                case SoftLineBreak ignored -> text.append(' ');
                case HardLineBreak ignored -> text.append(' ');
                case Image ignored -> {}
                case HtmlInline ignored -> {}
                default -> appendInline(child, text);
            }
        }
    }
}
