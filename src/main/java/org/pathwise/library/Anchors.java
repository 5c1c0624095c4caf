package org.pathwise.library;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Heading anchors the way GitHub and most static site generators make them: lower case, punctuation dropped, spaces
 * turned into hyphens, and {@code -1}, {@code -2} appended to repeats within one document.
 */
final class Anchors {

    private final Map<String, Integer> seen = new HashMap<>();

    String anchor(String heading) {
        var slug = Normalizer.normalize(heading.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFC)
                .replaceAll("[^\\p{L}\\p{N}\\s_-]", "")
                .replaceAll("\\s", "-");
        int count = seen.merge(slug, 1, Integer::sum);
        return count == 1 ? slug : slug + "-" + (count - 1);
    }
}
