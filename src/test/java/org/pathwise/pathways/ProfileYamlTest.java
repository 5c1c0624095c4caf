package org.pathwise.pathways;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProfileYamlTest {

    private final Bundled bundled = Bundled.get();

    private Profile parse(String yaml) {
        return ProfileYaml.parse(yaml, "me.yaml", bundled.frameworks, bundled.roles);
    }

    @Test
    void readsTheProfileShapeOfTheCommandLineContract() {
        var profile = parse("""
                framework: digcompedu
                current: {"2.1": A2, "3.1": B1}
                target: {"2.1": B2}
                hours_per_week: 4
                weeks: 12
                languages: [en, fr]
                mode: online
                """);

        assertThat(profile.current()).containsEntry("2.1", Level.A2).containsEntry("3.1", Level.B1);
        assertThat(profile.level("4.1")).isEqualTo(Level.A1);
        assertThat(profile.target()).containsExactly(java.util.Map.entry("2.1", Level.B2));
        assertThat(profile.hoursPerWeek()).isEqualTo(4);
        assertThat(profile.weeks()).isEqualTo(12);
        assertThat(profile.capacity()).isEqualTo(48);
        assertThat(profile.languages()).containsExactly("en", "fr");
        assertThat(profile.mode()).isEqualTo(ModePreference.ONLINE);
    }

    @Test
    void aRoleImpliesItsTargetsAndExplicitTargetsRaiseThem() {
        var profile = parse("""
                role: blended-learning-lead
                target: {"3.1": C1, "6.1": B1}
                """);

        assertThat(profile.role()).isEqualTo("blended-learning-lead");
        assertThat(profile.target())
                .containsEntry("3.1", Level.C1)
                .containsEntry("2.2", Level.B2)
                .containsEntry("6.1", Level.B1);
        assertThat(profile.weeks()).isZero();
        assertThat(profile.mode()).isEqualTo(ModePreference.ANY);
    }

    @Test
    void rejectsAnUnknownCompetenceLevelRoleOrModeWithTheLine() {
        assertThatThrownBy(() -> parse("current: {\"2.1\": A2}\ntarget: {\"9.9\": B2}\n"))
                .hasMessage("me.yaml line 2: target: unknown competence '9.9' in digcompedu (ids run from 1.1 to 6.5)");
        assertThatThrownBy(() -> parse("target:\n  \"2.1\": B7\n"))
                .hasMessage("me.yaml line 2: target 2.1: unknown level 'B7': use A1, A2, B1, B2, C1 or C2");
        assertThatThrownBy(() -> parse("role: wizard\n")).hasMessageContaining("unknown role 'wizard'");
        assertThatThrownBy(() -> parse("target: {\"2.1\": B2}\nmode: carrier-pigeon\n"))
                .hasMessageContaining("line 2")
                .hasMessageContaining("use online, blended or any");
        assertThatThrownBy(() -> parse("current: {\"2.1\": A2}\n"))
                .hasMessageContaining("needs target levels")
                .hasMessageContaining("or a role");
        assertThatThrownBy(() -> parse("target: {\"2.1\": B2\n")).hasMessageContaining("invalid YAML");
    }

    @Test
    void aProfileOnAUnescoFrameworkIsReadThroughItsCrosswalk() {
        var profile = parse("""
                framework: unesco-ai-cft
                current: {ai.2: acquire}
                target: {ai.4: deepen}
                """);

        assertThat(profile.current()).containsEntry("2.3", Level.A2).containsEntry("6.4", Level.A2);
        assertThat(profile.target())
                .containsEntry("3.1", Level.B2)
                .containsEntry("4.1", Level.B2)
                .containsEntry("5.2", Level.B2);
    }
}
