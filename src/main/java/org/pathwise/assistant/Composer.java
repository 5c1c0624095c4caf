package org.pathwise.assistant;

import java.util.List;
import org.pathwise.retrieval.SearchHit;

/**
 * Composes an answer from retrieved passages. The passages are numbered from 1 in the order given (most relevant
 * first); the answer cites them with inline markers {@code [n]}.
 */
interface Composer {

    /** The composer's name, recorded with each answer ({@code extractive}, {@code openai}, ...). */
    String name();

    /** The model id, or empty when no model is involved. */
    String model();

    /** The prompt id and version, or empty when no prompt is involved. */
    String prompt();

    /**
     * Composes an answer.
     *
     * @param question the question as the guardrails left it
     * @param language the question's BCP 47 language, or {@code und}
     * @param passages the retrieved passages, most relevant first, numbered from 1
     */
    Composition compose(String question, String language, List<SearchHit> passages);

    /**
     * A composed answer.
     *
     * @param text the answer with markers {@code [n]} pointing at the numbered passages
     * @param note a remark for the reader, or empty
     */
    record Composition(String text, String note) {}
}
