package org.pathwise.pathways;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a profile:
 *
 * <pre>
 * framework: digcompedu          # optional; another framework's profile is read through its crosswalk
 * current: {"2.1": A2, "3.1": B1}  # a competence not listed is at A1
 * target: {"2.1": B2}            # and/or role: blended-learning-lead
 * hours_per_week: 4              # optional, 4 by default
 * weeks: 12                      # optional deadline; none by default
 * languages: [en, fr]            # optional; any by default
 * mode: online                   # online | blended | any (default)
 * completed: [c1]                # optional: courses already completed
 * </pre>
 *
 * Rejects an unknown key, competence id, level, role or mode with the line at fault.
 */
final class ProfileYaml {

    private static final java.util.Set<String> KEYS = java.util.Set.of(
            "framework",
            "current",
            "target",
            "targets",
            "role",
            "hours_per_week",
            "weeks",
            "languages",
            "mode",
            "completed");

    private ProfileYaml() {}

    static Profile parse(String text, String where, Frameworks frameworks, Roles roles) {
        var yaml = YamlTree.of(where);
        var root = yaml.parse(text);
        var top = yaml.mapping(root, "the profile");
        for (var key : top.keySet()) {
            if (!KEYS.contains(key)) {
                throw yaml.error(
                        root,
                        "unknown key '" + key + "'; a profile has framework, current, target, role, hours_per_week,"
                                + " weeks, languages, mode, completed");
            }
        }
        var frameworkId = yaml.optionalText(top, "framework", "the profile");
        if (frameworkId.isEmpty()) {
            frameworkId = Frameworks.DEFAULT;
        }
        var chosen = frameworkId;
        var framework = frameworks
                .get(frameworkId)
                .orElseThrow(() -> yaml.error(
                        top.get("framework"),
                        "unknown framework '" + chosen + "' (known: "
                                + String.join(
                                        ", ",
                                        frameworks.all().stream()
                                                .map(Framework::id)
                                                .toList())
                                + ")"));
        var current = levels(yaml, top.get("current"), "current", framework, frameworks);
        var target = new LinkedHashMap<>(levels(
                yaml,
                top.containsKey("target") ? top.get("target") : top.get("targets"),
                "target",
                framework,
                frameworks));
        var role = yaml.optionalText(top, "role", "the profile");
        if (!role.isEmpty()) {
            var found = roles.get(role)
                    .orElseThrow(() -> yaml.error(
                            top.get("role"),
                            "unknown role '" + role + "' (roles: "
                                    + String.join(
                                            ", ",
                                            roles.all().stream()
                                                    .map(Roles.Role::id)
                                                    .toList())
                                    + ")"));
            found.targets().forEach((competence, level) -> target.merge(competence, level, Level::max));
        }
        if (target.isEmpty()) {
            throw yaml.error(root, "the profile needs target levels (target: {\"2.1\": B2}) or a role (role: <id>)");
        }
        double hoursPerWeek = 4;
        if (top.containsKey("hours_per_week")) {
            hoursPerWeek = number(yaml, top.get("hours_per_week"), "hours_per_week");
            if (!(hoursPerWeek > 0) || hoursPerWeek > 168) {
                throw yaml.error(top.get("hours_per_week"), "hours_per_week must be more than 0 and at most 168");
            }
        }
        int weeks = 0;
        if (top.containsKey("weeks")) {
            var value = number(yaml, top.get("weeks"), "weeks");
            if (value != Math.rint(value) || value < 1 || value > 520) {
                throw yaml.error(top.get("weeks"), "weeks must be a whole number from 1 to 520");
            }
            weeks = (int) value;
        }
        var languages = new ArrayList<String>();
        for (var language : yaml.texts(top.get("languages"), "languages")) {
            if (!language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
                throw yaml.error(top.get("languages"), "'" + language + "' is not a language tag such as en or fr");
            }
            languages.add(language.toLowerCase(Locale.ROOT));
        }
        ModePreference mode;
        try {
            mode = ModePreference.parse(yaml.optionalText(top, "mode", "the profile"));
        } catch (IllegalArgumentException e) {
            throw yaml.error(top.get("mode"), e.getMessage());
        }
        var completed = yaml.texts(top.get("completed"), "completed");
        return new Profile(current, target, role, hoursPerWeek, weeks, languages, mode, completed);
    }

    private static double number(YamlTree yaml, Node node, String what) {
        var text = yaml.scalar(node, what);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw yaml.error(node, what + " must be a number, got '" + text + "'");
        }
    }

    /** A competence-to-level mapping, translated to DigCompEdu when written against another framework. */
    private static Map<String, Level> levels(
            YamlTree yaml, Node node, String what, Framework framework, Frameworks frameworks) {
        var result = new LinkedHashMap<String, Level>();
        if (node == null || YamlTree.isNull(node)) {
            return result;
        }
        var digCompEdu = frameworks.digCompEdu();
        for (var entry : yaml.mapping(node, what).entrySet()) {
            var id = entry.getKey();
            if (framework.competence(id).isEmpty()) {
                throw yaml.error(
                        entry.getValue(),
                        what + ": unknown competence '" + id + "' in " + framework.id()
                                + (framework == digCompEdu ? " (ids run from 1.1 to 6.5)" : ""));
            }
            if (framework.id().equals(Frameworks.DEFAULT)) {
                result.merge(id, yaml.level(entry.getValue(), what + " " + id), Level::max);
                continue;
            }
            var levelId = yaml.scalar(entry.getValue(), what + " " + id);
            var crosswalk = framework
                    .crosswalk()
                    .filter(c -> c.to().equals(Frameworks.DEFAULT))
                    .orElseThrow(() -> yaml.error(
                            entry.getValue(), framework.id() + " has no crosswalk to DigCompEdu to plan with"));
            var mapped = crosswalk.levels().get(levelId);
            if (mapped == null) {
                throw yaml.error(
                        entry.getValue(),
                        what + " " + id + ": unknown level '" + levelId + "' (levels: "
                                + String.join(", ", crosswalk.levels().keySet()) + ")");
            }
            for (var mapping : crosswalk.mappings()) {
                if (mapping.from().equals(id)) {
                    for (var to : mapping.to()) {
                        result.merge(to, Level.parse(mapped), Level::max);
                    }
                }
            }
        }
        return result;
    }
}
