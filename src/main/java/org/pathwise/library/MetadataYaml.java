package org.pathwise.library;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pathwise.YamlRecords;

/**
 * Reads document metadata from YAML (front matter or a sidecar {@code <file>.meta.yaml}). Accepts the common spellings
 * of each key ({@code licence}/{@code license}, {@code author}/{@code authors}, ...) and rejects values it can't use,
 * naming the key and the file.
 */
final class MetadataYaml {

    private MetadataYaml() {}

    /** Metadata as written: each key under its common spellings; keys it does not know are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MetadataFile(
            String title,
            @JsonAlias("author") Object authors,
            @JsonAlias("creator") Object creator,
            @JsonAlias("license") String licence,
            @JsonAlias("lang") String language,

            @JsonProperty("source_url") @JsonAlias({"sourceUrl", "url"})
            String sourceUrl,

            @JsonAlias({"course_id", "courseId"}) String course,
            @JsonAlias({"competences", "competency"}) Object competencies,
            String level,

            @JsonProperty("resource_type") @JsonAlias({"resourceType", "type"})
            String resourceType) {}

    /**
     * Parses YAML text into metadata.
     *
     * @param where names the YAML's origin in messages, for example {@code "front matter of a.md"}
     * @param firstLine the line of the file on which the YAML starts, so errors name the file's own line
     */
    static DocumentMetadata parse(String yaml, String where, int firstLine) {
        try {
            var root = YamlRecords.read(yaml, Object.class, type -> "");
            if (root.isEmpty()) {
                return DocumentMetadata.EMPTY;
            }
            if (!(root.get() instanceof Map<?, ?>)) {
                throw invalid("the " + where + " must be a YAML mapping of keys to values");
            }
            return metadata(
                    YamlRecords.read(yaml, MetadataFile.class, type -> "").orElseThrow(), where);
        } catch (YamlRecords.Invalid e) {
            throw invalid(e, where, e.line() > 0 ? firstLine - 1 + e.line() : 0);
        }
    }

    /** Reads metadata given as fields (an upload form's), with the same checks as YAML. */
    static DocumentMetadata fromMap(Map<?, ?> map, String where) {
        try {
            return metadata(YamlRecords.convert(map, MetadataFile.class, type -> ""), where);
        } catch (YamlRecords.Invalid e) {
            throw invalid(e, where, 0);
        }
    }

    private static DocumentMetadata metadata(MetadataFile file, String where) {
        var licenceText = text(file.licence());
        var licence = "";
        if (!licenceText.isEmpty()) {
            licence = Licences.normalise(licenceText)
                    .orElseThrow(() -> invalid("unknown licence '" + licenceText + "' in the " + where
                            + ": use an SPDX id such as CC-BY-4.0, CC-BY-SA-4.0 or CC0-1.0"));
        }
        var language = text(file.language());
        if (!language.isEmpty()) {
            language = languageTag(language, where);
        }
        return new DocumentMetadata(
                text(file.title()),
                list(file.authors() != null ? file.authors() : file.creator(), where, "authors"),
                licence,
                language,
                sourceUrl(text(file.sourceUrl()), where),
                text(file.course()),
                list(file.competencies(), where, "competencies"),
                text(file.level()),
                text(file.resourceType()));
    }

    /** "invalid YAML in the front matter of a.md at line 3: ...", "'title' in the sidecar ... must be a single value". */
    private static IngestException invalid(YamlRecords.Invalid e, String where, int line) {
        var at = line > 0 ? " at line " + line : "";
        var reason = e.reason();
        if (reason.startsWith("invalid YAML: ")) {
            return invalid("invalid YAML in the " + where + at + ": " + reason.substring("invalid YAML: ".length()));
        }
        return invalid(reason + " (in the " + where + at + ")");
    }

    private static IngestException invalid(String message) {
        return new IngestException(IngestFailure.Kind.INVALID_METADATA, message);
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

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** A list of names: a YAML list (items may be mappings with a name) or one value separated by commas or semicolons. */
    private static List<String> list(Object value, String where, String key) {
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
            throw invalid("'" + key + "' in the " + where + " must be a list");
        } else {
            for (var item : value.toString().split("[,;]")) {
                items.add(item.strip());
            }
        }
        return items.stream().filter(item -> !item.isEmpty()).toList();
    }
}
