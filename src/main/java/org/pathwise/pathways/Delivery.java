package org.pathwise.pathways;

import java.util.Locale;

/** How a course is delivered. */
enum Delivery {
    ONLINE,
    BLENDED,
    IN_PERSON;

    static Delivery parse(String text) {
        var key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (key) {
            case "online" -> ONLINE;
            case "blended", "hybrid" -> BLENDED;
            case "in-person", "face-to-face", "onsite", "on-site" -> IN_PERSON;
            default ->
                throw new IllegalArgumentException(
                        "unknown delivery mode '" + text + "': use online, blended or in-person");
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
