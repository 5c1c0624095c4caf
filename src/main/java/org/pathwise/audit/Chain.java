package org.pathwise.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hashes of the audit chain and the canonical JSON they cover.
 *
 * <p>{@code hash = SHA-256(previous hash, sequence, kind, time, metadata, text hash)}, the fields joined by line
 * feeds (none of them holds one: metadata is one line of JSON), in lower-case hex. {@code text hash = SHA-256} of the
 * canonical JSON array {@code [user, question, answer, comment]} (absent ones {@code null}), so the text can be removed
 * while the chain, which covers only its hash, still verifies. Canonical JSON: object keys sorted, no white space.
 */
final class Chain {

    /** The previous hash of the first record. */
    static final String GENESIS = "0".repeat(64);

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The text hash of a record that never had any text. */
    static final String NO_TEXT = textHash(null, null, null, null);

    private Chain() {}

    static String hash(String previous, long seq, String kind, Instant at, String metadata, String textHash) {
        return sha256(previous + '\n' + seq + '\n' + kind + '\n' + at + '\n' + metadata + '\n' + textHash);
    }

    static String textHash(String user, String question, String answer, String comment) {
        return sha256(JSON.writeValueAsString(Arrays.asList(user, question, answer, comment)));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** A value as canonical JSON: records and maps become objects with sorted keys. */
    static String canonical(Object value) {
        return JSON.writeValueAsString(sorted(JSON.valueToTree(value)));
    }

    private static Object sorted(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            var map = new TreeMap<String, Object>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                map.put(field.getKey(), sorted(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            var list = new ArrayList<Object>(node.size());
            for (var element : node) {
                list.add(sorted(element));
            }
            return list;
        }
        return node;
    }
}
