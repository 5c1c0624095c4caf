package org.pathwise.pathways;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pathwise.Located;
import tools.jackson.core.type.TypeReference;

/**
 * Reads a framework from YAML (the bundled ones are under {@code pathways/frameworks/}; the README there gives the
 * form). Rejects a malformed file with the line at fault: YAML syntax, a missing or duplicate id, a competence without
 * a descriptor for every level, a crosswalk entry naming an unknown competence. Keys it does not know are ignored.
 */
final class FrameworkYaml {

    private FrameworkYaml() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FrameworkFile(
            Located<String> id,
            Located<String> name,
            Located<String> version,
            Located<String> source,
            Located<List<Located<LevelEntry>>> levels,
            Located<List<Located<AreaEntry>>> areas,
            Located<CrosswalkEntry> crosswalk) {}

    /** A level: {@code {id: B1, name: Integrator}}, or just its id. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record LevelEntry(Located<String> id, Located<String> name) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        LevelEntry {}

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static LevelEntry of(String id) {
            return new LevelEntry(new Located<>(id, 0), new Located<>(id, 0));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AreaEntry(Located<String> id, Located<String> name, Located<List<Located<CompetenceEntry>>> competences) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CompetenceEntry(
            Located<String> id,
            Located<String> title,
            Located<String> description,
            Located<Map<String, Located<String>>> levels) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CrosswalkEntry(
            Located<String> to,
            Located<Map<String, Located<String>>> levels,
            Located<List<Located<MappingEntry>>> mappings) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MappingEntry(Located<String> from, Located<List<String>> to, Located<String> note) {}

    static Framework parse(String text, String where) {
        var yaml = YamlInput.of(where);
        var root = yaml.read(text, new TypeReference<Located<FrameworkFile>>() {});
        var file = root.value();
        var id = yaml.requiredText(file.id(), root, "id", "the framework");
        if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw yaml.error(file.id(), "the framework id '" + id + "' must be lower-case letters, digits and dashes");
        }
        var name = yaml.requiredText(file.name(), root, "name", "the framework");
        var levelsNode = yaml.required(file.levels(), root, "levels", "the framework");
        var levels = new ArrayList<Framework.LevelInfo>();
        for (var item : yaml.items(levelsNode, "levels")) {
            var levelId = yaml.requiredText(item.value().id(), item, "id", "a level");
            var level =
                    new Framework.LevelInfo(levelId, YamlInput.text(item.value().name()));
            if (levels.stream().anyMatch(l -> l.id().equals(level.id()))) {
                throw yaml.error(item, "the level '" + level.id() + "' is listed twice");
            }
            levels.add(level);
        }
        if (levels.size() < 2) {
            throw yaml.error(levelsNode, "a framework needs at least two levels");
        }
        var levelIds = levels.stream().map(Framework.LevelInfo::id).toList();
        var competenceIds = new HashSet<String>();
        var areas = new ArrayList<Framework.Area>();
        var areasNode = yaml.required(file.areas(), root, "areas", "the framework");
        for (var areaNode : yaml.items(areasNode, "areas")) {
            var area = areaNode.value();
            var areaId = yaml.requiredText(area.id(), areaNode, "id", "an area");
            var areaName = yaml.requiredText(area.name(), areaNode, "name", "area " + areaId);
            var competences = new ArrayList<Framework.Competence>();
            var competencesNode = yaml.required(area.competences(), areaNode, "competences", "area " + areaId);
            for (var competenceNode : yaml.items(competencesNode, "the competences of area " + areaId)) {
                competences.add(competence(yaml, competenceNode, levelIds, competenceIds));
            }
            if (competences.isEmpty()) {
                throw yaml.error(competencesNode, "area " + areaId + " has no competences");
            }
            areas.add(new Framework.Area(areaId, areaName, competences));
        }
        if (areas.isEmpty()) {
            throw yaml.error(areasNode, "the framework has no areas");
        }
        Optional<Framework.Crosswalk> crosswalk = file.crosswalk() == null
                ? Optional.empty()
                : Optional.of(crosswalk(yaml, file.crosswalk(), levelIds, competenceIds));
        return new Framework(
                id, name, YamlInput.text(file.version()), YamlInput.text(file.source()), levels, areas, crosswalk);
    }

    private static Framework.Competence competence(
            YamlInput yaml, Located<CompetenceEntry> node, List<String> levelIds, Set<String> seen) {
        var entry = node.value();
        var id = yaml.requiredText(entry.id(), node, "id", "a competence");
        if (!seen.add(id)) {
            throw yaml.error(entry.id(), "the competence id '" + id + "' is used twice");
        }
        var what = "competence " + id;
        var title = yaml.requiredText(entry.title(), node, "title", what);
        var descriptorsNode = yaml.required(entry.levels(), node, "levels", what);
        var given = descriptorsNode.value();
        for (var level : given.entrySet()) {
            if (!levelIds.contains(level.getKey())) {
                throw yaml.error(
                        level.getValue(),
                        what + " describes an unknown level '" + level.getKey() + "' (levels: "
                                + String.join(", ", levelIds) + ")");
            }
        }
        var descriptors = new LinkedHashMap<String, String>();
        for (var level : levelIds) {
            var descriptor = given.get(level);
            if (descriptor == null) {
                throw yaml.error(descriptorsNode, what + " has no descriptor for level " + level);
            }
            var text = YamlInput.text(descriptor);
            if (text.isEmpty()) {
                throw yaml.error(descriptor, what + " has an empty descriptor for level " + level);
            }
            descriptors.put(level, text);
        }
        return new Framework.Competence(id, title, YamlInput.text(entry.description()), descriptors);
    }

    private static Framework.Crosswalk crosswalk(
            YamlInput yaml, Located<CrosswalkEntry> node, List<String> levelIds, Set<String> competenceIds) {
        var entry = node.value();
        var to = yaml.requiredText(entry.to(), node, "to", "the crosswalk");
        var levels = new LinkedHashMap<String, String>();
        for (var level : yaml.required(entry.levels(), node, "levels", "the crosswalk")
                .value()
                .entrySet()) {
            if (!levelIds.contains(level.getKey())) {
                throw yaml.error(level.getValue(), "the crosswalk maps an unknown level '" + level.getKey() + "'");
            }
            levels.put(level.getKey(), YamlInput.text(level.getValue()));
        }
        var mappings = new ArrayList<Framework.Mapping>();
        for (var item : yaml.items(yaml.required(entry.mappings(), node, "mappings", "the crosswalk"), "mappings")) {
            var mapping = item.value();
            var from = yaml.requiredText(mapping.from(), item, "from", "a crosswalk mapping");
            if (!competenceIds.contains(from)) {
                throw yaml.error(mapping.from(), "the crosswalk maps an unknown competence '" + from + "'");
            }
            yaml.required(mapping.to(), item, "to", "mapping " + from);
            mappings.add(new Framework.Mapping(
                    from, YamlInput.texts(mapping.to()), YamlInput.text(mapping.note()), item.line()));
        }
        return new Framework.Crosswalk(to, levels, mappings);
    }
}
