package org.pathwise.pathways;

import java.util.List;
import java.util.function.Function;
import org.pathwise.Located;
import org.pathwise.YamlRecords;
import tools.jackson.core.type.TypeReference;

/**
 * Reads a framework, profile, roles, questionnaire or catalogue file into records ({@link YamlRecords}) and states what
 * is wrong with one as an {@link InvalidInputException} naming the file and the line: values that need a line in their
 * message are read as {@link Located}.
 */
final class YamlInput {

    private final String where;

    private YamlInput(String where) {
        this.where = where;
    }

    /** A reader whose messages name {@code where} (a file name, "profile", ...). */
    static YamlInput of(String where) {
        return new YamlInput(where);
    }

    /** Reads one document; an empty document is an error. */
    <T> T read(String text, TypeReference<T> type) {
        return read(text, type, t -> "");
    }

    /** Reads one document, naming the records in messages about unknown keys ("unknown profile key ..."). */
    <T> T read(String text, TypeReference<T> type, Function<Class<?>, String> names) {
        try {
            return YamlRecords.read(text, type, names).orElseThrow(() -> error(1, "the file is empty"));
        } catch (YamlRecords.Invalid e) {
            throw error(e.line(), e.reason());
        }
    }

    InvalidInputException error(int line, String reason) {
        return new InvalidInputException(where, line, reason);
    }

    InvalidInputException error(Located<?> at, String reason) {
        return error(at == null ? 0 : at.line(), reason);
    }

    /** A required key's value; a missing one is reported on the line of the mapping that should hold it. */
    <T> Located<T> required(Located<T> value, Located<?> owner, String key, String what) {
        if (value == null || value.value() == null) {
            throw error(owner, what + " needs '" + key + "'");
        }
        return value;
    }

    /** The items of a list; an empty item ("-" and nothing after it) is reported on the list's line. */
    <T> List<Located<T>> items(Located<List<Located<T>>> list, String what) {
        for (var item : list.value()) {
            if (item == null || item.value() == null) {
                throw error(list, what + " has an empty item");
            }
        }
        return list.value();
    }

    /** A required key's text, stripped; it must not be empty. */
    String requiredText(Located<String> value, Located<?> owner, String key, String what) {
        var text = required(value, owner, key, what).value().strip();
        if (text.isEmpty()) {
            throw error(value, what + "'s " + key + " must not be empty");
        }
        return text;
    }

    /** An optional key's text, stripped, or "" when it is absent. */
    static String text(Located<String> value) {
        return value == null || value.value() == null ? "" : value.value().strip();
    }

    /** A list of plain values (a single value is a list of one), stripped, without empty ones. */
    static List<String> texts(Located<List<String>> value) {
        return value == null || value.value() == null
                ? List.of()
                : value.value().stream()
                        .filter(java.util.Objects::nonNull)
                        .map(String::strip)
                        .filter(text -> !text.isEmpty())
                        .toList();
    }

    /** A level, or an error on the value's line naming the accepted levels. */
    Level level(Located<String> value, String what) {
        try {
            return Level.parse(text(value));
        } catch (IllegalArgumentException e) {
            throw error(value, what + ": " + e.getMessage());
        }
    }
}
