package org.pathwise.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmenterTest {

    @Test
    void anEnglishAbbreviationDoesNotEndASentence() {
        assertThat(Segmenter.sentences(
                        "Use open formats, e.g. ODT or Markdown, for slides. Dr. Smith agrees with this.", "en"))
                .containsExactly("Use open formats, e.g. ODT or Markdown, for slides.", "Dr. Smith agrees with this.");
    }

    @Test
    void splitsChineseAndArabicAtTheirOwnFullStopsAndQuestionMarks() {
        assertThat(Segmenter.sentences("教师应该提供反馈。学生需要练习？是的。", "zh")).hasSize(3);
        assertThat(Segmenter.sentences("ما هي نسبة المساعدين إلى المتعلمين؟ إنها واحد إلى عشرة.", "ar"))
                .hasSize(2);
    }

    @Test
    void aLineBreakAlwaysEndsASentence() {
        assertThat(Segmenter.sentences("Habits that help\nUse headings", "en"))
                .containsExactly("Habits that help", "Use headings");
    }

    @Test
    void splitGivesTheTextBackWhenJoined() {
        var text = "  First one.  Second one?\nThird [1]. ";
        assertThat(String.join("", Segmenter.split(text, "en"))).isEqualTo(text);
    }

    @Test
    void anUnknownOrMalformedLanguageFallsBackToTheRootRules() {
        assertThat(Segmenter.sentences("One. Two.", "x-not a tag")).containsExactly("One.", "Two.");
        assertThat(Segmenter.sentences("One. Two.", "und")).containsExactly("One.", "Two.");
    }

    @Test
    void passageTextKeepsBlocksItemsAndKinds() {
        var text = new PassageText("en")
                .add(BlockKind.HEADING, "Making slides accessible")
                .add(BlockKind.PARAGRAPH, "Slides reach more students when they are accessible. Follow these habits:")
                .add(BlockKind.LIST, List.of("Use a font of at least 24 points.", "Give every image alt text."))
                .add(BlockKind.CODE, "ls -l\ncd ..");

        assertThat(text.text())
                .isEqualTo(
                        "Making slides accessible\n\nSlides reach more students when they are accessible. Follow"
                                + " these habits:\n\nUse a font of at least 24 points.\nGive every image alt text.\n\nls -l\ncd ..");
        assertThat(text.sentences())
                .extracting(Sentence::kind)
                .containsExactly(
                        BlockKind.HEADING,
                        BlockKind.PARAGRAPH,
                        BlockKind.PARAGRAPH,
                        BlockKind.LIST,
                        BlockKind.LIST,
                        BlockKind.CODE);
        assertThat(text.sentences()).extracting(Sentence::block).containsExactly(0, 1, 1, 2, 2, 3);
        assertThat(text.sentences()).extracting(Sentence::item).containsExactly(0, 0, 0, 0, 1, 0);
        assertThat(text.sentences().get(4).in(text.text())).isEqualTo("Give every image alt text.");
        assertThat(text.sentences().get(5).in(text.text())).isEqualTo("ls -l\ncd ..");
    }

    @Test
    void parsingUnstructuredTextJoinsHardWrappedLinesAndFindsListsAndHeadings() {
        var parsed = PassageText.parse(
                "Why feedback matters\nCorrecting learners' misconceptions is at least as important as\n"
                        + "presenting correct information.\n\n- First habit.\n- Second habit.\n1. Step one.",
                "en");

        var sentences =
                parsed.sentences().stream().map(s -> s.in(parsed.text())).toList();
        assertThat(sentences)
                .containsExactly(
                        "Why feedback matters",
                        "Correcting learners' misconceptions is at least as important as presenting correct"
                                + " information.",
                        "First habit.",
                        "Second habit.",
                        "Step one.");
        assertThat(parsed.sentences())
                .extracting(Sentence::kind)
                .containsExactly(
                        BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST, BlockKind.LIST, BlockKind.STEPS);
    }

    @Test
    void aQuestionEndsWithAQuestionMarkInAnyScript() {
        assertThat(Sentence.isQuestion("How do you run a Carpentries workshop?"))
                .isTrue();
        assertThat(Sentence.isQuestion("¿Cómo se evalúa?")).isTrue();
        assertThat(Sentence.isQuestion("ما هي النسبة؟")).isTrue();
        assertThat(Sentence.isQuestion("He asked \"why?\"")).isTrue();
        assertThat(Sentence.isQuestion("Use alt text.")).isFalse();
    }
}
