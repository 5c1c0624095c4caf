package org.pathwise.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DictionaryTranslatorTest {

    private static final List<String> EN = List.of("en");

    @TempDir
    Path folder;

    /** Writes {@code freedict-<name>.index} and {@code .dict.dz} as dictd does: entries' texts, offsets in base 64. */
    static void writeDictionary(Path folder, String name, List<String> entries) throws IOException {
        var data = new StringBuilder("00-database-info\nA test dictionary.\n");
        var index = new StringBuilder("00databaseinfo\tA\t" + base64(data.length()) + "\n");
        for (var entry : entries) {
            int offset = data.toString().getBytes(StandardCharsets.UTF_8).length;
            int length = entry.getBytes(StandardCharsets.UTF_8).length;
            var head = entry.lines().findFirst().orElseThrow().split(" /")[0].toLowerCase(java.util.Locale.ROOT);
            index.append(head)
                    .append('\t')
                    .append(base64(offset))
                    .append('\t')
                    .append(base64(length))
                    .append('\n');
            data.append(entry);
        }
        Files.writeString(folder.resolve("freedict-" + name + ".index"), index, StandardCharsets.UTF_8);
        try (var out = new GZIPOutputStream(Files.newOutputStream(folder.resolve("freedict-" + name + ".dict.dz")))) {
            out.write(data.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String base64(long value) {
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var digits = new StringBuilder();
        do {
            digits.insert(0, alphabet.charAt((int) (value % 64)));
            value /= 64;
        } while (value > 0);
        return digits.toString();
    }

    private void writeSpanishAndArabic() throws IOException {
        writeDictionary(
                folder,
                "spa-eng",
                List.of(
                        "escuela /eskwˈela/\nschool\n\n",
                        "río /rˈio/\n1. river\n2. stream\n      \"El río es largo.\"\n\n",
                        "ganar /ɡanˈaɾ/\nwin, earn\n see: {ganado}\n\n"));
        writeDictionary(folder, "eng-spa", List.of("teacher /tˈiːtʃə/ <n>\nprofesor, maestro\n\n"));
        writeDictionary(folder, "ara-eng", List.of("جامعة /ʒaːmiʕa/\nuniversity\n\n"));
    }

    @Test
    void aFreeDictEntryGivesItsHeadWordAndSensesWithoutPronunciationExamplesOrCrossReferences() {
        var entry = BilingualDictionary.entry(
                "río /rˈio/ <n>\n1. river (water); stream\n      \"El río es largo.\"\n see: {ríos}\n   Synonym: {arroyo}\n");

        assertThat(entry.head()).isEqualTo("río");
        assertThat(entry.senses()).containsExactly("river", "stream");
    }

    /** A few entries in CC-CEDICT's format (written for this test), with a line it must pass over. */
    private void writeChinese() throws IOException {
        Files.writeString(folder.resolve(BilingualDictionary.CEDICT_FILE), """
                # CC-CEDICT
                #! format=ts
                大學 大学 [da4 xue2] /university/college/CL:所[suo3]/
                城市 城市 [cheng2 shi4] /city/town/CL:座[zuo4]/
                學生 学生 [xue2 sheng5] /student/schoolchild/
                學 学 [xue2] /to learn/to study/science/
                生 生 [sheng1] /to be born/to give birth/life/
                多少 多少 [duo1 shao5] /number/amount/
                華沙 华沙 [Hua2 sha1] /Warsaw, capital of Poland/
                沙 沙 [sha1] /granule/sand/surname Sha/
                着 著 [zhe5] /variant of 著[zhe5]/
                not a CEDICT line
                """, StandardCharsets.UTF_8);
    }

    @Test
    void ccCedictGivesEachHeadWordTraditionalAndSimplifiedItsGlossesWithoutMeasureWordsOrVariants() {
        writeChineseQuietly();
        var entries = BilingualDictionary.cedict(folder);

        assertThat(entries).contains(new BilingualDictionary.Entry("大学", List.of("university", "college")));
        assertThat(entries).contains(new BilingualDictionary.Entry("大學", List.of("university", "college")));
        assertThat(entries).contains(new BilingualDictionary.Entry("沙", List.of("granule", "sand")));
        assertThat(entries).extracting(BilingualDictionary.Entry::head).doesNotContain("著", "着", "not");
        assertThat(BilingualDictionary.cedict(folder.resolve("elsewhere"))).isEmpty();
    }

    private void writeChineseQuietly() {
        try {
            writeChinese();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aChineseQuestionIsCutIntoTheDictionarysLongestWordsAndTranslated() throws IOException {
        writeChinese();
        var translator = new DictionaryTranslator(folder, LanguageDetector.shared(), List.of(), Set.of("en"));

        assertThat(translator.languages(List.of("en"))).contains("zh");
        var translation = translator.translate("华沙有多少大学生？", EN).getFirst();

        assertThat(translation.from()).isEqualTo("zh");
        // 华沙 and 大学 are longer than 沙 and 大; 有 and 多少 ("how many") are stop words; 生 is what remains of 学生
        // once 大学 took 学
        assertThat(translation.closest().split(" ")).containsExactly("warsaw", "university", "born");
        assertThat(translation.text()).doesNotContain("sand", "number", "to ");
        assertThat(translation.translated()).isEqualTo(3);
    }

    @Test
    void aChineseQuestionIsNotTranslatedWithoutCcCedictInTheFolder() throws IOException {
        writeSpanishAndArabic();
        var translator = new DictionaryTranslator(folder, LanguageDetector.shared(), List.of(), Set.of("en"));

        assertThat(translator.languages(List.of("en"))).doesNotContain("zh");
        assertThat(translator.translate("华沙有多少大学生？", EN)).isEmpty();
    }

    @Test
    void dictdNumbersAreBase64WithTheirOwnAlphabet() {
        assertThat(BilingualDictionary.base64("A")).isZero();
        assertThat(BilingualDictionary.base64("BA")).isEqualTo(64);
        assertThat(BilingualDictionary.base64("ePv")).isEqualTo(30 * 64 * 64 + 15 * 64 + 47);
    }

    @Test
    void bothDirectionsAreReadAndAWordMissingAsItIsFoundByItsStem() throws IOException {
        writeSpanishAndArabic();
        var detector = LanguageDetector.shared();
        var translator = new DictionaryTranslator(folder, detector, List.of(), Set.of("en"));

        assertThat(translator.languages(List.of("en"))).containsExactlyInAnyOrder("es", "ar");
        // "escuelas" is not a head word: its stem is that of "escuela"; "profesores" reaches "teacher" backwards
        var translation = translator
                .translate("¿Cuántas escuelas y profesores tiene la ciudad de Fresno?", EN)
                .getFirst();
        assertThat(translation.from()).isEqualTo("es");
        assertThat(translation.to()).isEqualTo("en");
        assertThat(translation.text().split(" "))
                .contains("school", "teacher", "Fresno")
                .doesNotContain("cuántas", "la", "de");
        // the closest reading keeps one sense a word: the first, "school" for "escuelas"
        assertThat(translation.closest().split(" ")).containsExactly("school", "teacher", "ciudad", "Fresno");
        assertThat(translation.words()).isEqualTo(4);
        assertThat(translation.translated()).isEqualTo(2);
    }

    @Test
    void theSensesTheLibraryHoldsComeFirst() throws IOException {
        writeSpanishAndArabic();
        var translator = new DictionaryTranslator(folder, LanguageDetector.shared(), List.of(), Set.of("en"));
        DictionaryTranslator.Vocabulary onlyStream =
                (words, language) -> words.contains("stream") ? Set.of("stream") : Set.of();

        var everything =
                translator.translate("¿Dónde nace el río Amazonas?", EN).getFirst();
        var library = translator
                .translate("¿Dónde nace el río Amazonas?", EN, onlyStream)
                .getFirst();

        assertThat(everything.closest()).contains("river");
        assertThat(library.closest()).contains("stream").doesNotContain("river");
        assertThat(library.text()).doesNotContain("river");
    }

    @Test
    void anArabicWordIsFoundWithItsArticleAndPluralStripped() throws IOException {
        writeSpanishAndArabic();
        var translator = new DictionaryTranslator(folder, LanguageDetector.shared(), List.of(), Set.of("en"));

        var translations = translator.translate("كم عدد الجامعات في مدينة فريسنو؟", EN);

        assertThat(translations)
                .singleElement()
                .satisfies(t -> assertThat(t.text())
                        .contains("university")
                        .contains("فريسنو")
                        .doesNotContain("كم"));
    }

    @Test
    void aQuestionInTheLibrarysLanguageOrWithoutADictionaryIsNotTranslated() throws IOException {
        writeSpanishAndArabic();
        var translator = new DictionaryTranslator(folder, LanguageDetector.shared(), List.of(), Set.of("en"));

        assertThat(translator.translate("¿Cuántas escuelas tiene Fresno?", EN)).isNotEmpty();
        assertThat(translator.translate("How many schools does the city of Fresno have?", EN))
                .isEmpty();
        assertThat(translator.translate("¿Cuántas escuelas tiene Fresno?", List.of("en", "es")))
                .isEmpty();
        // German has no dictionary in the folder
        assertThat(translator.translate("Wie viele Schulen hat die Stadt Fresno?", EN))
                .isEmpty();
        assertThat(new DictionaryTranslator(
                                folder.resolve("missing"), LanguageDetector.shared(), List.of(), Set.of("en"))
                        .translate("¿Cuántas escuelas tiene Fresno?", EN))
                .isEmpty();
        assertThat(DictionaryTranslator.none().translate("¿Cuántas escuelas tiene Fresno?", EN))
                .isEmpty();
        // a multilingual embedding model reads Spanish and English: no dictionary needed between them
        assertThat(new DictionaryTranslator(folder, LanguageDetector.shared(), List.of(), Set.of("en", "es"))
                        .translate("¿Cuántas escuelas tiene Fresno?", EN))
                .isEmpty();
    }

    @Test
    void aLanguageModelsTranslationIsPreferredKeptForTheNextSearchesAndTheDictionariesServeWhenItFails()
            throws IOException {
        writeSpanishAndArabic();
        var calls = new java.util.concurrent.atomic.AtomicInteger();
        QueryTranslator model = (question, language, languages) -> {
            calls.incrementAndGet();
            assertThat(language).isEqualTo("es");
            assertThat(languages).containsExactly("en");
            return java.util.Map.of("en", "How many schools does Fresno have?");
        };
        var translator = new DictionaryTranslator(folder, LanguageDetector.shared(), List.of(), Set.of("en"), model);

        var first = translator.translate("¿Cuántas escuelas tiene Fresno?", EN);
        var again = translator.translate("¿Cuántas escuelas tiene Fresno?", EN);

        assertThat(first)
                .singleElement()
                .extracting(DictionaryTranslator.Translation::text)
                .isEqualTo("How many schools does Fresno have?");
        assertThat(again).isEqualTo(first);
        assertThat(calls).hasValue(1);
        QueryTranslator failing = (question, language, languages) -> {
            throw new IllegalStateException("down");
        };
        assertThat(new DictionaryTranslator(folder, LanguageDetector.shared(), List.of(), Set.of("en"), failing)
                        .translate("¿Cuántas escuelas tiene Fresno?", EN))
                .singleElement()
                .satisfies(t -> assertThat(t.text()).contains("school"));
        // with the dictionaries switched off, the model still translates
        assertThat(new DictionaryTranslator(null, LanguageDetector.shared(), List.of(), Set.of("en"), model)
                        .translate("¿Cuántas escuelas tiene Fresno?", EN))
                .hasSize(1);
    }

    @Test
    void aSpanishQuestionFindsTheEnglishPassageThroughItsTranslation() throws IOException {
        writeSpanishAndArabic();
        var embedder = FakeEmbeddingModel.embedder("fake-64");
        var translator = new DictionaryTranslator(folder, LanguageDetector.shared(), List.of(), Set.of("en"));
        try (var index = LucenePassageIndex.open(folder.resolve("index"), embedder)) {
            index.index(List.of(
                    passage("rivers", "The river floods the valley every spring."),
                    passage("schools", "Every school in the valley opens in September."),
                    passage("roads", "Roads cross the valley from east to west.")));
            var search = new Search(index, new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), translator);
            var without = TestSearch.over(index);
            assertThat(search.searchable("¿Cuándo abre cada escuela del valle?"))
                    .contains("school");
            assertThat(search.searchable("When does each school open?")).isEqualTo("When does each school open?");

            for (var mode : SearchMode.values()) {
                var hits = search.search(SearchRequest.of("¿Cuándo abre cada escuela del valle?", 3, mode));
                assertThat(hits).as(mode.label()).isNotEmpty();
                assertThat(hits.getFirst().passage().documentId())
                        .as(mode.label())
                        .isEqualTo("schools");
            }
            var lexical =
                    without.search(SearchRequest.of("¿Cuándo abre cada escuela del valle?", 3, SearchMode.LEXICAL));
            assertThat(lexical).extracting(h -> h.passage().documentId()).doesNotContain("schools");
        }
    }

    @Test
    void aQuestionInOneOfTheLibrarysLanguagesIsSearchedAsItIs() throws IOException {
        writeSpanishAndArabic();
        var translator = new DictionaryTranslator(folder, LanguageDetector.shared(), List.of(), Set.of("en"));
        try (var index = LucenePassageIndex.open(folder.resolve("index"), FakeEmbeddingModel.embedder("fake-64"))) {
            var spanish = Passage.of(
                    "escuelas",
                    0,
                    "Cada escuela del valle abre en septiembre.",
                    List.of(),
                    "",
                    new DocumentFacets("escuelas.md", "Guía", List.of(), "CC-BY-4.0", "es", "", List.of(), ""));
            index.index(List.of(
                    spanish,
                    passage("schools", "Every school in the valley opens in September."),
                    passage("rivers", "The river floods the valley every spring.")));
            var search = new Search(index, new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), translator);

            // Spanish holds a third of the passages: the question is not translated, and finds no English passage
            var hits = search.search(SearchRequest.of("¿Cuándo abre cada escuela?", 3, SearchMode.LEXICAL));

            assertThat(hits).extracting(h -> h.passage().documentId()).containsExactly("escuelas");
        }
    }

    @Test
    void theLibrarysLanguagesAreThoseWithAtLeastOneTwentiethOfItsPassages() {
        var counts = new java.util.LinkedHashMap<String, Long>();
        counts.put("en", 150L);
        counts.put("fr", 40L);
        counts.put("und", 6L);
        counts.put("de", 4L);

        assertThat(Search.libraryLanguages(counts)).containsExactly("en", "fr");
        assertThat(Search.libraryLanguages(java.util.Map.of())).isEmpty();
    }

    @Test
    void coverageCountsTheTranslationsWords() throws IOException {
        writeSpanishAndArabic();
        var translator = new DictionaryTranslator(folder, LanguageDetector.shared(), List.of(), Set.of("en"));
        try (var index = LucenePassageIndex.open(folder.resolve("index"), FakeEmbeddingModel.embedder("fake-64"))) {
            var passage = passage("schools", "Every school has a teacher.");
            index.index(List.of(passage));
            var search = new Search(index, new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), translator);
            var question = "¿Cada escuela tiene un profesor?";

            assertThat(search.coverage(question, List.of(passage)))
                    .isGreaterThan(TestSearch.over(index).coverage(question, List.of(passage)));
        }
    }

    private static Passage passage(String documentId, String text) {
        return Passage.of(
                documentId,
                0,
                text,
                List.of(),
                "",
                new DocumentFacets(documentId + ".md", "Guide", List.of(), "CC-BY-4.0", "en", "", List.of(), ""));
    }
}
