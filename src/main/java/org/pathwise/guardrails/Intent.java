package org.pathwise.guardrails;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A kind of request recognised by its structure rather than by a sentence: every one of its parts (who or what it is
 * about, what is to be done, and that the assistant is asked to do it) must occur somewhere in the question, in any
 * order and wording. "Should I pass Léa Martin?", "Léa Martin a 8,5 : je la fais passer ou pas ?" and "Tell me
 * whether the student in row 3 passes" share a decision, a particular learner and a request for the decision, and
 * nothing else. Each part is a case-insensitive pattern over the question with its accents removed
 * ({@link InjectionTexts#fold}), so "élève" and "eleve" read alike; a part that needs capitals (a name) says so
 * with {@code (?-i:...)}.
 *
 * @param name what the intent is, reported as evidence
 * @param parts the patterns that must all match
 */
record Intent(String name, List<Pattern> parts) {

    Intent {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("an intent needs at least one part");
        }
    }

    /** An intent from its parts' regular expressions. */
    static Intent of(String name, String... parts) {
        return new Intent(
                name,
                Arrays.stream(parts)
                        .map(p -> Pattern.compile("(?iu)(?:" + p + ")"))
                        .toList());
    }

    /** The question as the parts read it. */
    static String fold(String question) {
        return InjectionTexts.fold(question, false);
    }

    /**
     * The words of a folded question that made up this intent, joined by " … ", or empty when a part is missing. A part
     * that matches no words (a guard such as "not about teaching") adds none.
     */
    Optional<String> find(String folded) {
        var words = new ArrayList<String>();
        for (var part : parts) {
            var matcher = part.matcher(folded);
            if (!matcher.find()) {
                return Optional.empty();
            }
            if (!matcher.group().isBlank()) {
                words.add(matcher.group().strip());
            }
        }
        return Optional.of(String.join(" … ", words));
    }

    /** The first intent of the list found in the question, as {@code name: "words"}. */
    static Optional<String> first(List<Intent> intents, String question) {
        var folded = fold(question);
        for (var intent : intents) {
            var found = intent.find(folded);
            if (found.isPresent()) {
                return Optional.of(intent.name() + ": \"" + found.get() + "\"");
            }
        }
        return Optional.empty();
    }
}
