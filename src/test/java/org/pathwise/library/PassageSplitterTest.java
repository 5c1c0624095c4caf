package org.pathwise.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.pathwise.library.ParsedDocument.Section;

class PassageSplitterTest {

    private final PassageSplitter splitter = new PassageSplitter(new WordCounter(), 20, 40, 6);

    private static String words(String word, int count) {
        return String.join(" ", java.util.Collections.nCopies(count, word));
    }

    @Test
    void mergesShortSectionsAndWritesTheLaterHeadingsIntoTheText() {
        var sections = List.of(
                new Section(List.of("Guide", "Intro"), "#intro", List.of(words("a", 5))),
                new Section(List.of("Guide", "Why"), "#why", List.of(words("b", 5))));

        var chunks = splitter.split(sections, Locale.ENGLISH);

        assertThat(chunks).hasSize(1);
        assertThat(chunks.getFirst().headingPath()).containsExactly("Guide", "Intro");
        assertThat(chunks.getFirst().position()).isEqualTo("#intro");
        assertThat(chunks.getFirst().text()).contains("Why\n" + words("b", 5));
    }

    @Test
    void startsANewPassageAtASectionBoundaryOnceThePassageIsLongEnough() {
        var sections = List.of(
                new Section(List.of("One"), "#one", List.of(words("a", 25))),
                new Section(List.of("Two"), "#two", List.of(words("b", 25))));

        var chunks = splitter.split(sections, Locale.ENGLISH);

        assertThat(chunks).extracting(PassageSplitter.Chunk::position).containsExactly("#one", "#two");
        assertThat(chunks.get(1).text()).doesNotContain("a");
    }

    @Test
    void cutsALongParagraphAtSentencesAndRepeatsTheLastSentenceOfThePreviousPassage() {
        var sentences = new ArrayList<String>();
        for (int i = 0; i < 12; i++) {
            sentences.add("Sentence number " + i + " has exactly seven words.");
        }
        var sections = List.of(new Section(List.of("Long"), "#long", List.of(String.join(" ", sentences))));

        var chunks = new PassageSplitter(new WordCounter(), 20, 40, 10).split(sections, Locale.ENGLISH);

        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(chunks)
                .allSatisfy(chunk -> assertThat(WordCounter.words(chunk.text())).isLessThanOrEqualTo(40));
        var lastOfFirst = chunks.get(0).text().substring(chunks.get(0).text().lastIndexOf("Sentence"));
        assertThat(chunks.get(1).text()).startsWith(lastOfFirst);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.position()).isEqualTo("#long"));
    }

    @Test
    void cutsASentenceLongerThanAPassageAtWords() {
        var sections = List.of(new Section(List.of(), "", List.of(words("w", 100))));

        var chunks = splitter.split(sections, Locale.ENGLISH);

        assertThat(chunks).hasSize(3);
        assertThat(chunks.stream().mapToInt(c -> WordCounter.words(c.text())).sum())
                .isGreaterThanOrEqualTo(100);
        assertThat(chunks)
                .allSatisfy(chunk -> assertThat(WordCounter.words(chunk.text())).isLessThanOrEqualTo(40));
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
            var blocks = new ArrayList<String>();
            for (int b = 0; b < 1 + random.nextInt(5); b++) {
                var block = new StringBuilder();
                int length = 1 + random.nextInt(70);
                for (int w = 0; w < length; w++) {
                    var token = "w" + word++;
                    allWords.add(token);
                    block.append(token).append(random.nextInt(6) == 0 ? ". " : " ");
                }
                blocks.add(block.toString().strip());
            }
            sections.add(new Section(List.of("S" + s), "#s" + s, blocks));
        }

        var chunks = splitter.split(sections, Locale.ENGLISH);

        assertThat(chunks)
                .allSatisfy(chunk -> assertThat(WordCounter.words(chunk.text())).isLessThanOrEqualTo(40));
        var joined = String.join(
                " ", chunks.stream().map(PassageSplitter.Chunk::text).toList());
        var seen = new java.util.HashSet<>(List.of(joined.split("[\\s.]+")));
        assertThat(seen).containsAll(allWords);
    }
}
