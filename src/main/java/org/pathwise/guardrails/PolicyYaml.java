package org.pathwise.guardrails;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a policy from YAML. Works on SnakeYAML's node tree rather than loaded maps, so that every error names the line
 * at fault: a syntax error, a missing or unknown key, an unknown stage, action or severity, a duplicate rule id.
 *
 * <pre>{@code
 * version: pathwise-default/1.0
 * disclosure: AI-generated answer; check it against the cited sources.
 * rules:
 *   - id: personal-data
 *     principle: UNESCO Recommendation on the Ethics of AI (2021), right to privacy and data protection
 *     stage: input
 *     action: redact
 *     severity: medium
 *     message: Personal data was removed before the question was searched or stored.
 *     detector: personal-data      # optional, defaults to the id
 *     settings: {}                 # optional, the detector's settings
 * }</pre>
 */
public final class PolicyYaml {

    private static final Set<String> POLICY_KEYS = Set.of("version", "disclosure", "description", "rules");
    private static final Set<String> RULE_KEYS =
            Set.of("id", "principle", "stage", "action", "severity", "message", "detector", "settings");

    /** Where the bundled default policy is, on the class path. */
    static final String BUNDLED_DEFAULT = "guardrails/policy.yaml";

    private PolicyYaml() {}

    /** The text of the bundled default policy. */
    public static String bundledDefault() {
        try {
            return new org.springframework.core.io.ClassPathResource(BUNDLED_DEFAULT)
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the bundled policy " + BUNDLED_DEFAULT + " is missing", e);
        }
    }

    /**
     * Parses a policy.
     *
     * @throws PolicyException naming the line at fault
     */
    public static Policy parse(String yaml) {
        Node root;
        try {
            var options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setCodePointLimit(1_000_000);
            root = new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            // the construct being read (an unclosed bracket, say) names the fault better than where reading failed
            var mark = e.getContextMark() != null ? e.getContextMark() : e.getProblemMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            throw new PolicyException(line, "invalid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new PolicyException(0, "invalid YAML: " + e.getMessage());
        }
        if (!(root instanceof MappingNode map)) {
            throw new PolicyException(
                    root == null ? 1 : line(root), "a policy is a mapping with version, disclosure and rules");
        }
        var fields = fields(map, POLICY_KEYS, "policy");
        var version = scalar(fields, "version", map, true);
        var disclosure = scalar(fields, "disclosure", map, false);
        var rulesNode = fields.get("rules");
        if (!(rulesNode instanceof SequenceNode sequence)) {
            throw new PolicyException(rulesNode == null ? line(map) : line(rulesNode), "rules must be a list of rules");
        }
        var rules = new ArrayList<Policy.Rule>();
        var ids = new java.util.HashSet<String>();
        for (var node : sequence.getValue()) {
            var rule = rule(node);
            if (!ids.add(rule.id())) {
                throw new PolicyException(line(node), "rule id " + rule.id() + " is used twice");
            }
            rules.add(rule);
        }
        return new Policy(version, disclosure, rules, yaml);
    }

    private static Policy.Rule rule(Node node) {
        if (!(node instanceof MappingNode map)) {
            throw new PolicyException(line(node), "a rule is a mapping with id, stage, action and message");
        }
        var fields = fields(map, RULE_KEYS, "rule");
        var id = scalar(fields, "id", map, true);
        if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new PolicyException(
                    line(fields.get("id")), "rule id must be lower-case letters, digits and hyphens, got " + id);
        }
        var stage = choice(fields, "stage", map, Policy.Stage.class);
        var action = choice(fields, "action", map, Verdict.Action.class);
        var severity = fields.containsKey("severity")
                ? choice(fields, "severity", map, Verdict.Severity.class)
                : Verdict.Severity.MEDIUM;
        var message = scalar(fields, "message", map, true);
        Map<String, Object> settings = Map.of();
        if (fields.containsKey("settings")) {
            var settingsNode = fields.get("settings");
            if (!(settingsNode instanceof MappingNode) && !isNull(settingsNode)) {
                throw new PolicyException(line(settingsNode), "settings must be a mapping");
            }
            settings = isNull(settingsNode) ? Map.of() : castMap(value(settingsNode));
        }
        return new Policy.Rule(
                id,
                scalar(fields, "principle", map, true),
                stage,
                action,
                severity,
                message,
                scalar(fields, "detector", map, false),
                settings,
                line(map));
    }

    private static Map<String, Node> fields(MappingNode map, Set<String> allowed, String what) {
        var fields = new LinkedHashMap<String, Node>();
        for (var tuple : map.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw new PolicyException(line(tuple.getKeyNode()), "keys must be plain words");
            }
            if (!allowed.contains(key.getValue())) {
                throw new PolicyException(
                        line(key),
                        "unknown " + what + " key '" + key.getValue() + "'; expected one of "
                                + String.join(", ", allowed.stream().sorted().toList()));
            }
            fields.put(key.getValue(), tuple.getValueNode());
        }
        return fields;
    }

    private static String scalar(Map<String, Node> fields, String key, Node owner, boolean required) {
        var node = fields.get(key);
        if (node == null || isNull(node)) {
            if (required) {
                throw new PolicyException(line(owner), "'" + key + "' is missing");
            }
            return "";
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw new PolicyException(line(node), "'" + key + "' must be a single value");
        }
        var value = scalar.getValue().strip();
        if (required && value.isEmpty()) {
            throw new PolicyException(line(node), "'" + key + "' must not be empty");
        }
        return value;
    }

    private static <E extends Enum<E>> E choice(Map<String, Node> fields, String key, Node owner, Class<E> type) {
        var value = scalar(fields, key, owner, true);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            var allowed = java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT))
                    .toList();
            throw new PolicyException(
                    line(fields.get(key)),
                    "unknown " + key + " '" + value + "'; expected one of " + String.join(", ", allowed));
        }
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().getValue().endsWith(":null");
    }

    /** A node as plain values: strings, lists and maps. */
    private static Object value(Node node) {
        return switch (node) {
            case ScalarNode scalar -> scalar.getValue();
            case SequenceNode sequence ->
                sequence.getValue().stream().map(PolicyYaml::value).toList();
            case MappingNode mapping -> {
                var map = new LinkedHashMap<String, Object>();
                for (var tuple : mapping.getValue()) {
                    map.put(String.valueOf(value(tuple.getKeyNode())), value(tuple.getValueNode()));
                }
                yield map;
            }
            default -> throw new PolicyException(line(node), "settings may hold only values, lists and mappings");
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
