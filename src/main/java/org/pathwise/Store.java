package org.pathwise;

import java.util.Locale;

/**
 * Where Pathwise keeps its state, chosen by {@code pathwise.store} ({@code PATHWISE_STORE}).
 *
 * <ul>
 *   <li>{@link #EMBEDDED}, the default: an H2 database and a Lucene index in the data directory, for one instance;
 *   <li>{@link #POSTGRES}: every table and the passages with their vectors in one PostgreSQL database with pgvector,
 *       named by {@code pathwise.database.url} ({@code PATHWISE_DATABASE_URL}), so that several instances can share
 *       it.
 * </ul>
 */
public enum Store {
    EMBEDDED,
    POSTGRES;

    /** The property that chooses the store. */
    public static final String PROPERTY = "pathwise.store";

    /**
     * The store a property value names, ignoring case and surrounding blanks; a blank value is the default.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Store of(String value) {
        if (value == null || value.isBlank()) {
            return EMBEDDED;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "embedded" -> EMBEDDED;
            case "postgres", "postgresql" -> POSTGRES;
            default ->
                throw new IllegalArgumentException(
                        PROPERTY + " (PATHWISE_STORE) must be embedded or postgres, got '" + value.strip() + "'");
        };
    }

    /** The name used in configuration and reports: {@code embedded} or {@code postgres}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
