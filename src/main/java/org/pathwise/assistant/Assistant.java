package org.pathwise.assistant;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.pathwise.guardrails.Guardrails;
import org.pathwise.guardrails.Screening;
import org.pathwise.guardrails.Verdict;
import org.pathwise.retrieval.LanguageDetector;
import org.pathwise.retrieval.Search;
import org.pathwise.retrieval.SearchFilter;
import org.pathwise.retrieval.SearchHit;
import org.pathwise.retrieval.SearchMode;
import org.pathwise.retrieval.SearchRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Answers questions from the library: screen the question (guardrails) → retrieve (hybrid, with the filters) →
 * abstain unless the {@link Evidence} clears the relevance threshold → compose → screen the answer →
 * store the interaction → publish {@link Answered}. It never answers from a model's own knowledge: every answer cites
 * passages it was given, and citations that point elsewhere are dropped. A follow-up in a conversation is first made
 * a standalone question ({@link QuestionCondenser}).
 *
 * <p>No database transaction is open while a model composes: the interaction (and a new conversation) is written in
 * one short transaction at the end.
 */
@Service
public class Assistant {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");
    private static final int FOLLOW_UP_WORDS = 8;

    /** How many passages the semantic search that measures the evidence ranks: the best and nine to compare it with. */
    private static final int GAP_DEPTH = 10;

    private final Search search;
    private final Guardrails guardrails;
    private final Composer composer;
    private final QuestionCondenser condenser;
    private final InteractionStore store;
    private final ApplicationEventPublisher events;
    private final AssistantProperties properties;
    private final LanguageDetector languages;
    private final Clock clock;
    private final AnswerSelector selector;
    private final Answerability answerability;

    Assistant(
            Search search,
            Guardrails guardrails,
            Composer composer,
            QuestionCondenser condenser,
            InteractionStore store,
            ApplicationEventPublisher events,
            AssistantProperties properties,
            Clock clock,
            AnswerSelector selector,
            Answerability answerability,
            LanguageDetector languages) {
        this.search = search;
        this.languages = languages;
        this.guardrails = guardrails;
        this.composer = composer;
        this.condenser = condenser;
        this.store = store;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.selector = selector;
        this.answerability = answerability;
    }

    /**
     * Answers a question and records the interaction.
     *
     * @throws IllegalArgumentException when the question names a conversation the user does not own
     */
    public AskResponse ask(Question question) {
        return answer(question, null);
    }

    /**
     * Answers a question and records the interaction, handing the answer's text to {@code tokens} as the composer
     * writes it, with its markers as in the final answer. The response is what counts: when a model fails midway, or
     * the answer's screening changes or stops it, or no marker of it survives, its text differs from the pieces. A
     * composer that cannot stream hands on nothing.
     *
     * @throws IllegalArgumentException when the question names a conversation the user does not own
     */
    public AskResponse ask(Question question, Consumer<String> tokens) {
        return answer(question, Objects.requireNonNull(tokens, "tokens"));
    }

    /**
     * What the pipeline made of one question: the interaction as {@link #ask(Question)} would store it (retrieved
     * passages, every verdict, the answer, the time per stage) and the response its user would get.
     */
    public record Trace(Interaction interaction, AskResponse response) {}

    /**
     * Answers a question through the same guardrails, retrieval and composer as {@link #ask(Question)}, and records
     * nothing: no interaction, conversation, review item or audit record is written and no event is published.
     * Evaluation runs ask through here, so that a benchmark never appears in the audit log, the review queue or the
     * researchers' dashboard.
     *
     * @throws IllegalArgumentException when the question names a conversation: a trace has no history to follow up
     */
    public Trace trace(Question question) {
        if (question.conversation() != null && !question.conversation().isBlank()) {
            throw new IllegalArgumentException("a traced question cannot follow up a conversation");
        }
        return answer(question, conversation(question), null);
    }

    /** {@code tokens} is {@code null} for an answer that is not streamed. */
    private AskResponse answer(Question question, Consumer<String> tokens) {
        var conversation = conversation(question);
        var trace = answer(question, conversation, tokens);
        store.save(trace.interaction(), trace.response(), conversation.isNew());
        events.publishEvent(new Answered(trace.interaction().id()));
        return trace.response();
    }

    private Trace answer(Question question, Conversation conversation, Consumer<String> tokens) {
        var stages = new LinkedHashMap<String, Long>();
        long start = System.nanoTime();
        var verdicts = new ArrayList<Verdict>();
        var policyVersion = guardrails.policyVersion();

        var screening = guardrails.screenQuestion(question.text());
        verdicts.addAll(screening.verdicts());
        var text = screening.text();
        // the policy's messages, the disclosure and the assistant's own sentences are in the question's language
        var reader = languages.detect(text);
        var disclosure = guardrails.disclosure(reader);
        start = lap(stages, "guardrails_input", start);

        Answer answer;
        List<Interaction.Retrieved> retrieved = List.of();
        Composer.Composition composition = null;
        var searched = "";
        var stop = screening.stop();
        if (stop.isPresent()) {
            answer = new Answer.Refused(stop.get().rule(), guardrails.message(stop.get(), reader));
        } else {
            var standalone = standalone(text, conversation);
            if (!conversation.questions().isEmpty()) {
                start = lap(stages, "condense", start);
            }
            var query = standalone.query();
            searched = query;
            var hits =
                    search.search(new SearchRequest(query, properties.passages(), SearchMode.HYBRID, question.filter())
                            .withoutSnippets());
            retrieved = hits.stream()
                    .map(h -> new Interaction.Retrieved(
                            h.passage().id(),
                            h.passage().facets().source(),
                            h.score(),
                            h.passage().facets().course()))
                    .toList();
            start = lap(stages, "retrieval", start);
            var asked = standalone.question();
            var language = languages.detect(asked);
            var screened = new ArrayList<Verdict>();
            var readable = readable(asked, hits, screened);
            start = lap(stages, "guardrails_retrieval", start);
            var selection = select(asked, readable, hits);
            var evidence = evidence(query, question.filter(), hits, readable, selection);
            start = lap(stages, "selection", start);
            if (hits.isEmpty() || !answerability.answers(evidence)) {
                answer = new Answer.Abstained(ReaderSentences.noAnswer(reader), closest(hits));
            } else {
                verdicts.addAll(screened);
                var request = new Composer.Request(asked, language, readable, selection);
                if (tokens == null) {
                    composition = composer.compose(request);
                } else {
                    var markers = new StreamedMarkers(hits.size(), tokens);
                    composition = composer.stream(request, markers);
                    markers.finish();
                }
                // citations quote the passages as the composer read them
                answer = grounded(composition, readable, sourceLanguageNote(language, readable, composition), reader);
                start = lap(stages, "composition", start);
                if (answer instanceof Answer.Grounded grounded) {
                    answer = checked(text, grounded, readable, verdicts, guardrails, reader);
                    lap(stages, "guardrails_output", start);
                }
            }
        }
        var interaction = new Interaction(
                UUID.randomUUID().toString(),
                conversation.id(),
                question.user(),
                text,
                answer,
                verdicts.stream()
                        .map(v -> v.withReason(guardrails.message(v, reader)))
                        .toList(),
                retrieved,
                composition == null ? composer.name() : composition.composer(),
                composition == null ? composer.model() : composition.model(),
                composition == null ? composer.prompt() : composition.prompt(),
                policyVersion,
                stages,
                clock.instant(),
                searched,
                reader);
        return new Trace(interaction, AskResponse.of(interaction, disclosure));
    }

    /**
     * The retrieved passages as a composer may read them: the guardrails may take text out of a passage (text addressed
     * to an AI). Citations quote these too, so an answer never repeats such text; the library's document page shows the
     * document as it is, with a warning.
     */
    private List<SearchHit> readable(String question, List<SearchHit> hits, List<Verdict> verdicts) {
        var screened = guardrails.screenPassages(
                question, hits.stream().map(h -> h.passage().text()).toList());
        verdicts.addAll(screened.verdicts());
        var readable = new ArrayList<SearchHit>(hits.size());
        for (int i = 0; i < hits.size(); i++) {
            var hit = hits.get(i);
            var text = screened.passages().get(i);
            if (text.equals(hit.passage().text())) {
                readable.add(hit);
            } else {
                var kept = text.isBlank() ? "(this passage holds no text to use)" : text.strip();
                readable.add(new SearchHit(hit.passage().withText(kept), hit.score(), hit.snippet()));
            }
        }
        return readable;
    }

    /**
     * A grounded answer after the answer's screening: refused when a rule stops it, with the text a rule left (and
     * only the citations whose markers are still in it), or an abstention when no sentence is left.
     */
    private static Answer checked(
            String question,
            Answer.Grounded grounded,
            List<SearchHit> hits,
            List<Verdict> verdicts,
            Guardrails rails,
            String reader) {
        var sources = grounded.citations().stream()
                .map(c -> new Screening.Source(c.marker(), c.passage(), c.licence(), c.title()))
                .toList();
        var checked = rails.screenAnswer(question, grounded.text(), sources);
        verdicts.addAll(checked.verdicts());
        if (checked.stop().isPresent()) {
            return new Answer.Refused(
                    checked.stop().get().rule(), rails.message(checked.stop().get(), reader));
        }
        if (checked.text().equals(grounded.text())) {
            return new Answer.Grounded(grounded.text(), quoted(grounded.citations(), rails), grounded.note());
        }
        var text = tidy(checked.text());
        var citations = grounded.citations().stream()
                .filter(c -> text.contains("[" + c.marker() + "]"))
                .toList();
        if (text.isBlank() || citations.isEmpty()) {
            return new Answer.Abstained(ReaderSentences.noAnswer(reader), closest(hits));
        }
        // a rail redacted the answer: what is shown and stored is the redacted text
        return new Answer.Grounded(text, quoted(citations, rails), grounded.note());
    }

    /** Citations as they may be shown: each passage as the policy lets an answer quote it. */
    private static List<Citation> quoted(List<Citation> citations, Guardrails rails) {
        return citations.stream()
                .map(c -> {
                    var passage = rails.quotable(c.passage());
                    return passage.equals(c.passage()) ? c : c.withPassage(passage);
                })
                .toList();
    }

    /**
     * The evidence the library holds for a question, as the pipeline measures it before deciding to abstain (the
     * question searched as it is, outside any conversation).
     */
    public Evidence evidence(String question, SearchFilter filter) {
        var hits = search.search(
                new SearchRequest(question, properties.passages(), SearchMode.HYBRID, filter).withoutSnippets());
        return evidence(question, filter, hits, hits, select(question, hits, hits));
    }

    /**
     * What kind of answer a question asks for, by the name reports give it ({@code definition}, {@code procedure},
     * {@code yes_no}, ..., one of {@link #questionTypes()}): the kind shapes the answer the assistant selects.
     */
    public static String questionType(String question) {
        return QuestionClassifier.typeOf(question).label();
    }

    /** The names of the kinds of answer a question can ask for, in the order reports list them, {@code other} last. */
    public static List<String> questionTypes() {
        return java.util.Arrays.stream(QuestionType.values())
                .map(QuestionType::label)
                .toList();
    }

    /** The answer unit among the readable passages, read with the vectors the index stores for the retrieved ones. */
    private AnswerSelector.Selection select(String question, List<SearchHit> readable, List<SearchHit> retrieved) {
        if (readable.isEmpty()) {
            return AnswerSelector.Selection.none(QuestionClassifier.typeOf(question));
        }
        var stored = search.embedded(retrieved.stream().map(SearchHit::passage).toList());
        return selector.select(question, search.searchable(question), readable, stored);
    }

    private Evidence evidence(
            String query,
            SearchFilter filter,
            List<SearchHit> hits,
            List<SearchHit> selected,
            AnswerSelector.Selection selection) {
        if (hits.isEmpty()) {
            return Evidence.NONE;
        }
        var nearest = search.search(new SearchRequest(query, GAP_DEPTH, SearchMode.SEMANTIC, filter).withoutSnippets());
        double semantic = nearest.isEmpty() ? 0 : nearest.getFirst().score();
        double rest =
                nearest.stream().skip(1).mapToDouble(SearchHit::score).average().orElse(semantic);
        var coverage =
                search.coverage(query, hits.stream().map(SearchHit::passage).toList());
        double agreement = hits.getFirst().agreement();
        var unit = selection.best();
        double unitCoverage = 0;
        if (unit != null) {
            var passage = selected.get(unit.passage()).passage();
            var text = String.join(
                    " ", unit.sentences().stream().map(passage::sentence).toList());
            var asked = QuestionClassifier.asked(
                    query, selection.type(), passage.facets().language());
            unitCoverage = search.coverage(asked, List.of(passage.withText(text)));
        }
        var evidence = new Evidence(
                semantic,
                coverage,
                agreement,
                unit == null ? 0 : unit.similarity(),
                unit == null ? 0 : unit.focus(),
                unitCoverage,
                semantic - rest,
                !nearest.isEmpty() && otherLanguage(languages.detect(query), nearest.getFirst()),
                0);
        return evidence.scored(answerability.probability(evidence));
    }

    /**
     * A note, in the question's language, that the passages the answer cites are in another language: a question
     * asked in French over an English library is answered from the English passages, and says so.
     */
    static String sourceLanguageNote(String language, List<SearchHit> passages, Composer.Composition composition) {
        if (language.equals("und")) {
            return "";
        }
        var cited = new java.util.LinkedHashSet<String>();
        var markers = MARKER.matcher(composition.text());
        while (markers.find()) {
            int n = passageNumber(markers.group(1));
            if (n >= 1 && n <= passages.size()) {
                cited.add(passages.get(n - 1).passage().facets().language());
            }
        }
        if (cited.isEmpty()
                || cited.stream().anyMatch(l -> l.isBlank() || l.equals("und") || sameLanguage(l, language))) {
            return "";
        }
        return ReaderSentences.sourceNote(language, cited);
    }

    /** Whether a question in a language is in another language than a passage, both languages being known. */
    static boolean otherLanguage(String question, SearchHit passage) {
        var language = passage.passage().facets().language();
        return !question.equals("und")
                && language != null
                && !language.isBlank()
                && !language.equals("und")
                && !sameLanguage(question, language);
    }

    private static boolean sameLanguage(String a, String b) {
        return LanguageDetector.primary(a).equals(LanguageDetector.primary(b));
    }

    /** A conversation; a new one is stored with its first interaction. */
    private record Conversation(String id, List<String> questions, boolean isNew) {}

    private Conversation conversation(Question question) {
        if (question.conversation() == null || question.conversation().isBlank()) {
            return new Conversation(UUID.randomUUID().toString(), question.earlier(), true);
        }
        if (!store.conversationBelongsTo(question.conversation(), question.user())) {
            throw new IllegalArgumentException("you have no conversation " + question.conversation());
        }
        return new Conversation(question.conversation(), store.questions(question.conversation()), false);
    }

    /**
     * A question made to stand on its own.
     *
     * @param query what to search with
     * @param question what to answer
     */
    private record Standalone(String query, String question) {}

    /**
     * The question to search with and to answer. A follow-up is condensed into a standalone question when a language
     * model is configured; otherwise (or when the model fails) a short follow-up is searched together with the
     * conversation's previous question, so that "and for video?" after a question on captions finds passages on
     * captions for video, and the follow-up itself is answered.
     */
    private Standalone standalone(String text, Conversation conversation) {
        if (conversation.questions().isEmpty()) {
            return new Standalone(text, text);
        }
        var condensed = condenser.condense(text, conversation.questions());
        if (condensed.isPresent()) {
            return new Standalone(condensed.get(), condensed.get());
        }
        if (text.split("\\s+").length >= FOLLOW_UP_WORDS) {
            return new Standalone(text, text);
        }
        return new Standalone(conversation.questions().getLast() + " " + text, text);
    }

    /**
     * Turns a composition into an answer: keeps only markers that point at a passage the composer was given,
     * renumbers them 1, 2, ... in order of first use, and attaches a citation to each.
     */
    static Answer grounded(Composer.Composition composition, List<SearchHit> hits) {
        return grounded(composition, hits, "", "und");
    }

    /**
     * As {@link #grounded(Composer.Composition, List)}, with a note for the reader put before the composition's own,
     * and an abstention, when no marker points at a given passage, in the reader's language.
     */
    static Answer grounded(Composer.Composition composition, List<SearchHit> hits, String note, String reader) {
        var renumbered = new LinkedHashMap<Integer, Integer>();
        var matcher = MARKER.matcher(composition.text());
        var text = new StringBuilder();
        boolean dropped = false;
        while (matcher.find()) {
            int given = passageNumber(matcher.group(1));
            if (given < 1 || given > hits.size()) {
                matcher.appendReplacement(text, "");
                dropped = true;
                continue;
            }
            int marker = renumbered.computeIfAbsent(given, g -> renumbered.size() + 1);
            matcher.appendReplacement(text, "[" + marker + "]");
        }
        matcher.appendTail(text);
        if (renumbered.isEmpty()) {
            return new Answer.Abstained(ReaderSentences.noAnswer(reader), closest(hits));
        }
        var answer = tidy(text.toString());
        var citations = new ArrayList<Citation>();
        renumbered.forEach((given, marker) -> citations.add(citation(marker, hits.get(given - 1), answer)));
        note = note.isEmpty()
                ? composition.note()
                : composition.note().isEmpty() ? note : note + " " + composition.note();
        if (dropped) {
            note = (note.isEmpty() ? "" : note + " ") + "A citation that pointed at no given passage was removed.";
        }
        return new Answer.Grounded(answer, citations, note);
    }

    /** The sources of the passages that came closest to answering, for an abstention: at most three, best first. */
    static List<String> closest(List<SearchHit> hits) {
        return hits.stream()
                .map(h -> h.passage().facets().source())
                .distinct()
                .limit(3)
                .toList();
    }

    /** The passage number a marker's digits name, or -1 when there are too many digits to name one. */
    static int passageNumber(String digits) {
        return digits.length() > 6 ? -1 : Integer.parseInt(digits);
    }

    /** An answer's text as shown: runs of spaces (left where markers were dropped) made one, no space at the ends. */
    static String tidy(String text) {
        return text.replaceAll(" {2,}", " ").strip();
    }

    /** A sentence shorter than this is not taken for a quotation when it appears in an answer. */
    private static final int QUOTED_SENTENCE_MIN_LENGTH = 12;

    private static Citation citation(int marker, SearchHit hit, String answer) {
        var passage = hit.passage();
        var facets = passage.facets();
        var quoted = new ArrayList<Integer>();
        for (int i = 0; i < passage.sentences().size(); i++) {
            var sentence = passage.sentence(i).strip();
            if (sentence.length() >= QUOTED_SENTENCE_MIN_LENGTH && answer.contains(sentence)) {
                quoted.add(i);
            }
        }
        return new Citation(
                marker,
                facets.source(),
                facets.title(),
                passage.headingPath(),
                passage.position(),
                facets.licence(),
                facets.attribution(),
                passage.text(),
                hit.score(),
                passage.documentId(),
                passage.id(),
                facets.language(),
                quoted);
    }

    private static long lap(LinkedHashMap<String, Long> stages, String stage, long start) {
        long now = System.nanoTime();
        stages.merge(stage, (now - start) / 1_000_000, Long::sum);
        return now;
    }
}
