package org.pathwise.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbedderTest {

    @Test
    void aTextEmbeddedAsAQueryAndAsAPassageCostsOneInferenceWhenThePrefixesAreTheSame() {
        var model = new FakeEmbeddingModel();
        var embedder = new Embedder("fake", model, "", "");

        var query = embedder.embedQuery("How do I caption a lecture video?");
        var passage = embedder.embedPassage("How do I caption a lecture video?");

        assertThat(passage).containsExactly(query);
        assertThat(model.embedded()).containsExactly("How do I caption a lecture video?");
    }

    @Test
    void differentPrefixesGiveDifferentInputsAndEachIsCachedOnItsOwn() {
        var model = new FakeEmbeddingModel();
        var embedder = new Embedder("fake", model, "query: ", "passage: ");

        embedder.embedQuery("rubrics");
        embedder.embedPassage("rubrics");
        embedder.embedQuery("rubrics");
        embedder.embedPassage("rubrics");

        assertThat(model.embedded()).containsExactly("query: rubrics", "passage: rubrics");
    }

    @Test
    void callersCanNotChangeACachedVector() {
        var embedder = new Embedder("fake", new FakeEmbeddingModel(), "", "");
        var first = embedder.embedQuery("open licences");
        java.util.Arrays.fill(first, 0f);

        assertThat(embedder.embedQuery("open licences")).isNotEqualTo(first);
    }

    @Test
    void theBundledModelEmbedsAQuestionTheSameWayForSearchAndForTheGuardrails() {
        var embedder = Embedder.bgeSmallEnV15Quantized();
        var question = "Which licence lets me translate a course?";

        var query = embedder.embedQuery(question);
        var batch = embedder.embedPassages(java.util.List.of(question)).getFirst();

        assertThat(query).hasSize(embedder.dimensions());
        for (int i = 0; i < query.length; i++) {
            assertThat(query[i]).as("dimension %d", i).isCloseTo(batch[i], org.assertj.core.data.Offset.offset(1e-6f));
        }
    }

    @Test
    void theBundledModelEmbedsEachTextOfABatchAsItEmbedsItAlone() {
        var embedder = Embedder.bgeSmallEnV15Quantized();
        var texts = java.util.List.of(
                "Rubrics describe levels of performance for each criterion.",
                "Captions help deaf students and everyone watching in a noisy place.",
                "An open licence is a standing permission to reuse a work.",
                "Retrieval practice: short quizzes spaced over weeks.",
                "Las licencias abiertas permiten adaptar los materiales.");

        var batch = embedder.embedPassages(texts);

        assertThat(batch).hasSameSizeAs(texts);
        for (int t = 0; t < texts.size(); t++) {
            var alone = embedder.embedPassage(texts.get(t));
            for (int i = 0; i < alone.length; i++) {
                assertThat(batch.get(t)[i])
                        .as("text %d, dimension %d", t, i)
                        .isCloseTo(alone[i], org.assertj.core.data.Offset.offset(1e-6f));
            }
        }
    }

    @Test
    void theBundledModelUnpackedIntoAFolderGivesTheVectorsOfTheOneInsideItsJar(@TempDir java.nio.file.Path dir)
            throws Exception {
        for (var file : java.util.List.of(Embedder.BUNDLED_ONNX, Embedder.BUNDLED_TOKENIZER)) {
            try (var in = Embedder.class.getClassLoader().getResourceAsStream(file)) {
                assertThat(in).as(file).isNotNull();
                java.nio.file.Files.copy(in, dir.resolve(file));
            }
        }
        var fromJar = Embedder.bgeSmallEnV15Quantized();
        var fromFolder = Embedder.load(Embedder.DEFAULT_MODEL, MODELS, dir);

        assertThat(fromFolder.modelId()).isEqualTo(fromJar.modelId());
        assertThat(fromFolder.languages()).isEqualTo(fromJar.languages());
        for (var text : java.util.List.of(
                "Which licence lets me translate a course?", "¿Cómo facilito un debate en línea?", "عدد المساعدين")) {
            assertThat(fromFolder.embedPassage(text)).as(text).containsExactly(fromJar.embedPassage(text));
        }
    }

    @Test
    void aBundledModelFolderWithoutTheModelSaysWhatItMustHold(@TempDir java.nio.file.Path dir) {
        assertThatThrownBy(() -> Embedder.load(Embedder.DEFAULT_MODEL, MODELS, dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("bge-small-en-v1.5-q.onnx")
                .hasMessageContaining("pathwise.embedding.bundled-model-dir");
    }

    @Test
    void aPreloadedModelIsTakenByTheNextLoadOfTheSameModelAndOnlyByThatOne() {
        var tasks = new java.util.ArrayList<Runnable>();
        Embedder.preload("tiny-multilingual", MODELS, null, tasks::add);
        Embedder.preload("tiny-multilingual", MODELS, null, tasks::add);
        assertThat(tasks).as("one load for one model").hasSize(1);
        tasks.getFirst().run();

        var taken = Embedder.load("tiny-multilingual", MODELS.toAbsolutePath(), null);
        var loadedAgain = Embedder.load("tiny-multilingual", MODELS, null);

        assertThat(taken.modelId()).isEqualTo("tiny-multilingual");
        assertThat(loadedAgain).isNotSameAs(taken);
        assertThat(loadedAgain.embedPassage("school")).containsExactly(taken.embedPassage("school"));
    }

    @Test
    void aPreloadThatFailedFailsTheLoadThatTakesItWithTheSameMessage(@TempDir java.nio.file.Path empty) {
        Embedder.preload("missing", empty, null, Runnable::run);

        assertThatThrownBy(() -> Embedder.load("missing", empty, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("embedding model 'missing' not found");
    }

    /** The tiny model the repository holds ({@code src/test/resources/models/make_tiny_model.py} writes it). */
    private static final java.nio.file.Path MODELS = java.nio.file.Path.of("src/test/resources/models");

    @Test
    void anAddedOnnxModelIsLoadedWithItsDescriptor() {
        var embedder = Embedder.load("tiny-multilingual", MODELS);

        assertThat(embedder.modelId()).isEqualTo("tiny-multilingual");
        assertThat(embedder.dimensions()).isEqualTo(32);
        assertThat(embedder.languages()).containsExactlyInAnyOrder("en", "es");
        var school = embedder.embedPassage("Every school opens in September.");
        assertThat(school).hasSize(32);
        // the model's English and Spanish words share vectors: the Spanish question is nearest the school passage
        var question = embedder.embedQuery("¿Cuándo abre cada escuela?");
        var river = embedder.embedPassage("The river floods the valley every spring.");
        assertThat(Embedder.cosine(question, school)).isGreaterThan(Embedder.cosine(question, river));
        // the query prefix is part of the input: the same text embedded as a passage differs
        assertThat(embedder.embedQuery("Every school opens in September.")).isNotEqualTo(school);
        assertThat(embedder.embedPassages(java.util.List.of("Every school opens in September."))
                        .getFirst())
                .containsExactly(school);
    }

    @Test
    void aDescriptorThatContradictsTheModelOrItselfIsRefusedNamingTheFile(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        var model = dir.resolve("wrong");
        java.nio.file.Files.createDirectories(model);
        for (var file : java.util.List.of("model.onnx", "tokenizer.json")) {
            java.nio.file.Files.copy(MODELS.resolve("tiny-multilingual").resolve(file), model.resolve(file));
        }
        var descriptor = model.resolve("model.properties");

        java.nio.file.Files.writeString(descriptor, "dimension=384\n");
        assertThatThrownBy(() -> Embedder.load("wrong", dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        descriptor + ": dimension is 384 but " + model.resolve("model.onnx") + " gives vectors of 32");
        java.nio.file.Files.writeString(descriptor, "max-tokens=lots\n");
        assertThatThrownBy(() -> Embedder.load("wrong", dir))
                .hasMessage(descriptor + ": max-tokens must be a positive whole number, got lots");
        java.nio.file.Files.writeString(descriptor, "pooling=max\n");
        assertThatThrownBy(() -> Embedder.load("wrong", dir))
                .hasMessage(descriptor + ": pooling must be mean or cls, got max");
        assertThatThrownBy(() -> Embedder.load("missing", dir))
                .hasMessageStartingWith("embedding model 'missing' not found: expected " + dir.resolve("missing"));
        assertThatThrownBy(() -> Embedder.load("../wrong", dir))
                .hasMessageStartingWith("embedding model name '../wrong' must be");
        java.nio.file.Files.writeString(model.resolve("model.onnx"), "not a model");
        java.nio.file.Files.writeString(descriptor, "");
        assertThatThrownBy(() -> Embedder.load("wrong", dir))
                .hasMessageStartingWith("can't load the embedding model " + model.resolve("model.onnx"));
    }
}
