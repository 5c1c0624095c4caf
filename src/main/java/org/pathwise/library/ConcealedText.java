package org.pathwise.library;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text in HTML that a reader does not see: comments, and elements hidden by the {@code hidden} attribute,
 * {@code aria-hidden="true"} or an inline style ({@code display:none}, {@code visibility:hidden}, a zero font size or
 * opacity). Hidden elements are taken out of the document before its text is read, so their text never reaches a
 * passage; what they said is kept aside for ingestion to check for instructions aimed at an AI.
 */
final class ConcealedText {

    private static final String HIDDEN = "[hidden], [aria-hidden=true],"
            + " [style~=(?i)(display\\s*:\\s*none|visibility\\s*:\\s*hidden|font-size\\s*:\\s*0(?![.\\d])"
            + "|opacity\\s*:\\s*0(?![.\\d]))]";
    private static final Pattern COMMENT = Pattern.compile("<!--(.*?)-->", Pattern.DOTALL);

    private ConcealedText() {}

    /** Removes the hidden elements and the comments under {@code root} and returns what they said, in order. */
    static List<String> remove(Element root) {
        var concealed = new ArrayList<String>();
        var comments = new ArrayList<Comment>();
        NodeTraversor.traverse(
                (NodeVisitor) (Node node, int depth) -> {
                    if (node instanceof Comment comment) {
                        comments.add(comment);
                    }
                },
                root);
        for (var comment : comments) {
            if (!comment.getData().isBlank()) {
                concealed.add(comment.getData().strip());
            }
            comment.remove();
        }
        for (var hidden : root.select(HIDDEN)) {
            if (!hidden.text().isBlank()) {
                concealed.add(hidden.text().strip());
            }
            hidden.remove();
        }
        return concealed;
    }

    /** The HTML comments in a text that is not HTML throughout (Markdown), in order. */
    static List<String> comments(String text) {
        var found = new ArrayList<String>();
        var matcher = COMMENT.matcher(text);
        while (matcher.find()) {
            if (!matcher.group(1).isBlank()) {
                found.add(matcher.group(1).strip());
            }
        }
        return found;
    }
}
