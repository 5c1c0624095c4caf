package org.pathwise.pathways;

import java.util.Locale;

/**
 * A DigCompEdu proficiency level, ordered A1 (newcomer) &lt; A2 &lt; B1 &lt; B2 &lt; C1 &lt; C2 (pioneer). Levels only go up:
 * completing a course never lowers a competence.
 */
enum Level {
    A1,
    A2,
    B1,
    B2,
    C1,
    C2;

    /**
     * Reads a level, ignoring case and surrounding spaces.
     *
     * @throws IllegalArgumentException naming the value and the accepted levels
     */
    public static Level parse(String text) {
        if (text != null) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // fall through to the message that names the accepted levels
            }
        }
        throw new IllegalArgumentException("unknown level '" + text + "': use A1, A2, B1, B2, C1 or C2");
    }

    /** The higher of two levels. */
    public static Level max(Level a, Level b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
