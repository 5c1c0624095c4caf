package org.pathwise.library;

import java.util.List;
import org.jsoup.Jsoup;

/**
 * HTML pages, parsed by jsoup. Headings ({@code h1}–{@code h6}) start sections whose position is the heading's
 * {@code id} (or a slug of its text); paragraphs, lists, tables, preformatted text and quotations are the blocks
 * ({@link HtmlBlocks}). Scripts, styles and navigation are dropped; comments and hidden elements too, and their text is
 * kept aside as concealed text ({@link ConcealedText}). The title, language, author and licence come from
 * {@code <title>}, {@code <html lang>}, {@code <meta name="author">} and {@code <link rel="license">}.
 */
final class HtmlParser implements DocumentParser {

    @Override
    public ParsedDocument parse(String name, byte[] content) {
        var html = Jsoup.parse(TextDecoding.decode(content, name));
        var metadata = metadata(html, name);
        // hidden text first, while the style rules that may hide it are still there
        var concealed = ConcealedText.remove(html);
        html.select("script,style,noscript,template,nav,svg,iframe,object").remove();
        var collector = new SectionCollector();
        HtmlBlocks.read(html.body(), collector);
        return new ParsedDocument(metadata, collector.sections(), concealed, HtmlBlocks.marks(html.body()));
    }

    private static DocumentMetadata metadata(org.jsoup.nodes.Document html, String name) {
        var where = "HTML head of " + name;
        var language = html.selectFirst("html") == null
                ? ""
                : html.selectFirst("html").attr("lang").strip();
        var author = html.select("meta[name=author], meta[name=dc.creator], meta[name=DC.creator]")
                .eachAttr("content");
        var licence = html.select("link[rel=license], a[rel=license]").eachAttr("href").stream()
                .map(Licences::normalise)
                .flatMap(java.util.Optional::stream)
                .findFirst()
                .orElse("");
        return new DocumentMetadata(
                html.title().strip(),
                author,
                licence,
                language.isEmpty() ? "" : MetadataYaml.languageTag(language, where),
                "",
                "",
                List.of(),
                "",
                "");
    }
}
