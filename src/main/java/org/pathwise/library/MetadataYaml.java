package org.pathwise.library;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads document metadata from YAML (front matter or a sidecar {@code <file>.meta.yaml}). Accepts the common spellings
 * of each key ({@code licence}/{@code license}, {@code author}/{@code authors}, ...) and rejects values it can't use,
 * naming the key and the file.
 */
final class MetadataYaml {

    private MetadataYaml() {}

    /**
     * Parses YAML text into metadata.
     *
     * @param where names the YAML's origin in messages, for example {@code "front matter of a.md"}
     * @param firstLine the line of the file on which the YAML starts, so errors name the file's own line
     */
    static DocumentMetadata parse(String yaml, String where, int firstLine) {
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (MarkedYAMLException e) {
            var line = e.getProblemMark() == null
                    ? firstLine
                    : firstLine + e.getProblemMark().getLine();
            throw new IngestException(
                    IngestFailure.Kind.INVALID_METADATA,
                    "invalid YAML in the " + where + " at line " + line + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw new IngestException(
                    IngestFailure.Kind.INVALID_METADATA, "invalid YAML in the " + where + ": " + e.getMessage());
        }
        if (loaded == null) {
            return DocumentMetadata.EMPTY;
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new IngestException(
                    IngestFailure.Kind.INVALID_METADATA, "the " + where + " must be a YAML mapping of keys to values");
        }
        return fromMap(map, where);
    }

    static DocumentMetadata fromMap(Map<?, ?> map, String where) {
        var licenceText = text(map, where, "licence", "license");
        var licence = "";
        if (!licenceText.isEmpty()) {
            licence = Licences.normalise(licenceText)
                    .orElseThrow(() -> new IngestException(
                            IngestFailure.Kind.INVALID_METADATA,
                            "unknown licence '" + licenceText + "' in the " + where
                                    + ": use an SPDX id such as CC-BY-4.0, CC-BY-SA-4.0 or CC0-1.0"));
        }
        var language = text(map, where, "language", "lang");
        if (!language.isEmpty()) {
            language = languageTag(language, where);
        }
        return new DocumentMetadata(
                text(map, where, "title"),
                list(map, where, "authors", "author", "creator"),
                licence,
                language,
                sourceUrl(text(map, where, "source_url", "sourceUrl", "url"), where),
                text(map, where, "course", "course_id", "courseId"),
                list(map, where, "competencies", "competences", "competency"),
                text(map, where, "level"),
                text(map, where, "resource_type", "resourceType", "type"));
    }

    /**
     * A document's source URL, which pages show as a link: only an absolute {@code http} or {@code https} address is
     * accepted, so that a {@code javascript:}, {@code data:} or {@code vbscript:} URL never reaches a page, and a
     * relative one never resolves against Pathwise's own address.
     */
    static String sourceUrl(String value, String where) {
        if (value.isEmpty()) {
            return value;
        }
        java.net.URI uri;
        try {
            uri = new java.net.URI(value);
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        var scheme =
                uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getHost().isBlank()) {
            var shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
            throw new IngestException(
                    IngestFailure.Kind.INVALID_METADATA,
                    "source_url '" + shown + "' in the " + where + " is not an absolute http or https address: give"
                            + " the full address of the original, such as https://example.org/lesson");
        }
        return value;
    }

    static String languageTag(String value, String where) {
        try {
            var locale = new Locale.Builder()
                    .setLanguageTag(value.strip().replace('_', '-'))
                    .build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language subtag");
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw new IngestException(
                    IngestFailure.Kind.INVALID_METADATA,
                    "invalid language '" + value + "' in the " + where + ": use a BCP 47 tag such as en, fr or es");
        }
    }

    private static Object value(Map<?, ?> map, String... keys) {
        for (var key : keys) {
            if (map.containsKey(key) && map.get(key) != null) {
                return map.get(key);
            }
        }
        return null;
    }

    private static String text(Map<?, ?> map, String where, String... keys) {
        var value = value(map, keys);
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            throw new IngestException(
                    IngestFailure.Kind.INVALID_METADATA,
                    "'" + keys[0] + "' in the " + where + " must be a single value");
        }
        return value.toString().strip();
    }

    private static List<String> list(Map<?, ?> map, String where, String... keys) {
        var value = value(map, keys);
        if (value == null) {
            return List.of();
        }
        var items = new ArrayList<String>();
        if (value instanceof Collection<?> collection) {
            for (var item : collection) {
                if (item instanceof Map<?, ?> nested && nested.get("name") != null) {
                    items.add(nested.get("name").toString().strip());
                } else if (item != null && !(item instanceof Map<?, ?>)) {
                    items.add(item.toString().strip());
                }
            }
        } else if (value instanceof Map<?, ?>) {
            throw new IngestException(
                    IngestFailure.Kind.INVALID_METADATA, "'" + keys[0] + "' in the " + where + " must be a list");
        } else {
            for (var item : value.toString().split("[,;]")) {
                items.add(item.strip());
            }
        }
        return items.stream().filter(item -> !item.isEmpty()).toList();
    }
}
