package org.pathwise.library;

import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * HTML pages, parsed by jsoup. Headings ({@code h1}–{@code h6}) start sections whose position is the heading's
 * {@code id} (or a slug of its text); paragraphs, list items, table cells and preformatted blocks are the text.
 * Scripts, styles and navigation are dropped; comments and hidden elements too, and their text is kept aside as
 * concealed text ({@link ConcealedText}). The title, language, author and licence come from
 * {@code <title>}, {@code <html lang>}, {@code <meta name="author">} and {@code <link rel="license">}.
 */
final class HtmlParser implements DocumentParser {

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final String BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,pre,blockquote,td,th,dt,dd,figcaption,caption";

    @Override
    public ParsedDocument parse(String name, byte[] content) {
        var html = Jsoup.parse(MarkdownParser.Text.decode(content, name));
        var metadata = metadata(html, name);
        html.select("script,style,noscript,template,nav,svg,iframe,object").remove();
        var body = html.body();
        var concealed = ConcealedText.remove(html);
        var collector = new SectionCollector();
        var selected = body.select(BLOCKS);
        for (Element element : selected) {
            if (hasSelectedAncestor(element, selected)) {
                continue;
            }
            if (HEADINGS.contains(element.normalName())) {
                collector.heading(
                        element.normalName().charAt(1) - '0', element.text().strip(), element.id());
            } else {
                collector.block(element.normalName().equals("pre") ? element.wholeText() : element.text());
            }
        }
        var sections = collector.sections();
        if (sections.isEmpty() && !body.text().isBlank()) {
            sections.add(new ParsedDocument.Section(
                    List.of(), "", List.of(body.text().strip())));
        }
        return new ParsedDocument(metadata, sections, concealed);
    }

    private static boolean hasSelectedAncestor(Element element, List<Element> selected) {
        for (var parent = element.parent(); parent != null; parent = parent.parent()) {
            if (!HEADINGS.contains(parent.normalName()) && selected.contains(parent)) {
                return true;
            }
        }
        return false;
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
