package org.pathwise.pathways;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads YAML as SnakeYAML's node tree rather than as plain maps, so that every value keeps the line it came from and a
 * rejected file names the line at fault, for syntax errors and for values that parse but make no sense alike.
 */
final class YamlTree {

    private final String where;

    private YamlTree(String where) {
        this.where = where;
    }

    /** A reader whose messages name {@code where} (a file name, "profile", ...). */
    static YamlTree of(String where) {
        return new YamlTree(where);
    }

    String where() {
        return where;
    }

    /** Parses one YAML document; an empty document is an error. */
    Node parse(String text) {
        Node root;
        try {
            var options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new InvalidInputException(
                    where, mark == null ? 0 : mark.getLine() + 1, "invalid YAML: " + firstLine(e.getProblem()));
        } catch (YAMLException e) {
            throw new InvalidInputException(where, 0, "invalid YAML: " + firstLine(e.getMessage()));
        }
        if (root == null) {
            throw new InvalidInputException(where, 1, "the file is empty");
        }
        return root;
    }

    /** The node's 1-based line. */
    static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    InvalidInputException error(Node node, String reason) {
        return new InvalidInputException(where, node == null ? 0 : line(node), reason);
    }

    /** The entries of a mapping in file order; keys must be scalars and appear once. */
    Map<String, Node> mapping(Node node, String what) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, what + " must be a mapping of keys to values");
        }
        var entries = new LinkedHashMap<String, Node>();
        for (var tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw error(tuple.getKeyNode(), "the keys of " + what + " must be plain values");
            }
            if (entries.put(key.getValue(), tuple.getValueNode()) != null) {
                throw error(key, "the key '" + key.getValue() + "' appears twice in " + what);
            }
        }
        return entries;
    }

    List<Node> sequence(Node node, String what) {
        if (!(node instanceof SequenceNode sequence)) {
            throw error(node, what + " must be a list");
        }
        return sequence.getValue();
    }

    String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, what + " must be a single value");
        }
        return scalar.getValue().strip();
    }

    /** A required key of a mapping. */
    Node required(Map<String, Node> entries, Node parent, String key, String what) {
        var node = entries.get(key);
        if (node == null) {
            throw error(parent, what + " needs '" + key + "'");
        }
        return node;
    }

    String requiredText(Map<String, Node> entries, Node parent, String key, String what) {
        var text = scalar(required(entries, parent, key, what), what + "'s " + key);
        if (text.isEmpty()) {
            throw error(entries.get(key), what + "'s " + key + " must not be empty");
        }
        return text;
    }

    String optionalText(Map<String, Node> entries, String key, String what) {
        var node = entries.get(key);
        return node == null || isNull(node) ? "" : scalar(node, what + "'s " + key);
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().getValue().endsWith(":null");
    }

    /** A list of plain values, or a single value read as a list of one. */
    List<String> texts(Node node, String what) {
        if (node == null || isNull(node)) {
            return List.of();
        }
        if (node instanceof ScalarNode) {
            var text = scalar(node, what);
            return text.isEmpty() ? List.of() : List.of(text);
        }
        return sequence(node, what).stream().map(item -> scalar(item, what)).toList();
    }

    /** A level, or an error on the value's line naming the accepted levels. */
    Level level(Node node, String what) {
        try {
            return Level.parse(scalar(node, what));
        } catch (IllegalArgumentException e) {
            throw error(node, what + ": " + e.getMessage());
        }
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse(text).strip();
    }
}
