package org.pathwise.assistant;

import java.util.List;

/**
 * An answer as the API and {@code pathwise ask --json} show it.
 *
 * @param interaction the interaction's id (for feedback)
 * @param conversation the conversation's id (to ask a follow-up)
 * @param outcome {@code answered}, {@code abstained} or {@code refused}
 * @param answer the text for the user: the answer with markers, or why there is none
 * @param citations the cited passages, by marker
 * @param verdicts the guardrail rules that fired
 * @param closest for an abstention, the sources that came closest
 * @param note a remark on how the answer was made, or empty
 * @param disclosure the notice that the answer is AI-generated (EU AI Act, Article 50), as the policy words it
 */
public record AskResponse(
        String interaction,
        String conversation,
        String outcome,
        String answer,
        List<CitationView> citations,
        List<VerdictView> verdicts,
        List<String> closest,
        String note,
        String disclosure) {

    public AskResponse {
        disclosure = disclosure == null ? "" : disclosure;
    }

    /**
     * The answer as a reader sees it in plain text, for a client that shows text alone (an OpenAI-compatible client,
     * an MCP host): the answer, its note, the closest documents of an abstention, the numbered references with each
     * source's attribution and licence, and the AI disclosure.
     */
    public String readable() {
        var text = new StringBuilder(answer.strip());
        if (note != null && !note.isBlank()) {
            text.append("\n\n").append(note.strip());
        }
        if (closest != null && !closest.isEmpty()) {
            text.append("\n\nClosest in the library: ").append(String.join("; ", closest));
        }
        if (!citations.isEmpty()) {
            text.append("\n");
            appendReferences(text);
        }
        if (!disclosure.isBlank()) {
            text.append("\n\n").append(disclosure.strip());
        }
        return text.toString();
    }

    /** A citation as shown. */
    public record CitationView(
            int marker,
            String source,
            String title,
            String heading,
            String position,
            String licence,
            String attribution,
            String passage,
            double score,
            String document,
            String passageId,
            String language,
            List<Integer> sentences) {

        public CitationView {
            sentences = sentences == null ? List.of() : List.copyOf(sentences);
        }

        /**
         * Where the document page shows what this citation quotes: the passage, or its first quoted sentence with
         * every quoted sentence marked ({@code /library/documents/d1?quote=p3-s1,p3-s2#p3-s1}).
         */
        public String pageLink() {
            var base = "/library/documents/" + document;
            var passage = "p" + passageId.substring(passageId.lastIndexOf('#') + 1);
            if (sentences.isEmpty()) {
                return base + "#" + passage;
            }
            var anchors = sentences.stream().map(i -> passage + "-s" + i).toList();
            return base + "?quote=" + String.join(",", anchors) + "#" + anchors.getFirst();
        }

        /** The source's language named in the reader's ({@code anglais} for a French reader), empty when unknown. */
        public String languageName(java.util.Locale reader) {
            if (language == null || language.isBlank() || language.equals("und")) {
                return "";
            }
            return java.util.Locale.forLanguageTag(language).getDisplayLanguage(reader);
        }
    }

    /** A verdict as shown: the rule, what it did and why, the principle it serves, and what it found (redacted). */
    public record VerdictView(
            String rule, String action, String reason, String principle, String severity, String evidence) {}

    /** The answer followed by one attribution line per citation and the disclosure, for copying elsewhere. */
    public String copyText() {
        var text = new StringBuilder(answer);
        appendReferences(text);
        if (!disclosure.isEmpty()) {
            text.append("\n\n").append(disclosure);
        }
        return text.toString();
    }

    /** One line per citation, each on a new line: its marker and the attribution of its source. */
    private void appendReferences(StringBuilder text) {
        for (var citation : citations) {
            text.append('\n').append('[').append(citation.marker()).append("] ").append(citation.attribution());
        }
    }

    static AskResponse of(Interaction interaction, String disclosure) {
        var verdicts = interaction.verdicts().stream()
                .map(v -> new VerdictView(
                        v.rule(),
                        v.action().label(),
                        v.reason(),
                        v.principle(),
                        v.severity().label(),
                        v.evidence()))
                .toList();
        return switch (interaction.answer()) {
            case Answer.Grounded grounded ->
                new AskResponse(
                        interaction.id(),
                        interaction.conversation(),
                        grounded.outcome(),
                        grounded.text(),
                        grounded.citations().stream()
                                .map(c -> new CitationView(
                                        c.marker(),
                                        c.source(),
                                        c.title(),
                                        String.join(" › ", c.headingPath()),
                                        c.position(),
                                        c.licence(),
                                        c.attribution(),
                                        c.passage(),
                                        c.score(),
                                        c.documentId(),
                                        c.passageId(),
                                        c.language(),
                                        c.sentences()))
                                .toList(),
                        verdicts,
                        List.of(),
                        grounded.note(),
                        disclosure);
            case Answer.Abstained abstained ->
                new AskResponse(
                        interaction.id(),
                        interaction.conversation(),
                        abstained.outcome(),
                        abstained.reason(),
                        List.of(),
                        verdicts,
                        abstained.closestDocuments(),
                        "",
                        disclosure);
            case Answer.Refused refused ->
                new AskResponse(
                        interaction.id(),
                        interaction.conversation(),
                        refused.outcome(),
                        refused.reason(),
                        List.of(),
                        verdicts,
                        List.of(),
                        "",
                        disclosure);
        };
    }
}
