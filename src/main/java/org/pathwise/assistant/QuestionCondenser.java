package org.pathwise.assistant;

import java.util.List;
import java.util.Optional;

/**
 * Turns a follow-up ("and for video?") into a question that stands on its own ("How do I caption video?") from the
 * conversation's previous questions, so that it can be searched and answered without the conversation.
 */
interface QuestionCondenser {

    /** Condenses nothing: the assistant then searches a short follow-up together with the previous question. */
    QuestionCondenser NONE = (followUp, previous) -> Optional.empty();

    /**
     * The standalone question.
     *
     * @param followUp the new question as the guardrails left it
     * @param previous the conversation's previous questions, oldest first; not empty
     * @return the standalone question, or empty when none could be made
     */
    Optional<String> condense(String followUp, List<String> previous);
}
