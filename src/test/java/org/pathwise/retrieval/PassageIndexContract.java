package org.pathwise.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The behaviour every {@link PassageIndex} adapter must have. An adapter's test extends this class and says how to
 * open an index; the embedding model is {@link FakeEmbeddingModel}, so results depend on the adapter alone.
 */
public abstract class PassageIndexContract {

    @TempDir
    protected Path folder;

    protected PassageIndex index;

    /** Opens an empty index of the adapter under test, embedding with {@code embedder}. */
    protected abstract PassageIndex open(Path folder, Embedder embedder);

    @BeforeEach
    void openIndex() {
        index = open(folder, FakeEmbeddingModel.embedder("fake-64"));
    }

    @AfterEach
    void closeIndex() {
        if (index != null) {
            index.close();
        }
    }

    protected static DocumentFacets facets(String source, String licence, String language) {
        return new DocumentFacets(
                source,
                "Title of " + source,
                List.of("Ada Author"),
                licence,
                language,
                "dc-101",
                List.of("2.1"),
                "guide");
    }

    protected static Passage passage(String documentId, int ordinal, String text) {
        return Passage.of(
                documentId,
                ordinal,
                text,
                List.of("Heading"),
                "#heading",
                facets(documentId + ".md", "CC-BY-4.0", "en"));
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void anEmptyIndexFindsNothing(SearchMode mode) {
        assertThat(index.search(SearchRequest.of("anything at all", 10, mode))).isEmpty();
        assertThat(index.size()).isZero();
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void findsTheMostRelevantPassageFirst(SearchMode mode) {
        index.index(List.of(
                passage("rubrics", 0, "Rubrics describe criteria and levels of performance for an assignment."),
                passage("licences", 0, "Creative Commons licences let authors share open educational resources."),
                passage(
                        "captions",
                        0,
                        "Captions make video lectures accessible to deaf and hard of hearing students.")));

        var hits = index.search(SearchRequest.of("creative commons licences for open resources", 3, mode));

        assertThat(hits).isNotEmpty();
        assertThat(hits.getFirst().passage().documentId()).isEqualTo("licences");
        assertDescending(hits);
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void returnsAtMostKHits(SearchMode mode) {
        var passages = new ArrayList<Passage>();
        for (int i = 0; i < 12; i++) {
            passages.add(passage("doc-" + i, 0, "feedback rubric number " + i));
        }
        index.index(passages);

        assertThat(index.search(SearchRequest.of("feedback rubric", 5, mode))).hasSize(5);
        assertThat(index.search(SearchRequest.of("feedback rubric", 50, mode))).hasSize(12);
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void keepsOnlyPassagesThatPassTheFilter(SearchMode mode) {
        index.index(List.of(
                Passage.of("a", 0, "open licence guide", List.of(), "", facets("a.md", "CC-BY-4.0", "en")),
                Passage.of("b", 0, "open licence guide", List.of(), "", facets("b.md", "CC0-1.0", "en")),
                Passage.of("c", 0, "guide de licence ouverte", List.of(), "", facets("c.md", "CC-BY-4.0", "fr"))));

        var byLicence = new SearchFilter(Set.of("CC0-1.0"), Set.of(), Set.of(), Set.of(), Set.of());
        var byLanguage = new SearchFilter(Set.of(), Set.of("fr"), Set.of(), Set.of(), Set.of());
        var byBoth = new SearchFilter(Set.of("CC-BY-4.0"), Set.of("en"), Set.of(), Set.of(), Set.of());
        var byCourse = new SearchFilter(Set.of(), Set.of(), Set.of("dc-999"), Set.of(), Set.of());

        assertThat(documentIds(index.search(new SearchRequest("open licence guide", 10, mode, byLicence))))
                .containsExactly("b");
        assertThat(documentIds(index.search(new SearchRequest("licence ouverte guide", 10, mode, byLanguage))))
                .containsExactly("c");
        assertThat(documentIds(index.search(new SearchRequest("open licence guide", 10, mode, byBoth))))
                .containsExactly("a");
        assertThat(index.search(new SearchRequest("open licence guide", 10, mode, byCourse)))
                .isEmpty();
    }

    @Test
    void knowsWhichWordsOccurInThePassagesOfALanguage() {
        index.index(List.of(
                Passage.of("a", 0, "Captions help deaf students", List.of(), "", facets("a.md", "CC-BY-4.0", "en")),
                Passage.of("b", 0, "Les sous-titres aident", List.of(), "", facets("b.md", "CC-BY-4.0", "fr"))));

        assertThat(index.known(List.of("caption", "students", "violin", "the", "aident"), "en"))
                .containsExactly("caption", "students");
        assertThat(index.known(List.of("aident", "captions"), "fr")).containsExactly("aident");
        assertThat(index.known(List.of(), "en")).isEmpty();
    }

    @Test
    void countsThePassagesOfEachLanguageMostFirstWithoutRemovedOnes() {
        assertThat(index.languages()).isEmpty();
        index.index(List.of(
                Passage.of("a", 0, "open licence guide", List.of(), "", facets("a.md", "CC-BY-4.0", "en")),
                Passage.of("a", 1, "choose a licence", List.of(), "", facets("a.md", "CC-BY-4.0", "en")),
                Passage.of("b", 0, "guide de licence ouverte", List.of(), "", facets("b.md", "CC-BY-4.0", "fr")),
                Passage.of("c", 0, "guía de licencias abiertas", List.of(), "", facets("c.md", "CC-BY-4.0", "es"))));
        index.remove("c");

        assertThat(index.languages()).containsExactly(Map.entry("en", 2L), Map.entry("fr", 1L));
    }

    @Test
    void indexingTheSamePassagesTwiceChangesNothing() {
        var passages = List.of(passage("a", 0, "alpha beta"), passage("a", 1, "gamma delta"), passage("b", 0, "beta"));
        index.index(passages);
        var before = index.search(SearchRequest.of("beta", 10, SearchMode.HYBRID));

        index.index(passages);

        assertThat(index.size()).isEqualTo(3);
        assertThat(index.search(SearchRequest.of("beta", 10, SearchMode.HYBRID)))
                .isEqualTo(before);
    }

    @Test
    void reindexingADocumentReplacesAllItsPassages() {
        index.index(List.of(passage("a", 0, "first version one"), passage("a", 1, "first version two")));

        index.index(List.of(passage("a", 0, "second version")));

        assertThat(index.passagesOf("a")).extracting(Passage::text).containsExactly("second version");
        assertThat(index.search(SearchRequest.of("first", 10, SearchMode.LEXICAL)))
                .isEmpty();
    }

    @Test
    void removingADocumentRemovesAllItsPassages() {
        index.index(List.of(passage("a", 0, "alpha"), passage("a", 1, "alpha again"), passage("b", 0, "alpha")));

        index.remove("a");
        index.remove("never-indexed");

        assertThat(index.passageCount("a")).isZero();
        assertThat(documentIds(index.search(SearchRequest.of("alpha", 10, SearchMode.HYBRID))))
                .containsExactly("b");
    }

    @Test
    void returnsADocumentsPassagesInOrderWithEverythingThatWasIndexed() {
        var facets = new DocumentFacets(
                "dir/doc.md",
                "Doc",
                List.of("Ada Author"),
                "CC-BY-SA-4.0",
                "es",
                "dc-201",
                List.of("4.1", "4.3"),
                "lesson");
        var second = Passage.of("d", 1, "segundo", List.of("Uno", "Dos"), "#dos", facets);
        var first = Passage.of("d", 0, "primero", List.of("Uno"), "#uno", facets);
        index.index(List.of(second, first));

        assertThat(index.passagesOf("d")).containsExactly(first, second);
    }

    @Test
    void measuresHowMuchOfAQueryThePassagesCoverWeightingRareTermsMost() {
        var common = List.of(
                passage("a", 0, "rubric feedback marking"),
                passage("b", 0, "rubric feedback students"),
                passage("c", 0, "rubric criteria"));
        index.index(common);
        var passages = List.of(common.get(0));

        assertThat(index.coverage("rubric feedback marking", passages)).isEqualTo(1.0);
        assertThat(index.coverage("quokka", passages)).isZero();
        double withUnknown = index.coverage("rubric quokka", passages);
        double withRare = index.coverage("rubric marking", passages);
        assertThat(withUnknown).isBetween(0.0, 0.5);
        assertThat(withRare).isEqualTo(1.0);
        assertThat(index.coverage("anything", List.of())).isZero();
    }

    @Test
    void leavesSnippetsOutWhenNotAskedFor() {
        index.index(List.of(passage("x", 0, "A rubric passage")));

        var hits = index.search(SearchRequest.of("rubric", 1, SearchMode.HYBRID).withoutSnippets());

        assertThat(hits)
                .singleElement()
                .satisfies(hit -> assertThat(hit.snippet()).isEmpty());
    }

    @Test
    void rejectsTwoPassagesWithTheSameId() {
        assertThatThrownBy(() -> index.index(List.of(passage("a", 0, "x"), passage("a", 0, "y"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a#0");
    }

    @Test
    void snippetsMarkMatchedTermsAndEscapeMarkup() {
        index.index(List.of(passage("x", 0, "A <script>alert(1)</script> tag inside a rubric passage")));

        var snippet = index.search(SearchRequest.of("rubric", 1, SearchMode.LEXICAL))
                .getFirst()
                .snippet();

        assertThat(snippet)
                .contains("<mark>rubric</mark>")
                .contains("&lt;script&gt;")
                .doesNotContain("<script>");
    }

    @Test
    void aSnippetStartsAtTheSentenceThatMatchesAndNeverInsideOne() {
        var filler = "This opening sentence talks about something else entirely and goes on for a while.";
        index.index(List.of(passage(
                "long",
                0,
                filler + " " + filler + " " + filler + "\n\n- Give every slide a unique title.\n- Check the colour"
                        + " contrast of each slide.")));

        var snippet = index.search(SearchRequest.of("colour contrast", 1, SearchMode.LEXICAL))
                .getFirst()
                .snippet();

        assertThat(snippet).startsWith("Check the <mark>colour</mark> <mark>contrast</mark>");
    }

    @Test
    void keepsItsInvariantsOnRandomData() {
        var random = new Random(20261128L);
        var vocabulary = new ArrayList<String>();
        for (int i = 0; i < 60; i++) {
            vocabulary.add("zq" + i);
        }
        var licences = List.of("CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0");
        var passages = new ArrayList<Passage>();
        for (int d = 0; d < 40; d++) {
            var facets = new DocumentFacets(
                    "doc" + d + ".md",
                    "",
                    List.of("Ada Author"),
                    licences.get(random.nextInt(licences.size())),
                    random.nextBoolean() ? "en" : "fr",
                    "",
                    List.of(),
                    "");
            int count = 1 + random.nextInt(3);
            for (int p = 0; p < count; p++) {
                var words = new ArrayList<String>();
                for (int w = 0; w < 8; w++) {
                    words.add(vocabulary.get(random.nextInt(vocabulary.size())));
                }
                passages.add(Passage.of("doc" + d, p, String.join(" ", words), List.of(), "", facets));
            }
        }
        index.index(passages);

        for (int q = 0; q < 30; q++) {
            var terms = new HashSet<>(List.of(
                    vocabulary.get(random.nextInt(vocabulary.size())),
                    vocabulary.get(random.nextInt(vocabulary.size()))));
            int k = 1 + random.nextInt(20);
            var filter = random.nextBoolean()
                    ? SearchFilter.NONE
                    : new SearchFilter(
                            Set.of(licences.get(random.nextInt(licences.size()))),
                            Set.of(),
                            Set.of(),
                            Set.of(),
                            Set.of());
            var accepted =
                    passages.stream().filter(p -> filter.accepts(p.facets())).toList();
            long lexicalMatches = accepted.stream()
                    .filter(p -> terms.stream()
                            .anyMatch(t -> List.of(p.text().split(" ")).contains(t)))
                    .count();
            for (var mode : SearchMode.values()) {
                var hits = index.search(new SearchRequest(String.join(" ", terms), k, mode, filter));
                assertDescending(hits);
                assertThat(hits)
                        .allSatisfy(
                                hit -> assertThat(filter.accepts(hit.passage().facets()))
                                        .isTrue());
                assertThat(new HashSet<>(
                                hits.stream().map(h -> h.passage().id()).toList()))
                        .hasSize(hits.size());
                switch (mode) {
                    case LEXICAL -> assertThat(hits).hasSize((int) Math.min(k, lexicalMatches));
                    case SEMANTIC -> assertThat(hits).hasSize(Math.min(k, accepted.size()));
                    case HYBRID -> assertThat(hits).hasSize(Math.min(k, accepted.size()));
                }
            }
        }
    }

    @Test
    void aCopyRestoredFromStoredVectorsAnswersAsTheOriginalWithoutEmbeddingAgain() {
        index.index(List.of(
                passage("rubrics", 0, "A rubric lists criteria and levels of performance for an assignment"),
                passage("rubrics", 1, "Share the rubric with students before they start the assignment"),
                passage(
                        "captions",
                        0,
                        "Captions make lecture videos accessible to deaf and hard of hearing students")));
        index.commit();
        var exported = new java.util.ArrayList<EmbeddedPassage>();
        exported.addAll(index.embeddedPassagesOf("rubrics"));
        exported.addAll(index.embeddedPassagesOf("captions"));
        var model = new FakeEmbeddingModel();

        var copy = open(folder.resolve("copy"), new Embedder("fake-64", model, "query: ", ""));
        try {
            copy.restore(exported);
            copy.commit();

            assertThat(model.embedded()).isEmpty();
            assertThat(copy.passagesOf("rubrics")).isEqualTo(index.passagesOf("rubrics"));
            assertThat(copy.embeddedPassagesOf("captions").getFirst().vector())
                    .containsExactly(
                            index.embeddedPassagesOf("captions").getFirst().vector());
            for (var mode : SearchMode.values()) {
                var request = SearchRequest.of("rubric criteria for students", 3, mode);
                assertThat(copy.search(request))
                        .extracting(hit -> hit.passage().id())
                        .containsExactlyElementsOf(index.search(request).stream()
                                .map(hit -> hit.passage().id())
                                .toList());
            }
            assertThatThrownBy(() -> copy.restore(List.of(new EmbeddedPassage(
                            passage("short", 0, "a vector of the wrong size"), new float[] {1f}, List.of(new float[] {1f
                            })))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("dimensions");
        } finally {
            copy.close();
        }
    }

    protected static List<String> documentIds(List<SearchHit> hits) {
        return hits.stream().map(hit -> hit.passage().documentId()).toList();
    }

    @Test
    void keepsEachPassagesSentencesWithTheirKindsAndVectors() {
        var text = new PassageText("en")
                .add(BlockKind.HEADING, "Accessible slides")
                .add(BlockKind.PARAGRAPH, "Accessible slides reach every student. Follow these habits:")
                .add(BlockKind.LIST, List.of("Use large fonts.", "Give images alt text."))
                .add(BlockKind.CODE, "convert slides.pptx --to pdf");
        var passage = Passage.of("slides", 0, text, List.of("Guide"), "#guide", facets("slides.md", "CC0-1.0", "en"));
        var embedder = FakeEmbeddingModel.embedder("fake-64");
        index.index(List.of(passage));

        var stored = index.passagesOf("slides").getFirst();
        var embedded = index.embedded(List.of(stored)).getFirst();

        assertThat(stored.sentences()).isEqualTo(passage.sentences());
        assertThat(stored.sentence(4)).isEqualTo("Give images alt text.");
        assertThat(embedded.sentenceVectors()).hasSize(passage.sentences().size());
        for (int i = 0; i < passage.sentences().size(); i++) {
            // stored quantized: close to, not exactly, the model's vector
            assertThat(Embedder.cosine(embedded.sentenceVector(i), embedder.embedPassage(passage.sentence(i))))
                    .isGreaterThan(0.99);
        }
        assertThat(Embedder.cosine(embedded.vector(), embedder.embedPassage(passage.textWithContext())))
                .isGreaterThan(0.999);
    }

    @Test
    void readsPassagesWithTheirVectorsInTheOrderAskedAndRefusesAnUnknownOne() {
        index.index(List.of(passage("a", 0, "First passage."), passage("b", 0, "Second passage.")));
        var hits = index.search(SearchRequest.of("passage", 10, SearchMode.LEXICAL)).stream()
                .map(SearchHit::passage)
                .toList();

        var reversed = new ArrayList<>(hits).reversed();
        assertThat(index.embedded(reversed))
                .extracting(e -> e.passage().id())
                .containsExactlyElementsOf(reversed.stream().map(Passage::id).toList());
        assertThatThrownBy(() -> index.embedded(List.of(passage("missing", 0, "Not indexed."))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing#0");
    }

    private static void assertDescending(List<SearchHit> hits) {
        for (int i = 1; i < hits.size(); i++) {
            assertThat(hits.get(i).score()).isLessThanOrEqualTo(hits.get(i - 1).score());
        }
    }
}
