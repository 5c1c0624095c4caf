package org.pathwise.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntentTest {

    private final Intent decision = Intent.of("decision", "\\bexclu\\w*", "\\beleve\\b", "\\bdois-je\\b");

    @Test
    void firesOnlyWhenEveryPartIsThereInAnyOrderAndAccentsAside() {
        assertThat(Intent.first(List.of(decision), "Cet élève triche : dois-je l'exclure ?"))
                .contains("decision: \"exclure … eleve … dois-je\"");
        assertThat(Intent.first(List.of(decision), "Dois-je EXCLURE cet ELEVE ?"))
                .isPresent();
        assertThat(Intent.first(List.of(decision), "Comment éviter d'exclure un élève ?"))
                .isEmpty();
    }

    @Test
    void reportsTheFirstIntentThatIsFound() {
        var other = Intent.of("other", "\\beleve\\b");

        assertThat(Intent.first(List.of(decision, other), "Un élève absent.")).contains("other: \"eleve\"");
    }
}
