package org.pathwise.pathways;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pathwise.Located;
import tools.jackson.core.type.TypeReference;

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

    private ProfileYaml() {}

    /** A profile as written; competence-to-level mappings keep each level's line. */
    record ProfileFile(
            Located<String> framework,
            Located<Map<String, Located<String>>> current,
            Located<Map<String, Located<String>>> target,
            Located<Map<String, Located<String>>> targets,
            Located<String> role,
            @JsonProperty("hours_per_week") Located<Double> hoursPerWeek,
            Located<Double> weeks,
            Located<List<String>> languages,
            Located<String> mode,
            Located<List<String>> completed) {}

    static Profile parse(String text, String where, Frameworks frameworks, Roles roles) {
        var yaml = YamlInput.of(where);
        var root = yaml.read(text, new TypeReference<Located<ProfileFile>>() {}, type -> "profile");
        var file = root.value();
        var frameworkId = YamlInput.text(file.framework());
        if (frameworkId.isEmpty()) {
            frameworkId = Frameworks.DEFAULT;
        }
        var chosen = frameworkId;
        var framework = frameworks
                .get(frameworkId)
                .orElseThrow(() -> yaml.error(
                        file.framework(),
                        "unknown framework '" + chosen + "' (known: "
                                + String.join(
                                        ", ",
                                        frameworks.all().stream()
                                                .map(Framework::id)
                                                .toList())
                                + ")"));
        var current = levels(yaml, file.current(), "current", framework, frameworks);
        var target = new LinkedHashMap<>(
                levels(yaml, file.target() != null ? file.target() : file.targets(), "target", framework, frameworks));
        var role = YamlInput.text(file.role());
        if (!role.isEmpty()) {
            var found = roles.get(role)
                    .orElseThrow(() -> yaml.error(
                            file.role(),
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
        if (file.hoursPerWeek() != null) {
            hoursPerWeek = file.hoursPerWeek().value();
            if (!(hoursPerWeek > 0) || hoursPerWeek > 168) {
                throw yaml.error(file.hoursPerWeek(), "hours_per_week must be more than 0 and at most 168");
            }
        }
        int weeks = 0;
        if (file.weeks() != null) {
            double value = file.weeks().value();
            if (value != Math.rint(value) || value < 1 || value > 520) {
                throw yaml.error(file.weeks(), "weeks must be a whole number from 1 to 520");
            }
            weeks = (int) value;
        }
        var languages = new ArrayList<String>();
        for (var language : YamlInput.texts(file.languages())) {
            if (!language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
                throw yaml.error(file.languages(), "'" + language + "' is not a language tag such as en or fr");
            }
            languages.add(language.toLowerCase(Locale.ROOT));
        }
        ModePreference mode;
        try {
            mode = ModePreference.parse(YamlInput.text(file.mode()));
        } catch (IllegalArgumentException e) {
            throw yaml.error(file.mode(), e.getMessage());
        }
        var completed = YamlInput.texts(file.completed());
        return new Profile(current, target, role, hoursPerWeek, weeks, languages, mode, completed);
    }

    /** A competence-to-level mapping, translated to DigCompEdu when written against another framework. */
    private static Map<String, Level> levels(
            YamlInput yaml,
            Located<Map<String, Located<String>>> given,
            String what,
            Framework framework,
            Frameworks frameworks) {
        var result = new LinkedHashMap<String, Level>();
        if (given == null || given.value() == null) {
            return result;
        }
        var digCompEdu = frameworks.digCompEdu();
        for (var entry : given.value().entrySet()) {
            var id = entry.getKey();
            var value = entry.getValue() == null ? new Located<>("", given.line()) : entry.getValue();
            if (framework.competence(id).isEmpty()) {
                throw yaml.error(
                        value,
                        what + ": unknown competence '" + id + "' in " + framework.id()
                                + (framework == digCompEdu ? " (ids run from 1.1 to 6.5)" : ""));
            }
            if (framework.id().equals(Frameworks.DEFAULT)) {
                result.merge(id, yaml.level(value, what + " " + id), Level::max);
                continue;
            }
            var levelId = YamlInput.text(value);
            var crosswalk = framework
                    .crosswalk()
                    .filter(c -> c.to().equals(Frameworks.DEFAULT))
                    .orElseThrow(
                            () -> yaml.error(value, framework.id() + " has no crosswalk to DigCompEdu to plan with"));
            var mapped = crosswalk.levels().get(levelId);
            if (mapped == null) {
                throw yaml.error(
                        value,
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
