package org.pathwise.assistant;

import java.util.List;
import java.util.function.Consumer;
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
     * What an answer is composed from.
     *
     * @param question the question as the guardrails left it
     * @param language the question's BCP 47 language, or {@code und}
     * @param passages the retrieved passages, most relevant first, numbered from 1
     * @param selection the answer unit chosen among the passages ({@link AnswerSelector}), whose kind of question
     *     ({@link AnswerSelector.Selection#type()}) every composer is told
     */
    record Request(String question, String language, List<SearchHit> passages, AnswerSelector.Selection selection) {

        public Request {
            passages = List.copyOf(passages);
        }

        QuestionType type() {
            return selection.type();
        }
    }

    /** Composes an answer. */
    Composition compose(Request request);

    /**
     * Composes an answer and hands its text to {@code tokens} piece by piece, in order, as it is written. The pieces
     * of a composition that succeeds join into its text; a composer that falls back on another after some pieces were
     * handed on returns a composition whose text differs from them, and the composition is what counts. A composer
     * that cannot stream (the default) hands on nothing and only returns the composition.
     */
    default Composition stream(Request request, Consumer<String> tokens) {
        return compose(request);
    }

    /**
     * A composed answer and what composed it (which may be a fallback rather than the configured composer).
     *
     * @param text the answer with markers {@code [n]} pointing at the numbered passages
     * @param note a remark for the reader, or empty
     * @param composer the name of the composer that wrote the text
     * @param model the id of the model that wrote it, or empty
     * @param prompt the id and version of the prompt it was written with, or empty
     */
    record Composition(String text, String note, String composer, String model, String prompt) {}
}
