package org.pathwise.guardrails;

/**
 * How far an answer's sentences are supported by the passages they cite, as the policy's grounding check
 * ({@code unsupported-sentences}) judges them: a sentence is supported when a passage it cites (any cited passage, for
 * a sentence without a marker) holds enough of its content words, or is semantically close enough to it. Sentences too
 * short to hold a claim (fewer than three content words: a transition, "In short:") are not judged.
 *
 * @param sentences the answer's sentences
 * @param judged the sentences long enough to be judged
 * @param supported the judged sentences that a cited passage supports
 */
public record Grounding(int sentences, int judged, int supported) {

    public Grounding {
        if (sentences < 0 || judged < 0 || supported < 0 || judged > sentences || supported > judged) {
            throw new IllegalArgumentException(
                    "need 0 <= supported <= judged <= sentences, got " + supported + ", " + judged + ", " + sentences);
        }
    }

    /** The share of judged sentences that are supported, in [0, 1], or {@code null} when no sentence was judged. */
    public Double share() {
        return judged == 0 ? null : (double) supported / judged;
    }
}
