package org.pathwise.library;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.Selector;

/**
 * Text in HTML that a reader does not see: comments, and elements hidden by the {@code hidden} attribute,
 * {@code aria-hidden="true"}, or a style, inline or in a {@code <style>} rule for a class, id or element, that
 * removes them ({@code display:none}, {@code visibility:hidden}), makes them invisible (zero or near-zero opacity or
 * font size, {@code transparent} text, text the colour of its background, white on the default white), moves them off
 * the screen (a large negative offset or text indent) or clips them to nothing ({@code clip: rect(0 0 0 0)}, a zero
 * size with hidden overflow, {@code transform: scale(0)}). Hidden elements are taken out of the document before its
 * text is read, so their text never reaches a passage; what they said is kept aside for ingestion to check for
 * instructions aimed at an AI.
 */
final class ConcealedText {

    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)}");
    private static final Pattern NUMBER = Pattern.compile("^(-?\\d*\\.?\\d+)([a-z%]*)$");

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
        var styled = styleRules(root);
        var hidden = new ArrayList<Element>();
        NodeTraversor.filter(
                new NodeFilter() {
                    @Override
                    public FilterResult head(Node node, int depth) {
                        if (node instanceof Element element && isHidden(element, styled)) {
                            hidden.add(element);
                            return FilterResult.SKIP_ENTIRELY;
                        }
                        return FilterResult.CONTINUE;
                    }

                    @Override
                    public FilterResult tail(Node node, int depth) {
                        return FilterResult.CONTINUE;
                    }
                },
                root);
        for (var element : hidden) {
            if (!element.text().isBlank()) {
                concealed.add(element.text().strip());
            }
            element.remove();
        }
        return concealed;
    }

    /** The HTML comments in a text that is not HTML throughout (Markdown), in order. */
    static List<String> comments(String text) {
        // a scan rather than a regular expression, which would take quadratic time over many unclosed comments
        var found = new ArrayList<String>();
        int from = 0;
        while (true) {
            int start = text.indexOf("<!--", from);
            if (start < 0) {
                break;
            }
            int end = text.indexOf("-->", start + 4);
            if (end < 0) {
                break;
            }
            var comment = text.substring(start + 4, end);
            if (!comment.isBlank()) {
                found.add(comment.strip());
            }
            from = end + 3;
        }
        return found;
    }

    /** The elements that a {@code <style>} rule hides, found by the rule's selector. */
    private static Set<Element> styleRules(Element root) {
        var hidden = new LinkedHashSet<Element>();
        var document = root.ownerDocument() == null ? root : root.ownerDocument();
        for (var style : document.select("style")) {
            var matcher = RULE.matcher(style.data().replaceAll("(?s)/\\*.*?\\*/", ""));
            while (matcher.find()) {
                if (!hides(declarations(matcher.group(2)), null)) {
                    continue;
                }
                for (var selector : matcher.group(1).split(",")) {
                    if (selector.isBlank() || selector.contains("@")) {
                        continue;
                    }
                    try {
                        hidden.addAll(root.select(selector.strip()));
                    } catch (Selector.SelectorParseException e) {
                        // a selector jsoup can't read (pseudo-elements and the like) hides nothing we can find
                    }
                }
            }
        }
        return hidden;
    }

    private static boolean isHidden(Element element, Set<Element> styled) {
        if (element.hasAttr("hidden")
                || element.attr("aria-hidden").equalsIgnoreCase("true")
                || styled.contains(element)) {
            return true;
        }
        if (!element.hasAttr("style")) {
            return false;
        }
        return hides(declarations(element.attr("style")), background(element.parent()));
    }

    /** The background colour an element's text is drawn on: the nearest inline one above it, else white. */
    private static String background(Element element) {
        for (var e = element; e != null; e = e.parent()) {
            if (e.hasAttr("style")) {
                var declarations = declarations(e.attr("style"));
                var colour = declarations.getOrDefault("background-color", declarations.get("background"));
                if (colour != null && !colour.isBlank()) {
                    return normalColour(colour);
                }
            }
        }
        return "white";
    }

    private static Map<String, String> declarations(String style) {
        var declarations = new HashMap<String, String>();
        for (var declaration : style.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon > 0) {
                declarations.put(
                        declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        declaration
                                .substring(colon + 1)
                                .replace("!important", "")
                                .strip()
                                .toLowerCase(Locale.ROOT));
            }
        }
        return declarations;
    }

    /**
     * Whether these declarations hide the text of an element drawn on {@code background} (null when unknown, as for
     * a style rule, whose elements may sit on any background).
     */
    private static boolean hides(Map<String, String> style, String background) {
        var display = style.getOrDefault("display", "");
        var visibility = style.getOrDefault("visibility", "");
        if (display.equals("none") || visibility.equals("hidden") || visibility.equals("collapse")) {
            return true;
        }
        if (atMost(style.get("opacity"), 0.05) || atMost(style.get("font-size"), 1.5)) {
            return true;
        }
        var ownBackground = style.getOrDefault("background-color", style.get("background"));
        var backdrop = ownBackground == null || ownBackground.isBlank() ? background : normalColour(ownBackground);
        var colour = style.get("color");
        if (colour != null) {
            var normal = normalColour(colour);
            if (normal.equals("transparent")
                    || normal.matches("rgba\\([^)]*,0(\\.0*)?\\)")
                    || normal.equals(backdrop)) {
                return true;
            }
        }
        for (var offset : List.of("left", "top", "right", "margin-left", "margin-top", "text-indent")) {
            if (atMost(style.get(offset), -999)) {
                return true;
            }
        }
        var clip = style.getOrDefault("clip", "").replace(" ", "");
        if (clip.startsWith("rect(0") && clip.replaceAll("[^1-9]", "").isEmpty()) {
            return true;
        }
        if (style.getOrDefault("transform", "").replace(" ", "").matches("scale\\(0(\\.0*)?(,0(\\.0*)?)?\\)")) {
            return true;
        }
        var overflow = style.getOrDefault("overflow", "");
        return overflow.equals("hidden") && (atMost(style.get("width"), 1) || atMost(style.get("height"), 1));
    }

    /**
     * Whether a CSS number or length is at most {@code limit}: a length in CSS pixels (an em taken as 16 px), a
     * percentage of opacity as a fraction.
     */
    private static boolean atMost(String value, double limit) {
        if (value == null) {
            return false;
        }
        var matcher = NUMBER.matcher(value.strip());
        if (!matcher.matches()) {
            return false;
        }
        double number = Double.parseDouble(matcher.group(1));
        number = switch (matcher.group(2)) {
            case "", "px" -> number;
            case "pt" -> number * 4 / 3;
            case "em", "rem", "ch", "ex" -> number * 16;
            case "%" -> limit < 1 && limit > 0 ? number / 100 : number * 16 / 100;
            case "vw", "vh", "vmin", "vmax" -> number * 10;
            case "cm" -> number * 96 / 2.54;
            case "mm" -> number * 96 / 25.4;
            case "in" -> number * 96;
            default -> Double.NaN;
        };
        return number <= limit;
    }

    private static String normalColour(String colour) {
        var normal = colour.replace(" ", "").toLowerCase(Locale.ROOT);
        // a background shorthand may hold an image and a colour: keep the colour
        if (normal.contains("url(")) {
            return normal;
        }
        return switch (normal) {
            case "#fff", "#ffffff", "#ffff", "#ffffffff", "rgb(255,255,255)", "rgba(255,255,255,1)" -> "white";
            case "#000", "#000000", "rgb(0,0,0)" -> "black";
            default -> normal;
        };
    }
}
