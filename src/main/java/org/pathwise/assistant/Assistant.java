package org.pathwise.assistant;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.pathwise.guardrails.Guardrails;
import org.pathwise.guardrails.Verdict;
import org.pathwise.retrieval.LanguageDetector;
import org.pathwise.retrieval.Search;
import org.pathwise.retrieval.SearchFilter;
import org.pathwise.retrieval.SearchHit;
import org.pathwise.retrieval.SearchMode;
import org.pathwise.retrieval.SearchRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers questions from the library: screen the question (guardrails) → retrieve (hybrid, with the filters) →
 * abstain unless the {@link Evidence} clears the relevance threshold → compose → screen the answer →
 * store the interaction → publish {@link Answered}. It never answers from a model's own knowledge: every answer cites
 * passages it was given, and citations that point elsewhere are dropped.
 */
@Service
public class Assistant {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");
    private static final int FOLLOW_UP_WORDS = 8;

    private final Search search;
    private final Guardrails guardrails;
    private final Composer composer;
    private final InteractionStore store;
    private final ApplicationEventPublisher events;
    private final AssistantProperties properties;
    private final LanguageDetector languages = new LanguageDetector();
    private final Clock clock;

    Assistant(
            Search search,
            Guardrails guardrails,
            Composer composer,
            InteractionStore store,
            ApplicationEventPublisher events,
            AssistantProperties properties,
            Clock clock) {
        this.search = search;
        this.guardrails = guardrails;
        this.composer = composer;
        this.store = store;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Answers a question and records the interaction.
     *
     * @throws IllegalArgumentException when the question names a conversation the user does not own
     */
    @Transactional
    public AskResponse ask(Question question) {
        var stages = new LinkedHashMap<String, Long>();
        long start = System.nanoTime();
        var conversation = conversation(question);
        var verdicts = new ArrayList<Verdict>();

        var screening = guardrails.screenQuestion(question.text());
        verdicts.addAll(screening.verdicts());
        var text = screening.text();
        start = lap(stages, "guardrails_input", start);

        Answer answer;
        List<Interaction.Retrieved> retrieved = List.of();
        var stop = screening.stop();
        if (stop.isPresent()) {
            answer = new Answer.Refused(stop.get().rule(), stop.get().reason());
        } else {
            var query = standalone(text, conversation);
            var hits = search.search(
                    new SearchRequest(query, properties.passages(), SearchMode.HYBRID, question.filter()));
            retrieved = hits.stream()
                    .map(h -> new Interaction.Retrieved(
                            h.passage().id(), h.passage().facets().source(), h.score()))
                    .toList();
            var evidence = evidence(query, question.filter(), hits);
            start = lap(stages, "retrieval", start);
            if (hits.isEmpty() || evidence.score() < properties.relevanceThreshold()) {
                answer = new Answer.Abstained(
                        "The library has no answer to this question.",
                        hits.stream()
                                .map(h -> h.passage().facets().source())
                                .distinct()
                                .limit(3)
                                .toList());
            } else {
                var composition = composer.compose(text, languages.detect(text), hits);
                answer = grounded(composition, hits);
                start = lap(stages, "composition", start);
                if (answer instanceof Answer.Grounded grounded) {
                    var checked = guardrails.screenAnswer(text, grounded.text());
                    verdicts.addAll(checked.verdicts());
                    if (checked.stop().isPresent()) {
                        answer = new Answer.Refused(
                                checked.stop().get().rule(),
                                checked.stop().get().reason());
                    }
                    start = lap(stages, "guardrails_output", start);
                }
            }
        }
        var interaction = new Interaction(
                UUID.randomUUID().toString(),
                conversation.id(),
                question.user(),
                text,
                answer,
                verdicts,
                retrieved,
                composer.name(),
                composer.model(),
                composer.prompt(),
                guardrails.policyVersion(),
                stages,
                clock.instant());
        var response = AskResponse.of(interaction);
        store.save(interaction, response);
        lap(stages, "record", start);
        events.publishEvent(new Answered(interaction.id()));
        return response;
    }

    /**
     * How well the library can answer a question: the best passage's semantic score, the share of the question's
     * (IDF-weighted) terms the retrieved passages cover, and their combination {@code semantic + coverageWeight ×
     * coverage}, which the relevance threshold applies to. Unknown words (a product, an institution, a programme the
     * library never mentions) lower the coverage where the embedding alone would still find related passages.
     */
    public record Evidence(double semantic, double coverage, double score) {}

    /** The evidence the library holds for a question, as the pipeline measures it before deciding to abstain. */
    public Evidence evidence(String question, SearchFilter filter) {
        var hits = search.search(new SearchRequest(question, properties.passages(), SearchMode.HYBRID, filter));
        return evidence(question, filter, hits);
    }

    private Evidence evidence(String query, SearchFilter filter, List<SearchHit> hits) {
        var best = search.search(new SearchRequest(query, 1, SearchMode.SEMANTIC, filter));
        double semantic = best.isEmpty() ? 0 : best.getFirst().score();
        double coverage =
                search.coverage(query, hits.stream().map(SearchHit::passage).toList());
        return new Evidence(semantic, coverage, semantic + properties.coverageWeight() * coverage);
    }

    private record Conversation(String id, List<String> questions) {}

    private Conversation conversation(Question question) {
        if (question.conversation() == null || question.conversation().isBlank()) {
            var id = UUID.randomUUID().toString();
            store.createConversation(id, question.user(), clock.instant());
            return new Conversation(id, List.of());
        }
        if (!store.conversationBelongsTo(question.conversation(), question.user())) {
            throw new IllegalArgumentException("you have no conversation " + question.conversation());
        }
        return new Conversation(question.conversation(), store.questions(question.conversation()));
    }

    /**
     * The question to search with: a short follow-up is searched together with the conversation's previous question,
     * so that "and for video?" after a question on captions finds passages on captions for video.
     */
    private static String standalone(String text, Conversation conversation) {
        if (conversation.questions().isEmpty() || text.split("\\s+").length >= FOLLOW_UP_WORDS) {
            return text;
        }
        return conversation.questions().getLast() + " " + text;
    }

    /**
     * Turns a composition into an answer: keeps only markers that point at a passage the composer was given,
     * renumbers them 1, 2, ... in order of first use, and attaches a citation to each.
     */
    static Answer grounded(Composer.Composition composition, List<SearchHit> hits) {
        var renumbered = new LinkedHashMap<Integer, Integer>();
        var matcher = MARKER.matcher(composition.text());
        var text = new StringBuilder();
        boolean dropped = false;
        while (matcher.find()) {
            int given = Integer.parseInt(matcher.group(1));
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
            return new Answer.Abstained(
                    "No passage of the library answers this question well enough.",
                    hits.stream()
                            .map(h -> h.passage().facets().source())
                            .distinct()
                            .limit(3)
                            .toList());
        }
        var citations = new ArrayList<Citation>();
        renumbered.forEach((given, marker) -> citations.add(citation(marker, hits.get(given - 1))));
        var note = composition.note();
        if (dropped) {
            note = (note.isEmpty() ? "" : note + " ") + "A citation that pointed at no given passage was removed.";
        }
        return new Answer.Grounded(text.toString().replaceAll(" {2,}", " ").strip(), citations, note);
    }

    private static Citation citation(int marker, SearchHit hit) {
        var passage = hit.passage();
        var facets = passage.facets();
        var attribution = "\"" + facets.title() + "\""
                + (facets.authors().isEmpty() ? "" : " by " + String.join(", ", facets.authors()))
                + ", " + facets.source()
                + (facets.licence().isEmpty() ? ", licence unknown" : ", " + facets.licence());
        return new Citation(
                marker,
                facets.source(),
                facets.title(),
                passage.headingPath(),
                passage.position(),
                facets.licence(),
                attribution,
                passage.text(),
                hit.score(),
                passage.documentId(),
                passage.id());
    }

    private static long lap(LinkedHashMap<String, Long> stages, String stage, long start) {
        long now = System.nanoTime();
        stages.merge(stage, (now - start) / 1_000_000, Long::sum);
        return now;
    }
}
