package org.pathwise.pathways;

import java.util.Locale;

/**
 * The delivery an educator can follow: {@code online} only online courses; {@code blended} online and blended courses
 * (they can come to some in-person sessions); {@code any} every course, in-person ones included.
 */
enum ModePreference {
    ONLINE,
    BLENDED,
    ANY;

    static ModePreference parse(String text) {
        var key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "online" -> ONLINE;
            case "blended" -> BLENDED;
            case "any", "" -> ANY;
            default -> throw new IllegalArgumentException("unknown mode '" + text + "': use online, blended or any");
        };
    }

    boolean accepts(Delivery delivery) {
        return switch (this) {
            case ONLINE -> delivery == Delivery.ONLINE;
            case BLENDED -> delivery != Delivery.IN_PERSON;
            case ANY -> true;
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
