package org.pathwise.retrieval;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which embedding model embeds passages and queries ({@code pathwise.embedding.*}).
 *
 * @param model {@value Embedder#DEFAULT_MODEL} (bundled) or the name of a folder under {@code modelsDir}
 * @param modelsDir where added ONNX models live
 * @param bundledModelDir a folder holding the bundled model's files unpacked, read instead of its jar (faster to load);
 *     {@code bin/pathwise} gives the one the build unpacked; {@code null} reads the jar
 */
@ConfigurationProperties("pathwise.embedding")
record EmbeddingProperties(
        @DefaultValue(Embedder.DEFAULT_MODEL) String model,
        @DefaultValue("models") Path modelsDir,
        Path bundledModelDir) {}
