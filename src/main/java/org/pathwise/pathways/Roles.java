package org.pathwise.pathways;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The roles an educator can aim for, each implying target DigCompEdu levels; read from {@code pathways/roles.yaml}. */
final class Roles {

    /** One role and the levels it implies. */
    record Role(String id, String name, String description, Map<String, Level> targets) {
        Role {
            targets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(targets));
        }
    }

    private final Map<String, Role> byId;

    Roles(List<Role> roles) {
        var map = new LinkedHashMap<String, Role>();
        roles.forEach(role -> map.put(role.id(), role));
        this.byId = map;
    }

    static Roles bundled(Set<String> competenceIds) {
        return parse(Frameworks.resource("pathways/roles.yaml"), "roles.yaml", competenceIds);
    }

    static Roles parse(String text, String where, Set<String> competenceIds) {
        var yaml = YamlTree.of(where);
        var root = yaml.parse(text);
        var top = yaml.mapping(root, "the roles file");
        var roles = new java.util.ArrayList<Role>();
        for (var node : yaml.sequence(yaml.required(top, root, "roles", "the roles file"), "roles")) {
            var entries = yaml.mapping(node, "a role");
            var id = yaml.requiredText(entries, node, "id", "a role");
            var targets = new LinkedHashMap<String, Level>();
            for (var target : yaml.mapping(yaml.required(entries, node, "targets", "role " + id), "role " + id)
                    .entrySet()) {
                if (!competenceIds.contains(target.getKey())) {
                    throw yaml.error(
                            target.getValue(), "role " + id + " names the unknown competence " + target.getKey());
                }
                targets.put(target.getKey(), yaml.level(target.getValue(), "role " + id + " " + target.getKey()));
            }
            roles.add(new Role(
                    id,
                    yaml.requiredText(entries, node, "name", "role " + id),
                    yaml.optionalText(entries, "description", "role " + id),
                    targets));
        }
        return new Roles(roles);
    }

    Optional<Role> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    List<Role> all() {
        return List.copyOf(byId.values());
    }
}
