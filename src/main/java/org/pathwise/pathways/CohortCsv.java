package org.pathwise.pathways;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a cohort's profiles from CSV, one educator a row:
 * {@code educator,current,target,role,hours_per_week,weeks,languages,mode,completed}, with levels written
 * {@code 2.1:A2;3.1:B1} and lists separated by {@code ;}. Rows with errors are reported by number (the header is row
 * 1) with the reason; the good rows are kept.
 */
final class CohortCsv {

    /** The members read and the rows refused. */
    record Read(List<CohortPlanner.Member> members, List<ImportReport.RowError> rejected) {}

    private CohortCsv() {}

    static Read read(String content, String where, Bundled bundled) {
        var records = CatalogueImport.csvRecords(content, where);
        if (records.isEmpty()) {
            throw new InvalidInputException(where, 1, "the CSV file is empty; it needs a header row");
        }
        var header = records.getFirst().values().stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .toList();
        if (!header.contains("target") && !header.contains("role")) {
            throw new InvalidInputException(where, 1, "the header row needs a 'target' or a 'role' column");
        }
        var members = new ArrayList<CohortPlanner.Member>();
        var rejected = new ArrayList<ImportReport.RowError>();
        for (int r = 1; r < records.size(); r++) {
            var record = records.get(r);
            if (record.values().stream().allMatch(String::isBlank)) {
                continue;
            }
            var fields = new LinkedHashMap<String, String>();
            for (int c = 0; c < header.size() && c < record.values().size(); c++) {
                fields.put(header.get(c), record.values().get(c).strip());
            }
            var educator = fields.getOrDefault("educator", "");
            if (educator.isEmpty()) {
                educator = "row " + (r + 1);
            }
            try {
                var profile = ProfileYaml.parse(yaml(fields), "row", bundled.frameworks, bundled.roles);
                members.add(new CohortPlanner.Member(educator, profile));
            } catch (InvalidInputException e) {
                rejected.add(new ImportReport.RowError(r + 1, record.line(), educator, e.reason()));
            } catch (IllegalArgumentException e) {
                rejected.add(new ImportReport.RowError(r + 1, record.line(), educator, e.getMessage()));
            }
        }
        return new Read(members, rejected);
    }

    /** The row as a profile in YAML, so that one reader checks profiles of both forms. */
    private static String yaml(Map<String, String> fields) {
        var yaml = new StringBuilder();
        for (var key : List.of("current", "target")) {
            var value = fields.getOrDefault(key, "");
            if (value.isEmpty()) {
                continue;
            }
            yaml.append(key).append(":\n");
            for (var part : value.split(";")) {
                if (part.isBlank()) {
                    continue;
                }
                var pair = part.split("[:=]", 2);
                if (pair.length != 2) {
                    throw new IllegalArgumentException(
                            key + " has '" + part.strip() + "'; write competence:level, as 2.1:B1");
                }
                yaml.append("  ")
                        .append(quoted(pair[0].strip()))
                        .append(": ")
                        .append(quoted(pair[1].strip()))
                        .append('\n');
            }
        }
        for (var key : List.of("role", "hours_per_week", "weeks", "mode")) {
            var value = fields.getOrDefault(key, "");
            if (!value.isEmpty()) {
                yaml.append(key).append(": ").append(quoted(value)).append('\n');
            }
        }
        for (var key : List.of("languages", "completed")) {
            var value = fields.getOrDefault(key, "");
            if (!value.isEmpty()) {
                yaml.append(key).append(": [");
                var parts = value.split(";");
                for (int i = 0; i < parts.length; i++) {
                    yaml.append(i == 0 ? "" : ", ").append(quoted(parts[i].strip()));
                }
                yaml.append("]\n");
            }
        }
        return yaml.toString();
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
