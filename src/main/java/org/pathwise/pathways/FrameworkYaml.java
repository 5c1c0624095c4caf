package org.pathwise.pathways;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a framework from YAML (the bundled ones are under {@code pathways/frameworks/}; the README there gives the
 * form). Rejects a malformed file with the line at fault: YAML syntax, a missing or duplicate id, a competence without
 * a descriptor for every level, a crosswalk entry naming an unknown competence.
 */
final class FrameworkYaml {

    private FrameworkYaml() {}

    static Framework parse(String text, String where) {
        var yaml = YamlTree.of(where);
        var root = yaml.parse(text);
        var top = yaml.mapping(root, "the framework");
        var id = yaml.requiredText(top, root, "id", "the framework");
        if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw yaml.error(
                    top.get("id"), "the framework id '" + id + "' must be lower-case letters, digits and dashes");
        }
        var name = yaml.requiredText(top, root, "name", "the framework");
        var levelsNode = yaml.required(top, root, "levels", "the framework");
        var levels = new ArrayList<Framework.LevelInfo>();
        for (var item : yaml.sequence(levelsNode, "levels")) {
            Framework.LevelInfo level;
            if (item instanceof org.yaml.snakeyaml.nodes.ScalarNode) {
                var levelId = yaml.scalar(item, "a level");
                level = new Framework.LevelInfo(levelId, levelId);
            } else {
                var entries = yaml.mapping(item, "a level");
                var levelId = yaml.requiredText(entries, item, "id", "a level");
                level = new Framework.LevelInfo(levelId, yaml.optionalText(entries, "name", "level " + levelId));
            }
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
        var areasNode = yaml.required(top, root, "areas", "the framework");
        for (var areaNode : yaml.sequence(areasNode, "areas")) {
            var area = yaml.mapping(areaNode, "an area");
            var areaId = yaml.requiredText(area, areaNode, "id", "an area");
            var areaName = yaml.requiredText(area, areaNode, "name", "area " + areaId);
            var competences = new ArrayList<Framework.Competence>();
            var competencesNode = yaml.required(area, areaNode, "competences", "area " + areaId);
            for (var competenceNode : yaml.sequence(competencesNode, "the competences of area " + areaId)) {
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
        Optional<Framework.Crosswalk> crosswalk = Optional.empty();
        if (top.containsKey("crosswalk")) {
            crosswalk = Optional.of(crosswalk(yaml, top.get("crosswalk"), levelIds, competenceIds));
        }
        return new Framework(
                id,
                name,
                yaml.optionalText(top, "version", "the framework"),
                yaml.optionalText(top, "source", "the framework"),
                levels,
                areas,
                crosswalk);
    }

    private static Framework.Competence competence(
            YamlTree yaml, Node node, List<String> levelIds, java.util.Set<String> seen) {
        var entries = yaml.mapping(node, "a competence");
        var id = yaml.requiredText(entries, node, "id", "a competence");
        if (!seen.add(id)) {
            throw yaml.error(entries.get("id"), "the competence id '" + id + "' is used twice");
        }
        var what = "competence " + id;
        var title = yaml.requiredText(entries, node, "title", what);
        var descriptorsNode = yaml.required(entries, node, "levels", what);
        var given = yaml.mapping(descriptorsNode, "the levels of " + what);
        var descriptors = new LinkedHashMap<String, String>();
        for (var entry : given.entrySet()) {
            if (!levelIds.contains(entry.getKey())) {
                throw yaml.error(
                        entry.getValue(),
                        what + " describes an unknown level '" + entry.getKey() + "' (levels: "
                                + String.join(", ", levelIds) + ")");
            }
        }
        for (var level : levelIds) {
            var descriptor = given.get(level);
            if (descriptor == null) {
                throw yaml.error(descriptorsNode, what + " has no descriptor for level " + level);
            }
            var text = yaml.scalar(descriptor, what + " level " + level);
            if (text.isEmpty()) {
                throw yaml.error(descriptor, what + " has an empty descriptor for level " + level);
            }
            descriptors.put(level, text);
        }
        return new Framework.Competence(id, title, yaml.optionalText(entries, "description", what), descriptors);
    }

    private static Framework.Crosswalk crosswalk(
            YamlTree yaml, Node node, List<String> levelIds, java.util.Set<String> competenceIds) {
        var entries = yaml.mapping(node, "the crosswalk");
        var to = yaml.requiredText(entries, node, "to", "the crosswalk");
        var levelsNode = yaml.required(entries, node, "levels", "the crosswalk");
        var levels = new LinkedHashMap<String, String>();
        for (var entry : yaml.mapping(levelsNode, "the crosswalk's levels").entrySet()) {
            if (!levelIds.contains(entry.getKey())) {
                throw yaml.error(entry.getValue(), "the crosswalk maps an unknown level '" + entry.getKey() + "'");
            }
            levels.put(entry.getKey(), yaml.scalar(entry.getValue(), "the crosswalk's level " + entry.getKey()));
        }
        var mappings = new ArrayList<Framework.Mapping>();
        for (var item : yaml.sequence(yaml.required(entries, node, "mappings", "the crosswalk"), "mappings")) {
            var mapping = yaml.mapping(item, "a crosswalk mapping");
            var from = yaml.requiredText(mapping, item, "from", "a crosswalk mapping");
            if (!competenceIds.contains(from)) {
                throw yaml.error(mapping.get("from"), "the crosswalk maps an unknown competence '" + from + "'");
            }
            var targets = yaml.texts(yaml.required(mapping, item, "to", "mapping " + from), "mapping " + from);
            mappings.add(new Framework.Mapping(
                    from, targets, yaml.optionalText(mapping, "note", "mapping " + from), YamlTree.line(item)));
        }
        return new Framework.Crosswalk(to, levels, mappings);
    }
}
