package org.pathwise.retrieval;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Turns passages and queries into vectors with one embedding model, adding the model's instruction prefixes.
 *
 * <p>Asymmetric retrieval models such as e5 expect queries and passages to start with different instructions
 * ("query: ", "passage: "); the embedder applies the right prefix so that callers never have to know. The bundled
 * bge-small-en-v1.5 gets none: its authors give the query instruction "Represent this sentence for searching relevant
 * passages: " as optional from version 1.5 on, and on BEIR SciFact (300 test queries, 5,183 abstracts, exact cosine
 * search) it made no difference here (nDCG@10 0.7111 with it, 0.7113 without). Without it a question's query vector
 * is also the vector of the question as a text, which the guardrails' classifier reads, so one inference serves both.
 * Vectors are L2-normalised by the ONNX models used here.
 */
public final class Embedder {

    /** The default model, shipped inside its Maven artifact. */
    public static final String DEFAULT_MODEL = "bge-small-en-v1.5-q";

    /**
     * The texts of one call are embedded side by side, one inference per core on the model's one ONNX session: one
     * inference of this small model keeps about one core busy, so on two cores two at a time embed about twice as many
     * passages a second as one after another (the retrieval benchmark on SciFact: 31.0 against 20.8 passages/s, the
     * same vectors; see docs/benchmarks.md). A single text, such as a question, is embedded on the caller's thread. The
     * threads are daemons, so that a command ends when its work does.
     */
    private static final Executor INFERENCES = java.util.concurrent.Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()),
            Thread.ofPlatform().name("embedding-", 1).daemon().factory());

    private final String modelId;
    private final EmbeddingModel model;
    private final String queryPrefix;
    private final String passagePrefix;
    private final int dimensions;
    private final Set<String> languages;
    /** The vectors of the last few single texts, by the model's input (prefix included). */
    private final Map<String, float[]> recent = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > 64;
        }
    });

    /**
     * @param modelId a name that identifies the model and its version; the index records it
     * @param model the LangChain4j embedding model
     * @param queryPrefix text put before every query
     * @param passagePrefix text put before every passage
     */
    public Embedder(String modelId, EmbeddingModel model, String queryPrefix, String passagePrefix) {
        this(modelId, model, queryPrefix, passagePrefix, Set.of());
    }

    /**
     * @param languages the languages the model was trained and validated on (BCP 47), empty when unknown
     */
    Embedder(String modelId, EmbeddingModel model, String queryPrefix, String passagePrefix, Set<String> languages) {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("modelId must not be blank");
        }
        this.modelId = modelId;
        this.model = Objects.requireNonNull(model, "model");
        this.queryPrefix = Objects.requireNonNull(queryPrefix, "queryPrefix");
        this.passagePrefix = Objects.requireNonNull(passagePrefix, "passagePrefix");
        this.dimensions = model.dimension();
        this.languages = Set.copyOf(languages);
    }

    /** The bundled bge-small-en-v1.5 model, quantized, without instructions. */
    public static Embedder bgeSmallEnV15Quantized() {
        return bundled(new BgeSmallEnV15QuantizedEmbeddingModel(INFERENCES));
    }

    /**
     * The bundled model as LangChain4j runs it by default (its own thread pool over one session): what
     * the retrieval benchmark compares the model's speed here with.
     */
    public static Embedder langChain4jDefault() {
        return bundled(new BgeSmallEnV15QuantizedEmbeddingModel());
    }

    /** The bundled model, run by {@code model}: no instructions, English. */
    private static Embedder bundled(EmbeddingModel model) {
        return new Embedder(DEFAULT_MODEL, model, "", "", Set.of("en"));
    }

    /** The bundled model's file inside its jar, and its name in a folder it is unpacked into. */
    static final String BUNDLED_ONNX = "bge-small-en-v1.5-q.onnx";

    /** The bundled model's tokenizer inside its jar, and its name in a folder it is unpacked into. */
    static final String BUNDLED_TOKENIZER = "bge-small-en-v1.5-q-tokenizer.json";

    /**
     * The bundled model read from a folder it was unpacked into: LangChain4j and ONNX Runtime load it as they load it
     * from the jar (the same session options, tokenizer and CLS pooling), without inflating 34 MB first.
     */
    static Embedder bgeSmallEnV15Quantized(Path dir) {
        var onnx = dir.resolve(BUNDLED_ONNX);
        var tokenizer = dir.resolve(BUNDLED_TOKENIZER);
        if (!Files.isRegularFile(onnx) || !Files.isRegularFile(tokenizer)) {
            throw new IllegalArgumentException("the bundled embedding model's folder " + dir + " must hold "
                    + BUNDLED_ONNX
                    + " and " + BUNDLED_TOKENIZER + " (unset pathwise.embedding.bundled-model-dir to read them from"
                    + " the jar)");
        }
        return bundled(new OnnxEmbeddingModel(onnx, tokenizer, PoolingMode.CLS, INFERENCES));
    }

    /** Models that {@link #preload} started loading, by name and folders, until a {@code load} takes them. */
    private static final Map<List<Object>, CompletableFuture<Embedder>> PRELOADED = new ConcurrentHashMap<>();

    /**
     * Loads the model named {@code name}: the bundled default, or a folder {@code modelsDir/name} that holds
     * {@code model.onnx}, {@code tokenizer.json} and optionally the descriptor {@code model.properties}:
     *
     * <ul>
     *   <li>{@code pooling}: {@code mean} (default) or {@code cls};
     *   <li>{@code dimension}: the vectors' dimensions, checked against the model's output when given;
     *   <li>{@code query-prefix} and {@code passage-prefix}: the instructions put before queries and passages, such as
     *       E5's {@code query: } and {@code passage: } (a value keeps its trailing space);
     *   <li>{@code max-tokens}: the longest input the model reads (LangChain4j embeds a longer text in pieces of at
     *       most 510 tokens and averages them);
     *   <li>{@code languages}: the languages it was trained and validated on, comma-separated BCP 47 tags; a question
     *       in one of them is not translated with dictionaries, since the model reads it as it is.
     * </ul>
     *
     * @throws IllegalArgumentException naming the file and what to fix when the model can't be loaded
     */
    public static Embedder load(String name, Path modelsDir) {
        return load(name, modelsDir, null);
    }

    /**
     * Loads the model named {@code name}, as {@link #load(String, Path)} does, or takes it from {@link #preload} when
     * a preload of the same model started.
     *
     * @param bundledDir a folder that holds the bundled model's files unpacked ({@value #BUNDLED_ONNX} and
     *     {@value #BUNDLED_TOKENIZER}), read instead of the copies inside its jar, which must first be inflated: the
     *     same model, loaded in about half the time; {@code null} to read the jar
     */
    static Embedder load(String name, Path modelsDir, Path bundledDir) {
        var preloaded = PRELOADED.remove(preloadKey(name, modelsDir, bundledDir));
        if (preloaded == null) {
            return loadNow(name, modelsDir, bundledDir);
        }
        try {
            return preloaded.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Starts loading a model on {@code executor}; the next {@link #load(String, Path, Path)} of the same model and
     * folders takes it, waiting for it if need be, and meets its failure if it failed.
     */
    static void preload(String name, Path modelsDir, Path bundledDir, Executor executor) {
        PRELOADED.computeIfAbsent(
                preloadKey(name, modelsDir, bundledDir),
                key -> CompletableFuture.supplyAsync(() -> loadNow(name, modelsDir, bundledDir), executor));
    }

    private static List<Object> preloadKey(String name, Path modelsDir, Path bundledDir) {
        return Arrays.asList(
                name,
                modelsDir.toAbsolutePath().normalize(),
                bundledDir == null ? null : bundledDir.toAbsolutePath().normalize());
    }

    private static Embedder loadNow(String name, Path modelsDir, Path bundledDir) {
        if (DEFAULT_MODEL.equals(name)) {
            return bundledDir == null ? bgeSmallEnV15Quantized() : bgeSmallEnV15Quantized(bundledDir);
        }
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("embedding model name '" + name + "' must be " + DEFAULT_MODEL
                    + " or the name of a folder under " + modelsDir);
        }
        var dir = modelsDir.resolve(name);
        var onnx = dir.resolve("model.onnx");
        var tokenizer = dir.resolve("tokenizer.json");
        if (!Files.isRegularFile(onnx) || !Files.isRegularFile(tokenizer)) {
            throw new IllegalArgumentException("embedding model '" + name + "' not found: expected " + onnx + " and "
                    + tokenizer + " (or use the bundled " + DEFAULT_MODEL + ")");
        }
        var properties = new Properties();
        var propertiesFile = dir.resolve("model.properties");
        if (Files.isRegularFile(propertiesFile)) {
            try (Reader reader = Files.newBufferedReader(propertiesFile)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException("can't read " + propertiesFile + ": " + e.getMessage(), e);
            }
        }
        var pooling = switch (properties.getProperty("pooling", "mean").strip().toLowerCase(Locale.ROOT)) {
            case "mean" -> PoolingMode.MEAN;
            case "cls" -> PoolingMode.CLS;
            default ->
                throw new IllegalArgumentException(
                        propertiesFile + ": pooling must be mean or cls, got " + properties.getProperty("pooling"));
        };
        int declaredDimension = positive(properties, "dimension", propertiesFile);
        positive(properties, "max-tokens", propertiesFile);
        var languages = new java.util.LinkedHashSet<String>();
        for (var tag : properties.getProperty("languages", "").split(",")) {
            if (!tag.isBlank()) {
                languages.add(tag.strip().toLowerCase(Locale.ROOT));
            }
        }
        OnnxEmbeddingModel model;
        try {
            model = new OnnxEmbeddingModel(onnx, tokenizer, pooling, INFERENCES);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "can't load the embedding model " + onnx + " with " + tokenizer + ": " + e.getMessage(), e);
        }
        if (declaredDimension > 0 && model.dimension() != declaredDimension) {
            throw new IllegalArgumentException(propertiesFile + ": dimension is " + declaredDimension + " but " + onnx
                    + " gives vectors of " + model.dimension());
        }
        return new Embedder(
                name,
                model,
                properties.getProperty("query-prefix", ""),
                properties.getProperty("passage-prefix", ""),
                languages);
    }

    /** A descriptor's positive whole number, 0 when absent. */
    private static int positive(Properties properties, String key, Path file) {
        var value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(file + ": " + key + " must be a positive whole number, got " + value);
    }

    /** The languages the model was trained and validated on (BCP 47), empty when its descriptor does not say. */
    public Set<String> languages() {
        return languages;
    }

    public String modelId() {
        return modelId;
    }

    public int dimensions() {
        return dimensions;
    }

    /**
     * Embeds a query, with the model's query instruction. The last few texts' vectors are kept, because one question
     * is often searched several ways in a row (semantic, then hybrid) and screened before that.
     */
    public float[] embedQuery(String query) {
        return embedOne(queryPrefix + query);
    }

    /**
     * Embeds one text as a passage, with the model's passage instruction, from the same cache as {@link #embedQuery}:
     * when a model has the same prefix for both, a question embedded one way costs nothing the other way.
     */
    public float[] embedPassage(String text) {
        return embedOne(passagePrefix + text);
    }

    private float[] embedOne(String input) {
        var vector = recent.get(input);
        if (vector == null) {
            vector = model.embed(input).content().vector();
            recent.put(input, vector);
        }
        return vector.clone();
    }

    /** Cosine similarity of two L2-normalised vectors. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    /** Embeds passages' texts, in order. */
    public List<float[]> embedPassages(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        var segments = texts.stream()
                .map(text -> TextSegment.from(passagePrefix + text))
                .toList();
        return model.embedAll(segments).content().stream()
                .map(embedding -> embedding.vector())
                .toList();
    }
}
