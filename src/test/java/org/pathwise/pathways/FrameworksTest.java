package org.pathwise.pathways;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrameworksTest {

    private final Frameworks frameworks = Frameworks.bundled();

    private static final String VALID = """
            id: tiny
            name: Tiny
            levels: [low, high]
            areas:
              - id: "1"
                name: Area
                competences:
                  - id: t.1
                    title: One
                    levels:
                      low: does little
                      high: does a lot
            """;

    @Test
    void digCompEduHasSixAreasAndTwentyTwoCompetencesFrom11To65WithSixLevels() {
        var digCompEdu = frameworks.digCompEdu();

        assertThat(digCompEdu.areas()).hasSize(6);
        assertThat(digCompEdu.areas().stream().map(a -> a.competences().size())).containsExactly(4, 3, 4, 3, 3, 5);
        assertThat(digCompEdu.competences()).hasSize(22);
        assertThat(digCompEdu.competences().getFirst().id()).isEqualTo("1.1");
        assertThat(digCompEdu.competences().getLast().id()).isEqualTo("6.5");
        assertThat(digCompEdu.levels().stream().map(Framework.LevelInfo::id))
                .containsExactly("A1", "A2", "B1", "B2", "C1", "C2");
        assertThat(digCompEdu.competences())
                .allSatisfy(c -> assertThat(c.descriptors()).containsOnlyKeys("A1", "A2", "B1", "B2", "C1", "C2"));
    }

    @Test
    void theUnescoFrameworksHaveTheirAspectsAndLevelsAndACrosswalkOntoDigCompEdu() {
        var ict = frameworks.get("unesco-ict-cft").orElseThrow();
        var ai = frameworks.get("unesco-ai-cft").orElseThrow();

        assertThat(ict.competences()).hasSize(6);
        assertThat(ict.levels()).hasSize(3);
        assertThat(ai.competences()).hasSize(5);
        assertThat(ai.levels()).hasSize(3);
        for (var framework : List.of(ict, ai)) {
            var crosswalk = framework.crosswalk().orElseThrow();
            assertThat(crosswalk.to()).isEqualTo("digcompedu");
            assertThat(crosswalk.levels()).hasSize(3);
            assertThat(crosswalk.mappings().stream().map(Framework.Mapping::from))
                    .containsExactlyElementsOf(framework.competences().stream()
                            .map(Framework.Competence::id)
                            .toList());
        }
    }

    @Test
    void aYamlSyntaxErrorIsRejectedWithItsLine() {
        var broken = VALID.replace("title: One", "title: [One");

        assertThatThrownBy(() -> FrameworkYaml.parse(broken, "tiny.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("tiny.yaml line ")
                .satisfies(e -> assertThat(((InvalidInputException) e).line()).isBetween(9, 11));
    }

    @Test
    void anEmptyListItemIsRejectedOnItsListsLine() {
        var empty = VALID.replace("levels: [low, high]", "levels:\n  - low\n  -\n  - high");

        assertThatThrownBy(() -> FrameworkYaml.parse(empty, "tiny.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("tiny.yaml line 4: levels has an empty item");
    }

    @Test
    void aCompetenceWithoutADescriptorForEveryLevelIsRejectedAtItsLevels() {
        var missing = VALID.replace("      high: does a lot\n", "");

        assertThatThrownBy(() -> FrameworkYaml.parse(missing, "tiny.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("tiny.yaml line 11: competence t.1 has no descriptor for level high");
    }

    @Test
    void aDuplicateCompetenceIdAndAnUnknownLevelNameTheirLines() {
        var duplicate = VALID + """
                  - id: "2"
                    name: Other
                    competences:
                      - id: t.1
                        title: Again
                        levels: {low: a, high: b}
                """;
        var unknownLevel = VALID.replace("high: does a lot", "highest: does a lot");

        assertThatThrownBy(() -> FrameworkYaml.parse(duplicate, "tiny.yaml"))
                .hasMessage("tiny.yaml line 16: the competence id 't.1' is used twice");
        assertThatThrownBy(() -> FrameworkYaml.parse(unknownLevel, "tiny.yaml"))
                .hasMessageContaining("line 12")
                .hasMessageContaining("unknown level 'highest'");
    }

    @Test
    void anImportedFrameworkJoinsTheBundledOnesButCannotReplaceDigCompEdu() {
        var tiny = FrameworkYaml.parse(VALID, "tiny.yaml");

        assertThat(frameworks.with(tiny, "tiny.yaml").get("tiny")).contains(tiny);
        var replacement = FrameworkYaml.parse(VALID.replace("id: tiny", "id: digcompedu"), "x.yaml");
        assertThatThrownBy(() -> frameworks.with(replacement, "x.yaml")).hasMessageContaining("can't be replaced");
    }

    @Test
    void aCrosswalkOntoAnUnknownCompetenceIsRejectedWithTheMappingsLine() {
        var crosswalk = VALID + """
                crosswalk:
                  to: digcompedu
                  levels: {low: A2, high: B2}
                  mappings:
                    - from: t.1
                      to: ["9.9"]
                """;
        var tiny = FrameworkYaml.parse(crosswalk, "tiny.yaml");

        assertThatThrownBy(() -> frameworks.with(tiny, "tiny.yaml"))
                .hasMessage("tiny.yaml line 17: the crosswalk maps t.1 onto '9.9', which digcompedu does not have");
    }
}
