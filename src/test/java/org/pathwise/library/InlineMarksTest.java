package org.pathwise.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pathwise.library.InlineMark.Kind;
import org.pathwise.library.InlineMarks.Part;
import org.pathwise.retrieval.BlockKind;
import org.pathwise.retrieval.DocumentFacets;
import org.pathwise.retrieval.Passage;
import org.pathwise.retrieval.Sentence;

class InlineMarksTest {

    private static final DocumentFacets FACETS =
            new DocumentFacets("a.md", "A", List.of(), "CC-BY-4.0", "en", "", List.of(), "guide");

    private static Passage passage(int ordinal, String text) {
        return Passage.of("d#" + ordinal, ordinal, text, List.of(), "", FACETS);
    }

    private static InlineMark mark(Kind kind, String text) {
        return new InlineMark(kind, text, "");
    }

    private static List<Part> only(List<List<Part>> sentences) {
        assertThat(sentences).hasSize(1);
        return sentences.getFirst();
    }

    @Test
    void splitsASentenceIntoPlainAndMarkedRunsThatTogetherAreItsText() {
        var marks = new InlineMarks(
                List.of(
                        mark(Kind.CODE, "git log"),
                        mark(Kind.STRONG, "every commit"),
                        new InlineMark(Kind.LINK, "Git book", "https://git-scm.com/book")),
                "");

        var parts = only(marks.place(passage(0, "Run git log to see every commit, as the Git book says.")));

        assertThat(parts)
                .containsExactly(
                        Part.plain("Run "),
                        new Part("code", "git log", ""),
                        Part.plain(" to see "),
                        new Part("strong", "every commit", ""),
                        Part.plain(", as the "),
                        new Part("link", "Git book", "https://git-scm.com/book"),
                        Part.plain(" says."));
    }

    @Test
    void marksWholeWordsOnlyAndInTheOrderTheDocumentGaveThem() {
        var marks = new InlineMarks(List.of(mark(Kind.CODE, "ls"), mark(Kind.EMPHASIS, "files")), "");

        // "ls" inside "tools" and "files" before the marked "ls" are not marked
        var parts = only(marks.place(passage(0, "Shell tools list files: type ls to list the files.")));

        assertThat(parts)
                .containsExactly(
                        Part.plain("Shell tools list files: type "),
                        new Part("code", "ls", ""),
                        Part.plain(" to list the "),
                        new Part("emphasis", "files", ""),
                        Part.plain("."));
    }

    @Test
    void aPassageThatRepeatsTheLastSentenceOfTheOneBeforeMarksItAgainAndTheNextPassageTakesUpTheRest() {
        var marks =
                new InlineMarks(List.of(mark(Kind.CODE, "pwd"), mark(Kind.CODE, "cd"), mark(Kind.CODE, "mkdir")), "");

        var first = marks.place(passage(0, "Type pwd first. Then cd into it."));
        var second = marks.place(passage(1, "Then cd into it. Make one with mkdir."));

        assertThat(first.get(1)).contains(new Part("code", "cd", ""));
        assertThat(second.get(0)).contains(new Part("code", "cd", ""));
        assertThat(second.get(1)).contains(new Part("code", "mkdir", ""));
    }

    @Test
    void aCommandInACodeBlockDoesNotTakeTheMarkOfTheSameCommandInTheProseAfterIt() {
        var marks = new InlineMarks(List.of(mark(Kind.CODE, "wc"), mark(Kind.CODE, "wc -l")), "");
        var text = "Run this:\n$ wc cubane.pdb\nHere wc counts words; wc -l counts lines.";
        int code = text.indexOf('$');
        int prose = text.indexOf("Here");
        var passage = new Passage(
                "d#0",
                "d",
                0,
                text,
                List.of(),
                "",
                FACETS,
                List.of(
                        new Sentence(0, code - 1, 0, 0, BlockKind.PARAGRAPH),
                        new Sentence(code, prose - 1, 1, 0, BlockKind.CODE),
                        new Sentence(prose, text.length(), 2, 0, BlockKind.PARAGRAPH)));

        var placed = marks.place(passage).stream().flatMap(List::stream).toList();

        assertThat(placed).filteredOn(part -> part.kind().equals("code")).hasSize(2);
        assertThat(placed).contains(Part.plain("$ wc cubane.pdb"), new Part("code", "wc -l", ""));
    }

    @Test
    void aMarkThePassageDoesNotHoldIsSkippedAndTheRestStillPlaced() {
        var marks = new InlineMarks(List.of(mark(Kind.STRONG, "not in this text"), mark(Kind.EMPHASIS, "placed")), "");

        var parts = only(marks.place(passage(0, "This one is placed.")));

        assertThat(parts).contains(new Part("emphasis", "placed", ""));
    }

    @Test
    void marksInASentenceInAnyScriptAndAcrossSentences() {
        var marks = new InlineMarks(List.of(mark(Kind.STRONG, "المتعلمين"), mark(Kind.EMPHASIS, "Leia o guia")), "");

        var arabic = only(marks.place(passage(0, "نساعد المتعلمين كل يوم.")));
        var portuguese = marks.place(passage(1, "Leia o guia. Depois pratique."));

        assertThat(arabic).contains(new Part("strong", "المتعلمين", ""));
        assertThat(portuguese.getFirst()).containsExactly(new Part("emphasis", "Leia o guia", ""), Part.plain("."));
    }

    @Test
    void linksOnlyToTargetsAReaderCanFollowSafelyAndResolvesRelativeOnesAgainstTheOriginal() {
        var original =
                new InlineMarks(List.of(), "https://github.com/swcarpentry/shell-novice/blob/main/episodes/02.md");
        var none = new InlineMarks(List.of(), "");

        assertThat(original.target("https://example.org/a")).isEqualTo("https://example.org/a");
        assertThat(original.target("mailto:team@example.org")).isEqualTo("mailto:team@example.org");
        assertThat(original.target("03-create.md"))
                .isEqualTo("https://github.com/swcarpentry/shell-novice/blob/main/episodes/03-create.md");
        assertThat(original.target("#setup"))
                .isEqualTo("https://github.com/swcarpentry/shell-novice/blob/main/episodes/02.md#setup");
        assertThat(original.target("javascript:alert(1)")).isEmpty();
        assertThat(original.target("JavaScript:alert(1)")).isEmpty();
        assertThat(original.target("data:text/html,<b>x</b>")).isEmpty();
        assertThat(original.target("http://exa mple.org")).isEmpty();
        assertThat(none.target("03-create.md")).isEmpty();
    }

    @Test
    void aLinkWithoutASafeTargetShowsAsItsText() {
        var marks = new InlineMarks(List.of(new InlineMark(Kind.LINK, "click", "javascript:alert(1)")), "");

        assertThat(only(marks.place(passage(0, "Please click here."))))
                .containsExactly(Part.plain("Please "), Part.plain("click"), Part.plain(" here."));
    }
}
