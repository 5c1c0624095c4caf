package org.pathwise.assistant;

/**
 * What kind of answer a question asks for, which shapes the answer the assistant selects: a definition wants the
 * sentence that says what something is, a procedure its steps, a list the whole list, a quantity the sentence that
 * holds the number.
 */
enum QuestionType {
    /** What something is or means: "What is a rubric?", "Qu'est-ce que la classe inversée ?". */
    DEFINITION,
    /** How to do something: "How can I make my slides accessible?", "¿Cómo se crea …?". */
    PROCEDURE,
    /** Which things, of what kinds: "Which open licence should I choose?", "Quels outils … ?". */
    LIST,
    /** Which one to choose: "Which licence lets others adapt my slides?", "¿Qué herramienta debo usar?". */
    CHOICE,
    /** Why something is so: "Why does retrieval practice help?", "¿Por qué …?". */
    REASON,
    /** How many, how much, how long: "How many hours a week …?", "Combien de …?". */
    QUANTITY,
    /** A question to answer yes or no, or whether one should: "Should I …?", "¿Puedo …?". */
    YES_NO,
    /** How two things differ: "What is the difference between synchronous and asynchronous teaching?". */
    COMPARISON,
    /** None of the above. */
    OTHER;

    /** The name used in reports, {@code yes_no} for {@link #YES_NO}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
