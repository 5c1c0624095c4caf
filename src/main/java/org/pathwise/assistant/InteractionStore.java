package org.pathwise.assistant;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conversations and interaction records in the relational database. Every change is handed to the
 * {@link InteractionRecorder}s in the same transaction.
 */
@Component
class InteractionStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final List<InteractionRecorder> recorders;

    /** A store that tells nobody of its changes. */
    InteractionStore(JdbcClient jdbc) {
        this(jdbc, List.of());
    }

    @Autowired
    InteractionStore(JdbcClient jdbc, List<InteractionRecorder> recorders) {
        this.jdbc = jdbc;
        this.recorders = List.copyOf(recorders);
    }

    /** A conversation as its owner lists it. */
    record ConversationSummary(String id, String firstQuestion, int turns, java.time.Instant startedAt) {}

    boolean conversationBelongsTo(String conversation, String user) {
        return jdbc.sql("SELECT COUNT(*) FROM conversation WHERE id = ? AND username = ?")
                        .params(conversation, user)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private void createConversation(String id, String user, java.time.Instant at) {
        jdbc.sql("INSERT INTO conversation (id, username, created_at) VALUES (?, ?, ?)")
                .params(id, user, Timestamp.from(at))
                .update();
    }

    /** The questions asked so far in a conversation, oldest first. */
    List<String> questions(String conversation) {
        return jdbc.sql("SELECT question FROM interaction WHERE conversation_id = ? ORDER BY created_at, id")
                .param(conversation)
                .query(String.class)
                .list();
    }

    /** Stores an interaction, and first its conversation when it is the conversation's first, in one transaction. */
    @Transactional
    void save(Interaction interaction, AskResponse response, boolean newConversation) {
        if (newConversation) {
            createConversation(interaction.conversation(), interaction.user(), interaction.at());
        }
        jdbc.sql("INSERT INTO interaction (id, conversation_id, username, question, outcome, response, retrieved,"
                        + " composer, model, prompt, policy_version, stage_millis, created_at, searched_query)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        interaction.id(),
                        interaction.conversation(),
                        interaction.user(),
                        interaction.question(),
                        interaction.answer().outcome(),
                        JSON.writeValueAsString(response),
                        JSON.writeValueAsString(interaction.retrieved()),
                        interaction.composer(),
                        interaction.model(),
                        interaction.prompt(),
                        interaction.policyVersion(),
                        JSON.writeValueAsString(interaction.stageMillis()),
                        Timestamp.from(interaction.at()),
                        clip(interaction.searchedQuery()))
                .update();
        for (var verdict : interaction.verdicts()) {
            if (verdict.needsReview()) {
                jdbc.sql("INSERT INTO review_item (id, interaction_id, rule, action, severity, reason, evidence,"
                                + " created_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open')")
                        .params(
                                java.util.UUID.randomUUID().toString(),
                                interaction.id(),
                                verdict.rule(),
                                verdict.action().label(),
                                verdict.severity().label(),
                                clip(verdict.reason()),
                                clip(verdict.evidence()),
                                Timestamp.from(interaction.at()))
                        .update();
            }
        }
        for (var recorder : recorders) {
            recorder.recorded(interaction, response);
        }
    }

    private static String clip(String text) {
        return text.length() > 4000 ? text.substring(0, 3999) + "…" : text;
    }

    /** The most conversations one request lists. */
    static final int MAX_CONVERSATIONS = 500;

    /** A user's conversations, newest first, a page at a time. */
    List<ConversationSummary> conversations(String user, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_CONVERSATIONS) {
            throw new IllegalArgumentException("offset must be >= 0 and limit between 1 and " + MAX_CONVERSATIONS
                    + ", got offset " + offset + " and limit " + limit);
        }
        return jdbc.sql("SELECT c.id, c.created_at, COUNT(i.id) AS turns,"
                        + " (SELECT question FROM interaction f WHERE f.conversation_id = c.id ORDER BY f.created_at,"
                        + " f.id LIMIT 1) AS first_question FROM conversation c LEFT JOIN interaction i ON"
                        + " i.conversation_id = c.id WHERE c.username = ? GROUP BY c.id, c.created_at"
                        + " ORDER BY c.created_at DESC, c.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .param(user)
                .param(offset)
                .param(limit)
                .query((rs, row) -> new ConversationSummary(
                        rs.getString("id"),
                        rs.getString("first_question") == null ? "" : rs.getString("first_question"),
                        rs.getInt("turns"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** A conversation's answers, oldest first, each with its question. */
    List<Turn> turns(String conversation) {
        return jdbc.sql("SELECT question, response FROM interaction WHERE conversation_id = ? ORDER BY created_at, id")
                .param(conversation)
                .query((rs, row) ->
                        new Turn(rs.getString("question"), JSON.readValue(rs.getString("response"), AskResponse.class)))
                .list();
    }

    /** A question and the answer it got. */
    record Turn(String question, AskResponse response) {}

    @Transactional
    boolean deleteConversation(String conversation, String user) {
        var interactions = jdbc.sql("SELECT i.id FROM interaction i JOIN conversation c ON c.id = i.conversation_id"
                        + " WHERE c.id = ? AND c.username = ? ORDER BY i.created_at, i.id")
                .params(conversation, user)
                .query(String.class)
                .list();
        boolean deleted = jdbc.sql("DELETE FROM conversation WHERE id = ? AND username = ?")
                        .params(conversation, user)
                        .update()
                > 0;
        if (deleted) {
            erased(user, interactions);
        }
        return deleted;
    }

    @Transactional
    int deleteConversations(String user) {
        var interactions = jdbc.sql("SELECT i.id FROM interaction i JOIN conversation c ON c.id = i.conversation_id"
                        + " WHERE c.username = ? ORDER BY i.created_at, i.id")
                .param(user)
                .query(String.class)
                .list();
        int deleted = jdbc.sql("DELETE FROM conversation WHERE username = ?")
                .param(user)
                .update();
        if (deleted > 0) {
            erased(user, interactions);
        }
        return deleted;
    }

    private void erased(String user, List<String> interactions) {
        for (var recorder : recorders) {
            recorder.erased(user, interactions);
        }
    }

    /** Records feedback on one of the user's own interactions; false when there is no such interaction. */
    @Transactional
    boolean feedback(String interaction, String user, int rating, String comment) {
        boolean found =
                jdbc.sql("UPDATE interaction SET rating = ?, feedback_comment = ? WHERE id = ? AND username = ?")
                                .params(rating, comment, interaction, user)
                                .update()
                        > 0;
        if (found) {
            for (var recorder : recorders) {
                recorder.rated(interaction, user, rating, comment);
            }
        }
        return found;
    }

    Optional<Integer> rating(String interaction) {
        return jdbc.sql("SELECT rating FROM interaction WHERE id = ?")
                .param(interaction)
                .query(Integer.class)
                .optional();
    }
}
