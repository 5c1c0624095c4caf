package org.pathwise.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.pathwise.library.ParsedDocument.Block;
import org.pathwise.library.ParsedDocument.Section;
import org.pathwise.retrieval.BlockKind;

class PassageSplitterTest {

    private final PassageSplitter splitter = new PassageSplitter(new WordCounter(), 20, 40, 6);

    private static String words(String word, int count) {
        return String.join(" ", java.util.Collections.nCopies(count, word));
    }

    @Test
    void mergesShortSectionsAndWritesTheLaterHeadingsIntoTheText() {
        var sections = List.of(
                new Section(List.of("Guide", "Intro"), "#intro", List.of(Block.paragraph(words("a", 5)))),
                new Section(List.of("Guide", "Why"), "#why", List.of(Block.paragraph(words("b", 5)))));

        var chunks = splitter.split(sections, "en");

        assertThat(chunks).hasSize(1);
        assertThat(chunks.getFirst().headingPath()).containsExactly("Guide", "Intro");
        assertThat(chunks.getFirst().position()).isEqualTo("#intro");
        assertThat(chunks.getFirst().text().text()).contains("Why\n\n" + words("b", 5));
        assertThat(chunks.getFirst().text().sentences())
                .extracting(s -> s.kind())
                .contains(BlockKind.HEADING);
    }

    @Test
    void startsANewPassageAtASectionBoundaryOnceThePassageIsLongEnough() {
        var sections = List.of(
                new Section(List.of("One"), "#one", List.of(Block.paragraph(words("a", 25)))),
                new Section(List.of("Two"), "#two", List.of(Block.paragraph(words("b", 25)))));

        var chunks = splitter.split(sections, "en");

        assertThat(chunks).extracting(PassageSplitter.Chunk::position).containsExactly("#one", "#two");
        assertThat(chunks.get(1).text().text()).doesNotContain("a");
    }

    @Test
    void cutsALongParagraphAtSentencesAndRepeatsTheLastSentenceOfThePreviousPassage() {
        var sentences = new ArrayList<String>();
        for (int i = 0; i < 12; i++) {
            sentences.add("Sentence number " + i + " has exactly seven words.");
        }
        var sections =
                List.of(new Section(List.of("Long"), "#long", List.of(Block.paragraph(String.join(" ", sentences)))));

        var chunks = new PassageSplitter(new WordCounter(), 20, 40, 10).split(sections, "en");

        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(chunks)
                .allSatisfy(chunk ->
                        assertThat(WordCounter.words(chunk.text().text())).isLessThanOrEqualTo(40));
        var first = chunks.get(0).text().text();
        var lastOfFirst = first.substring(first.lastIndexOf("Sentence"));
        assertThat(chunks.get(1).text().text()).startsWith(lastOfFirst);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.position()).isEqualTo("#long"));
    }

    @Test
    void cutsASentenceLongerThanAPassageAtWords() {
        var sections = List.of(new Section(List.of(), "", List.of(Block.paragraph(words("w", 100)))));

        var chunks = splitter.split(sections, "en");

        assertThat(chunks).hasSize(3);
        assertThat(chunks.stream()
                        .mapToInt(c -> WordCounter.words(c.text().text()))
                        .sum())
                .isGreaterThanOrEqualTo(100);
        assertThat(chunks)
                .allSatisfy(chunk ->
                        assertThat(WordCounter.words(chunk.text().text())).isLessThanOrEqualTo(40));
    }

    @Test
    void keepsAListWholeWhenItFitsAndCutsALongerOneBetweenItems() {
        var items = new ArrayList<String>();
        for (int i = 0; i < 12; i++) {
            items.add("Item " + i + " is five words.");
        }
        var sections = List.of(new Section(List.of("Habits"), "#habits", List.of(new Block(BlockKind.LIST, items))));

        var whole = new PassageSplitter(new WordCounter(), 20, 80, 6).split(sections, "en");
        var cut = new PassageSplitter(new WordCounter(), 20, 40, 6).split(sections, "en");

        assertThat(whole).hasSize(1);
        assertThat(whole.getFirst().text().sentences())
                .extracting(s -> s.item())
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(cut).hasSizeGreaterThan(1);
        assertThat(cut).allSatisfy(chunk -> {
            assertThat(chunk.text().sentences())
                    .allSatisfy(s -> assertThat(s.kind()).isEqualTo(BlockKind.LIST));
            assertThat(chunk.text().text().lines())
                    .allSatisfy(line -> assertThat(line).matches("Item \\d+ is five words\\."));
        });
    }

    @Test
    void rejectsInconsistentSizes() {
        assertThatThrownBy(() -> new PassageSplitter(new WordCounter(), 50, 40, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("50");
        assertThatThrownBy(() -> new PassageSplitter(new WordCounter(), 20, 40, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overlapTokens");
    }

    @RepeatedTest(20)
    void neverExceedsTheMaximumAndLosesNoWord(org.junit.jupiter.api.RepetitionInfo repetition) {
        var random = new Random(1000L + repetition.getCurrentRepetition());
        var sections = new ArrayList<Section>();
        var allWords = new ArrayList<String>();
        int word = 0;
        for (int s = 0; s < 1 + random.nextInt(8); s++) {
            var blocks = new ArrayList<Block>();
            for (int b = 0; b < 1 + random.nextInt(5); b++) {
                var block = new StringBuilder();
                int length = 1 + random.nextInt(70);
                for (int w = 0; w < length; w++) {
                    var token = "w" + word++;
                    allWords.add(token);
                    block.append(token).append(random.nextInt(6) == 0 ? ". " : " ");
                }
                blocks.add(Block.paragraph(block.toString().strip()));
            }
            sections.add(new Section(List.of("S" + s), "#s" + s, blocks));
        }

        var chunks = splitter.split(sections, "en");

        assertThat(chunks)
                .allSatisfy(chunk ->
                        assertThat(WordCounter.words(chunk.text().text())).isLessThanOrEqualTo(40));
        var joined = String.join(" ", chunks.stream().map(c -> c.text().text()).toList());
        for (var chunk : chunks) {
            var text = chunk.text().text();
            var covered = String.join(
                    " ", chunk.text().sentences().stream().map(x -> x.in(text)).toList());
            // the sentences hold every word of the passage
            assertThat(List.of(covered.split("[\\s.]+"))).containsAll(List.of(text.split("[\\s.]+")));
        }
        var seen = new java.util.HashSet<>(List.of(joined.split("[\\s.]+")));
        assertThat(seen).containsAll(allWords);
    }
}
