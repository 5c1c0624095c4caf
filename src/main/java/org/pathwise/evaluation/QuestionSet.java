package org.pathwise.evaluation;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A question set (JSONL, one question a line, as in the architecture notes), checked whole before any question is
 * asked: every line must be a JSON object with a unique {@code id}, a {@code question} and an {@code expect} of
 * {@code answer}, {@code abstain} or {@code refuse}; {@code expected_sources} and {@code tags}, when given, are lists
 * of strings; {@code language}, {@code expected_rule} and {@code reference_answer}, when given, are strings. Blank
 * lines are skipped.
 *
 * @param name what the set is called in a run: the file's path, a bundled set's path, or an upload's file name
 * @param sha256 the SHA-256 of the set's bytes, in hex
 * @param items its questions, in file order
 */
record QuestionSet(String name, String sha256, List<AnswerEvaluation.Item> items) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> EXPECTS = Set.of("answer", "abstain", "refuse");

    QuestionSet {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a question set holds at least one question");
        }
    }

    /**
     * The questions of one split, in file order; the set keeps its name and hash (what was read), and a run records
     * the selection beside them.
     *
     * @throws IllegalArgumentException when the set holds no question of that split
     */
    QuestionSet only(Split.Selection selection) {
        var kept = items.stream().filter(i -> selection.holds(i.split())).toList();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException(name + " holds no " + selection.label() + " question: its questions are "
                    + items.stream()
                            .map(i -> i.split().label())
                            .distinct()
                            .sorted()
                            .toList()
                    + " (a line's \"split\", else the file's name: only a …calibration….jsonl set is calibration)");
        }
        return kept.size() == items.size() ? this : new QuestionSet(name, sha256, kept);
    }

    /** {@code calibration} or {@code test} when every question is of that split, else {@code mixed}. */
    String split() {
        var splits = items.stream().map(AnswerEvaluation.Item::split).distinct().toList();
        return splits.size() == 1 ? splits.getFirst().label() : "mixed";
    }

    /** A line of a question set that can't be used, or a set that can't be read. */
    static final class InvalidException extends IllegalArgumentException {

        private final int line;

        InvalidException(String name, int line, String reason) {
            this(line, name + (line > 0 ? " line " + line : "") + ": " + reason);
        }

        private InvalidException(int line, String message) {
            super(message);
            this.line = line;
        }

        /** The line at fault, from 1, or 0 when the fault is not one line's. */
        int line() {
            return line;
        }
    }

    /**
     * Reads a question set from a file.
     *
     * @throws InvalidException when the file can't be read or a line is not a valid question
     */
    static QuestionSet read(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidException(0, "can't read " + file + ": " + e.getMessage());
        }
        return parse(file.toString(), content);
    }

    /**
     * Parses a question set.
     *
     * @throws InvalidException naming the first line that is not a valid question, or when the set holds none
     */
    static QuestionSet parse(String name, byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidException(name, 0, "is not UTF-8 text");
        }
        var lines = text.lines().toList();
        var items = new ArrayList<AnswerEvaluation.Item>();
        var idLines = new HashMap<String, Integer>();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            int number = i + 1;
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (RuntimeException e) {
                throw new InvalidException(name, number, "not JSON");
            }
            if (node == null || !node.isObject()) {
                throw new InvalidException(name, number, "not a JSON object");
            }
            var id = text(node, "id", name, number);
            var question = text(node, "question", name, number);
            var expect = text(node, "expect", name, number);
            if (!EXPECTS.contains(expect)) {
                throw new InvalidException(name, number, "expect must be answer, abstain or refuse, got " + expect);
            }
            var earlier = idLines.putIfAbsent(id, number);
            if (earlier != null) {
                throw new InvalidException(name, number, "the id " + id + " is already used on line " + earlier);
            }
            strings(node, "tags", name, number);
            var split = optional(node, "split", name, number);
            Split part;
            try {
                part = split.isEmpty() ? Split.ofSet(name) : Split.of(split);
            } catch (IllegalArgumentException e) {
                throw new InvalidException(name, number, e.getMessage());
            }
            items.add(new AnswerEvaluation.Item(
                    id,
                    question,
                    strings(node, "expected_sources", name, number),
                    expect,
                    optional(node, "language", name, number),
                    optional(node, "expected_rule", name, number),
                    optional(node, "reference_answer", name, number),
                    part));
        }
        if (items.isEmpty()) {
            throw new InvalidException(name, 0, "holds no question");
        }
        return new QuestionSet(name, sha256(content), items);
    }

    /** The first {@code limit} questions, or all of them when {@code limit} is {@code null}. */
    List<AnswerEvaluation.Item> first(Integer limit) {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        }
        return limit == null ? items : items.subList(0, Math.min(limit, items.size()));
    }

    private static String text(JsonNode node, String field, String name, int line) {
        var value = node.get(field);
        if (value == null
                || value.isNull()
                || !value.isString()
                || value.asString().isBlank()) {
            throw new InvalidException(name, line, "missing \"" + field + "\" (a non-empty string)");
        }
        return value.asString();
    }

    private static String optional(JsonNode node, String field, String name, int line) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isString()) {
            throw new InvalidException(name, line, "\"" + field + "\" must be a string");
        }
        return value.asString();
    }

    private static List<String> strings(JsonNode node, String field, String name, int line) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidException(name, line, "\"" + field + "\" must be a list of strings");
        }
        var strings = new ArrayList<String>();
        for (var element : value) {
            if (!element.isString()) {
                throw new InvalidException(name, line, "\"" + field + "\" must be a list of strings");
            }
            strings.add(element.asString());
        }
        return strings;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
