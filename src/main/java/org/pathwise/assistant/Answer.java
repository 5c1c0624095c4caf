package org.pathwise.assistant;

import java.util.List;

/** What the assistant says to a question: a grounded answer, an abstention, or a refusal. */
public sealed interface Answer {

    /** The outcome's name as the API and the command line show it. */
    String outcome();

    /**
     * An answer whose every sentence comes from, or is supported by, the cited passages.
     *
     * @param text the answer with inline markers {@code [n]} that point at {@code citations}
     * @param citations the cited passages, by marker
     * @param note a remark on how the answer was made (for example that a model failed), or empty
     */
    record Grounded(String text, List<Citation> citations, String note) implements Answer {
        public Grounded {
            citations = List.copyOf(citations);
        }

        @Override
        public String outcome() {
            return "answered";
        }
    }

    /**
     * The library holds no answer that clears the relevance threshold.
     *
     * @param reason why, for the user
     * @param closestDocuments the sources that came closest, best first
     */
    record Abstained(String reason, List<String> closestDocuments) implements Answer {
        public Abstained {
            closestDocuments = List.copyOf(closestDocuments);
        }

        @Override
        public String outcome() {
            return "abstained";
        }
    }

    /**
     * The policy stops or redirects the question.
     *
     * @param rule the rule's id
     * @param reason the rule's message for the user
     */
    record Refused(String rule, String reason) implements Answer {
        @Override
        public String outcome() {
            return "refused";
        }
    }
}
