package org.pathwise.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A BEIR retrieval dataset (Thakur et al. 2021, "BEIR: A Heterogeneous Benchmark for Zero-shot Evaluation of
 * Information Retrieval Models", arXiv:2104.08663) as laid out on disk: {@code corpus.jsonl} with lines
 * {@code {"_id","title","text"}}, {@code queries.jsonl} with lines {@code {"_id","text"}}, and
 * {@code qrels/test.tsv} with a {@code query-id corpus-id score} header and tab-separated lines.
 *
 * @param name the folder's name, for example {@code beir-scifact}
 * @param corpus the corpus entries in file order; ids are unique
 * @param queries every query's text by id, in file order
 * @param qrels the test judgements: for each query id (in file order), the score of each judged corpus id
 */
record BeirDataset(
        String name, List<CorpusEntry> corpus, Map<String, String> queries, Map<String, Map<String, Integer>> qrels) {

    /** The corpus file, whose presence makes a folder a BEIR folder. */
    public static final String CORPUS = "corpus.jsonl";

    /** The queries file. */
    public static final String QUERIES = "queries.jsonl";

    /** The test judgements, relative to the folder. */
    public static final String TEST_QRELS = "qrels/test.tsv";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One document of the corpus.
     *
     * @param id the corpus id ({@code _id}); never blank
     * @param title the title, empty when absent
     * @param text the body text, possibly empty
     */
    public record CorpusEntry(String id, String title, String text) {
        public CorpusEntry {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("id must not be blank");
            }
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A test query with its judgements.
     *
     * @param id the query id
     * @param text the query's text
     * @param relevance the score of each judged corpus id; at least one is above 0
     */
    public record TestQuery(String id, String text, Map<String, Integer> relevance) {
        public TestQuery {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
            relevance = Map.copyOf(relevance);
        }
    }

    public BeirDataset {
        Objects.requireNonNull(name, "name");
        corpus = List.copyOf(corpus);
        queries = Collections.unmodifiableMap(new LinkedHashMap<>(queries));
        var copied = new LinkedHashMap<String, Map<String, Integer>>();
        qrels.forEach((query, judged) -> copied.put(query, Collections.unmodifiableMap(new LinkedHashMap<>(judged))));
        qrels = Collections.unmodifiableMap(copied);
        for (var query : qrels.keySet()) {
            if (!queries.containsKey(query)) {
                throw new IllegalArgumentException("qrels judge query '" + query + "', which queries lack");
            }
        }
    }

    /**
     * The queries of the test judgements that have at least one relevant document (score above 0), in the order of
     * {@code qrels/test.tsv}. Queries without a relevant document are left out, as they have no defined nDCG or
     * recall.
     */
    public List<TestQuery> testQueries() {
        var result = new ArrayList<TestQuery>();
        qrels.forEach((query, judged) -> {
            if (judged.values().stream().anyMatch(score -> score > 0)) {
                result.add(new TestQuery(query, queries.get(query), judged));
            }
        });
        return result;
    }

    /**
     * Reads a BEIR folder.
     *
     * @throws BeirDatasetException naming the file, the line and what is missing or wrong when the folder can't be read
     */
    public static BeirDataset load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new BeirDatasetException(BeirDatasetException.Kind.NO_FOLDER, folder + " is not a folder");
        }
        var corpusFile = folder.resolve(CORPUS);
        if (!Files.isRegularFile(corpusFile)) {
            throw new BeirDatasetException(
                    BeirDatasetException.Kind.NO_CORPUS, folder + " is not a BEIR folder: it has no " + CORPUS);
        }
        var queriesFile = require(folder, QUERIES);
        var qrelsFile = require(folder, TEST_QRELS);
        var corpus = readCorpus(corpusFile);
        var queries = readQueries(queriesFile);
        var qrels = readQrels(qrelsFile);
        for (var query : qrels.keySet()) {
            if (!queries.containsKey(query)) {
                throw new BeirDatasetException(
                        BeirDatasetException.Kind.MALFORMED,
                        queriesFile + " has no query '" + query + "', which " + qrelsFile + " judges");
            }
        }
        var name = folder.toAbsolutePath().normalize().getFileName();
        return new BeirDataset(name == null ? folder.toString() : name.toString(), corpus, queries, qrels);
    }

    private static Path require(Path folder, String name) {
        var file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new BeirDatasetException(
                    BeirDatasetException.Kind.MISSING_FILE,
                    folder + " is not a complete BEIR folder: it has no " + name);
        }
        return file;
    }

    private static List<CorpusEntry> readCorpus(Path file) {
        var entries = new ArrayList<CorpusEntry>();
        var ids = new HashSet<String>();
        forEachLine(file, (line, number) -> {
            var node = parse(file, number, line);
            var id = id(file, number, node);
            if (!ids.add(id)) {
                throw malformed(file, number, "the _id '" + id + "' appears twice");
            }
            if (!node.has("text")) {
                throw malformed(file, number, "missing \"text\"");
            }
            var title = optionalString(file, number, node, "title");
            var text = optionalString(file, number, node, "text");
            entries.add(new CorpusEntry(id, title, text));
        });
        return entries;
    }

    private static Map<String, String> readQueries(Path file) {
        var queries = new LinkedHashMap<String, String>();
        forEachLine(file, (line, number) -> {
            var node = parse(file, number, line);
            var id = id(file, number, node);
            if (!node.has("text")) {
                throw malformed(file, number, "missing \"text\"");
            }
            var text = optionalString(file, number, node, "text");
            if (queries.put(id, text) != null) {
                throw malformed(file, number, "the _id '" + id + "' appears twice");
            }
        });
        return queries;
    }

    private static Map<String, Map<String, Integer>> readQrels(Path file) {
        var qrels = new LinkedHashMap<String, Map<String, Integer>>();
        forEachLine(file, (line, number) -> {
            var columns = line.split("\t");
            if (columns.length < 3) {
                columns = line.strip().split("\\s+");
            }
            if (columns.length < 3) {
                throw malformed(file, number, "expected query-id, corpus-id and score, got '" + line + "'");
            }
            int score;
            try {
                score = Integer.parseInt(columns[2].strip());
            } catch (NumberFormatException e) {
                if (number == 1) {
                    return; // the "query-id corpus-id score" header
                }
                throw malformed(file, number, "score '" + columns[2].strip() + "' is not an integer");
            }
            qrels.computeIfAbsent(columns[0].strip(), query -> new LinkedHashMap<>())
                    .put(columns[1].strip(), score);
        });
        return qrels;
    }

    @FunctionalInterface
    private interface LineHandler {
        void accept(String line, int number);
    }

    /** Calls {@code handler} with every non-blank line and its one-based number. */
    private static void forEachLine(Path file, LineHandler handler) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (!line.isBlank()) {
                    handler.accept(line, number);
                }
            }
        } catch (IOException e) {
            throw new BeirDatasetException(
                    BeirDatasetException.Kind.UNREADABLE, "can't read " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(Path file, int number, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new BeirDatasetException(
                    BeirDatasetException.Kind.MALFORMED,
                    file + " line " + number + ": not valid JSON (" + e.getOriginalMessage() + ")",
                    e);
        }
        if (node == null || !node.isObject()) {
            throw malformed(file, number, "expected a JSON object");
        }
        return node;
    }

    private static String id(Path file, int number, JsonNode node) {
        var id = node.get("_id");
        if (id == null || !(id.isString() || id.isNumber()) || id.asString().isBlank()) {
            throw malformed(file, number, "missing \"_id\"");
        }
        return id.asString();
    }

    private static String optionalString(Path file, int number, JsonNode node, String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isString()) {
            throw malformed(file, number, "\"" + field + "\" must be a string");
        }
        return value.stringValue();
    }

    private static BeirDatasetException malformed(Path file, int number, String problem) {
        return new BeirDatasetException(BeirDatasetException.Kind.MALFORMED, file + " line " + number + ": " + problem);
    }
}
