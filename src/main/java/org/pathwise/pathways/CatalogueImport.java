package org.pathwise.pathways;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.pathwise.Located;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a course catalogue from CSV, JSON or YAML. Every row is checked on its own (required fields, hours, known
 * DigCompEdu competence ids and levels, known prerequisites); a bad row is reported with its number and the reason and
 * the good rows are kept. A file that can't be read at all (invalid JSON or YAML syntax, no header) is an
 * {@link InvalidInputException} with the line at fault.
 *
 * <p>Fields: {@code id}, {@code title}, {@code hours}, {@code languages}, {@code mode} (online, blended, in-person),
 * {@code requires} and {@code raises} (competence to level), {@code prerequisites} (course ids), {@code provider},
 * {@code licence}, {@code description}, {@code kind} (course, micro-credential). In CSV, lists are separated by
 * {@code ;} and competence levels are written {@code 2.1:B1;3.1:A2}.
 */
final class CatalogueImport {

    enum Format {
        CSV,
        JSON,
        YAML;

        /** The format a file name's extension names; JSON when the content starts with '{' or '['. */
        static Format of(String fileName, String content) {
            var name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv")) {
                return CSV;
            }
            if (name.endsWith(".json")) {
                return JSON;
            }
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                return YAML;
            }
            var start = content.stripLeading();
            if (start.startsWith("{") || start.startsWith("[")) {
                return JSON;
            }
            if (start.startsWith("courses:") || start.startsWith("- ") || start.startsWith("#")) {
                return YAML;
            }
            return CSV;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Set<String> competenceIds;

    /** @param competenceIds the competence ids courses may name (DigCompEdu's) */
    CatalogueImport(Collection<String> competenceIds) {
        this.competenceIds = Set.copyOf(competenceIds);
    }

    /**
     * Reads the rows of a catalogue file.
     *
     * @param existing ids of courses already in the catalogue, which prerequisites may name
     */
    ImportReport read(String content, Format format, String where, Set<String> existing) {
        var rows = switch (format) {
            case CSV -> csvRows(content, where);
            case JSON -> jsonRows(content, where);
            case YAML -> yamlRows(content, where);
        };
        var courses = new ArrayList<Course>();
        var rowOf = new LinkedHashMap<String, Row>();
        var rejected = new ArrayList<ImportReport.RowError>();
        var ids = new HashSet<String>();
        for (var row : rows) {
            try {
                if (!row.problem().isEmpty()) {
                    throw new IllegalArgumentException(row.problem());
                }
                var course = course(row.fields());
                if (!ids.add(course.id())) {
                    throw new IllegalArgumentException("the id " + course.id() + " is used by an earlier row");
                }
                courses.add(course);
                rowOf.put(course.id(), row);
            } catch (IllegalArgumentException e) {
                rejected.add(new ImportReport.RowError(row.number(), row.line(), idOf(row.fields()), e.getMessage()));
            }
        }
        // a prerequisite must name a course that is kept; dropping one row can orphan another, so repeat
        var known = new HashSet<>(existing);
        courses.forEach(c -> known.add(c.id()));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (var iterator = courses.iterator(); iterator.hasNext(); ) {
                var course = iterator.next();
                var missing = course.prerequisites().stream()
                        .filter(p -> !known.contains(p))
                        .findFirst();
                if (missing.isPresent()) {
                    var row = rowOf.get(course.id());
                    rejected.add(new ImportReport.RowError(
                            row.number(),
                            row.line(),
                            course.id(),
                            "the prerequisite " + missing.get() + " is not in the catalogue"));
                    known.remove(course.id());
                    iterator.remove();
                    changed = true;
                }
            }
        }
        rejected.sort(java.util.Comparator.comparingInt(ImportReport.RowError::row));
        return new ImportReport(courses, rejected);
    }

    /** One row before checking: its number, its line (0 when unknown), its fields as text, lists and maps. */
    record Row(int number, int line, Map<String, Object> fields, String problem) {
        Row(int number, int line, Map<String, Object> fields) {
            this(number, line, fields, "");
        }
    }

    private Course course(Map<String, Object> fields) {
        var id = text(fields, "id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("the row has no id");
        }
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}")) {
            throw new IllegalArgumentException("the id '" + id + "' may hold only letters, digits and . _ : -");
        }
        var title = text(fields, "title");
        if (title.isEmpty()) {
            throw new IllegalArgumentException("course " + id + " has no title");
        }
        var hoursText = text(fields, "hours");
        if (hoursText.isEmpty()) {
            throw new IllegalArgumentException("course " + id + " has no hours");
        }
        double hours;
        try {
            hours = Double.parseDouble(hoursText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("course " + id + " has hours '" + hoursText + "', not a number");
        }
        var languages = new LinkedHashSet<String>();
        for (var language : list(fields, "languages", "language")) {
            if (!language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
                throw new IllegalArgumentException(
                        "course " + id + " has the language '" + language + "', not a BCP 47 tag such as en or fr");
            }
            languages.add(language.toLowerCase(Locale.ROOT));
        }
        var modeText = text(fields, "mode");
        if (modeText.isEmpty()) {
            modeText = text(fields, "delivery");
        }
        if (modeText.isEmpty()) {
            throw new IllegalArgumentException("course " + id + " has no mode (online, blended or in-person)");
        }
        var delivery = Delivery.parse(modeText);
        return new Course(
                id,
                title,
                hours,
                languages,
                delivery,
                levels(fields, "requires", id),
                levels(fields, "raises", id),
                list(fields, "prerequisites", "prerequisite"),
                text(fields, "provider"),
                text(fields, "licence"),
                text(fields, "description"),
                text(fields, "kind"));
    }

    private Map<String, Level> levels(Map<String, Object> fields, String key, String id) {
        var value = fields.get(key);
        var levels = new LinkedHashMap<String, Level>();
        if (value == null) {
            return levels;
        }
        Map<?, ?> map;
        if (value instanceof Map<?, ?> m) {
            map = m;
        } else {
            var parsed = new LinkedHashMap<String, String>();
            for (var part : value.toString().split("[;|]")) {
                if (part.isBlank()) {
                    continue;
                }
                var pair = part.split("[:=]", 2);
                if (pair.length != 2) {
                    throw new IllegalArgumentException("course " + id + " has " + key + " '" + part.strip()
                            + "'; write competence:level, as 2.1:B1");
                }
                parsed.put(pair[0].strip(), pair[1].strip());
            }
            map = parsed;
        }
        for (var entry : map.entrySet()) {
            var competence = String.valueOf(entry.getKey()).strip();
            if (!competenceIds.contains(competence)) {
                throw new IllegalArgumentException("course " + id + " " + key + " the unknown competence '" + competence
                        + "' (DigCompEdu ids run from 1.1 to 6.5)");
            }
            try {
                levels.put(competence, Level.parse(String.valueOf(entry.getValue())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "course " + id + " " + key + " " + competence + ": " + e.getMessage());
            }
        }
        return levels;
    }

    private static String idOf(Map<String, Object> fields) {
        return text(fields, "id");
    }

    private static String text(Map<String, Object> fields, String key) {
        var value = fields.get(key);
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            throw new IllegalArgumentException("the field " + key + " must be a single value");
        }
        return value.toString().strip();
    }

    private static List<String> list(Map<String, Object> fields, String... keys) {
        for (var key : keys) {
            var value = fields.get(key);
            if (value == null) {
                continue;
            }
            if (value instanceof Collection<?> collection) {
                return collection.stream()
                        .map(item -> String.valueOf(item).strip())
                        .filter(s -> !s.isEmpty())
                        .toList();
            }
            if (value instanceof Map<?, ?>) {
                throw new IllegalArgumentException("the field " + key + " must be a list");
            }
            return java.util.Arrays.stream(value.toString().split("[;|,]"))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
        return List.of();
    }

    // ---- CSV (RFC 4180, read with Apache Commons CSV: quoted fields may hold separators, quotes doubled, and line
    // breaks)

    static List<Row> csvRows(String content, String where) {
        var records = csvRecords(content, where);
        if (records.isEmpty()) {
            throw new InvalidInputException(where, 1, "the CSV file is empty; it needs a header row");
        }
        var header = records.getFirst().values().stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT).replace(' ', '_'))
                .toList();
        if (!header.contains("id")) {
            throw new InvalidInputException(
                    where, records.getFirst().line(), "the header row needs an 'id' column (and title, hours, ...)");
        }
        var rows = new ArrayList<Row>();
        for (int r = 1; r < records.size(); r++) {
            var record = records.get(r);
            if (record.values().stream().allMatch(String::isBlank)) {
                continue;
            }
            var fields = new LinkedHashMap<String, Object>();
            for (int c = 0; c < header.size() && c < record.values().size(); c++) {
                var value = record.values().get(c);
                if (!value.isBlank()) {
                    fields.put(header.get(c), value);
                }
            }
            var problem = record.values().size() > header.size()
                    ? "the row has " + record.values().size() + " values but the header names " + header.size()
                            + " columns (quote values that hold commas)"
                    : "";
            rows.add(new Row(r + 1, record.line(), fields, problem));
        }
        return rows;
    }

    /** One CSV record: the line it starts on and its values. */
    record CsvRecord(int line, List<String> values) {
        CsvRecord {
            values = List.copyOf(values);
        }
    }

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().get();

    private static final java.util.regex.Pattern START_LINE = java.util.regex.Pattern.compile("\\(startline (\\d+)\\)");

    /** What Commons CSV found wrong, said as what to fix. */
    private static String csvProblem(String message) {
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted value is never closed: add the closing \"";
        }
        if (message.contains("Invalid character between encapsulated token and delimiter")) {
            return "text follows a closing quote: write a \" inside a quoted value as \"\"";
        }
        return "invalid CSV: " + message;
    }

    /**
     * The records of a CSV text, blank lines included so that record numbers match a spreadsheet's rows. A leading
     * UTF-8 byte-order mark (as spreadsheets write) is dropped; a record that can't be read (a quote left open, text
     * after a closing quote) is an {@link InvalidInputException} with its line.
     */
    static List<CsvRecord> csvRecords(String content, String where) {
        var text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        var lineStarts = new ArrayList<Integer>();
        lineStarts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
        var records = new ArrayList<CsvRecord>();
        CSVParser parser = null;
        try {
            parser = CSV.parse(new StringReader(text));
            for (var record : parser) {
                int index = java.util.Collections.binarySearch(lineStarts, (int) record.getCharacterPosition());
                int line = index >= 0 ? index + 1 : -index - 1;
                records.add(new CsvRecord(line, record.toList()));
            }
        } catch (IOException | UncheckedIOException e) {
            var message = String.valueOf((e instanceof UncheckedIOException u ? u.getCause() : e).getMessage());
            var start = START_LINE.matcher(message);
            int line = start.find()
                    ? Integer.parseInt(start.group(1))
                    : parser == null ? 1 : (int) Math.max(1, parser.getCurrentLineNumber());
            throw new InvalidInputException(where, line, csvProblem(message));
        }
        return records;
    }

    // ---- JSON: {"courses": [...]} or a bare list

    static List<Row> jsonRows(String content, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JacksonException e) {
            var location = e.getLocation();
            throw new InvalidInputException(
                    where, location == null ? 0 : location.getLineNr(), "invalid JSON: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidInputException(where, 1, "the file is empty");
        }
        var list = root.isArray() ? root : root.get("courses");
        if (list == null || !list.isArray()) {
            throw new InvalidInputException(where, 1, "the JSON needs {\"courses\": [ ... ]}");
        }
        var rows = new ArrayList<Row>();
        for (int i = 0; i < list.size(); i++) {
            var item = list.get(i);
            rows.add(
                    item.isObject()
                            ? new Row(i + 1, 0, toJava(item))
                            : new Row(i + 1, 0, Map.of(), "the course must be an object of fields"));
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toJava(JsonNode node) {
        return (Map<String, Object>) JSON.convertValue(node, Map.class);
    }

    // ---- YAML: courses: [...] or a bare list; rows keep their lines

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CatalogueFile(Located<List<Located<Object>>> courses) {}

    static List<Row> yamlRows(String content, String where) {
        var yaml = YamlInput.of(where);
        var root = yaml.read(content, new TypeReference<Located<Object>>() {});
        List<Located<Object>> items;
        if (root.value() instanceof List<?>) {
            items = yaml.read(content, new TypeReference<List<Located<Object>>>() {});
        } else {
            var file = yaml.read(content, new TypeReference<Located<CatalogueFile>>() {});
            items = yaml.required(file.value().courses(), file, "courses", "the catalogue")
                    .value();
        }
        var rows = new ArrayList<Row>();
        for (int i = 0; i < items.size(); i++) {
            var item = items.get(i);
            Map<String, Object> fields = new LinkedHashMap<>();
            int line = item == null ? root.line() : item.line();
            if (item != null && item.value() instanceof Map<?, ?> map) {
                map.forEach((k, v) -> fields.put(String.valueOf(k), v));
                rows.add(new Row(i + 1, line, fields));
            } else {
                rows.add(new Row(i + 1, line, fields, "the course must be a mapping of fields"));
            }
        }
        return rows;
    }
}
