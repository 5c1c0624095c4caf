package org.pathwise.guardrails;

/**
 * The policy's stage in the answering pipeline: questions are screened before retrieval and any model, answers before
 * they are shown or stored. Implementations must be thread-safe.
 */
public interface Guardrails {

    /** Screens a question before retrieval, any model and any storage. */
    Screening screenQuestion(String question);

    /** Screens a composed answer before it is shown or stored. */
    Screening screenAnswer(String question, String answer);

    /** The version of the policy in force, recorded with every interaction. */
    String policyVersion();
}
