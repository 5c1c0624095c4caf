package org.pathwise.pathways;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pathwise.Located;
import tools.jackson.core.type.TypeReference;

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

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RolesFile(Located<List<Located<RoleEntry>>> roles) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RoleEntry(
            Located<String> id,
            Located<String> name,
            Located<String> description,
            Located<Map<String, Located<String>>> targets) {}

    static Roles parse(String text, String where, Set<String> competenceIds) {
        var yaml = YamlInput.of(where);
        var root = yaml.read(text, new TypeReference<Located<RolesFile>>() {});
        var roles = new java.util.ArrayList<Role>();
        for (var node : yaml.items(yaml.required(root.value().roles(), root, "roles", "the roles file"), "roles")) {
            var entry = node.value();
            var id = yaml.requiredText(entry.id(), node, "id", "a role");
            var targets = new LinkedHashMap<String, Level>();
            for (var target : yaml.required(entry.targets(), node, "targets", "role " + id)
                    .value()
                    .entrySet()) {
                if (!competenceIds.contains(target.getKey())) {
                    throw yaml.error(
                            target.getValue(), "role " + id + " names the unknown competence " + target.getKey());
                }
                targets.put(target.getKey(), yaml.level(target.getValue(), "role " + id + " " + target.getKey()));
            }
            roles.add(new Role(
                    id,
                    yaml.requiredText(entry.name(), node, "name", "role " + id),
                    YamlInput.text(entry.description()),
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
