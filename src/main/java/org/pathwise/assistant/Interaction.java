package org.pathwise.assistant;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.pathwise.guardrails.Guardrails;
import org.pathwise.guardrails.Verdict;

/**
 * One question and its answer, as stored for audit and evaluation.
 *
 * @param id the interaction's id
 * @param conversation the conversation it belongs to
 * @param user who asked
 * @param question the question as the guardrails left it
 * @param answer the answer
 * @param verdicts every guardrail verdict, question and answer stages
 * @param retrieved the retrieved passages, best first
 * @param composer {@code extractive} or the name of an LLM composer
 * @param model the model id, or empty for the extractive composer
 * @param prompt the prompt id and version, or empty
 * @param policyVersion the guardrails policy version
 * @param stageMillis time spent per stage, in milliseconds
 * @param at when it was answered
 * @param searchedQuery what retrieval searched with: the question, or for a follow-up the standalone question it was
 *     made into (or the follow-up with the previous question); empty when the question was stopped before retrieval
 * @param language the question's language, in which the assistant answered (a BCP 47 tag), or {@code und}
 */
public record Interaction(
        String id,
        String conversation,
        String user,
        String question,
        Answer answer,
        List<Verdict> verdicts,
        List<Retrieved> retrieved,
        String composer,
        String model,
        String prompt,
        String policyVersion,
        Map<String, Long> stageMillis,
        Instant at,
        String searchedQuery,
        String language) {

    /**
     * A text as it may leave the service, for instance in an export of the audit log: the personal data that the
     * guardrails recognise (e-mail addresses, telephone numbers, identifiers, people's names beside grades, health or
     * discipline) replaced by markers such as {@code [email]} and {@code [person-1]}.
     */
    public static String withoutPersonalData(String text) {
        return Guardrails.withoutPersonalData(text);
    }

    public Interaction {
        searchedQuery = searchedQuery == null ? "" : searchedQuery;
        language = language == null || language.isBlank() ? "und" : language;
        verdicts = List.copyOf(verdicts);
        retrieved = List.copyOf(retrieved);
        stageMillis = Map.copyOf(stageMillis);
    }

    /** A retrieved passage: its id, its document's source, its score, and its document's course (or empty). */
    public record Retrieved(String passageId, String source, double score, String course) {

        public Retrieved {
            course = course == null ? "" : course;
        }

        /** A passage of a document that belongs to no course. */
        public Retrieved(String passageId, String source, double score) {
            this(passageId, source, score, "");
        }
    }
}
