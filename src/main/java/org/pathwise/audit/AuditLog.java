package org.pathwise.audit;

import java.io.Writer;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.pathwise.assistant.AskResponse;
import org.pathwise.assistant.Interaction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The audit log: an append-only, hash-chained record of every interaction, every rating, every erasure and every
 * retention purge (issue 7). Each record's hash covers the previous record's hash, so a record changed, removed,
 * inserted or moved breaks the chain from there on, and {@link #verify()} names the first record that does not verify.
 *
 * <p>Free text (the user name, question, answer and a rating's comment) is kept apart from the chained fields, which
 * hold only its hash: erasure (a user deleting conversations) and the operations retention set the text to
 * {@code NULL}, and append a record saying so, and the chain still verifies. Removing the oldest records (the research
 * retention) appends a purge record that keeps the hash of the last removed record, from which verification starts.
 *
 * <p>Appends lock the one row of {@code audit_head} ({@code SELECT ... FOR UPDATE}) in the caller's transaction, so
 * concurrent writers take turns and never fork the chain; the interaction and its record commit together.
 */
@Service
public class AuditLog {

    static final String INTERACTION = "interaction";
    static final String FEEDBACK = "feedback";
    static final String ERASURE = "erasure";
    static final String PURGE = "purge";

    private static final int FETCH_SIZE = 500;
    private static final int IN_CHUNK = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final DataSource dataSource;
    private final AuditProperties properties;
    private final Clock clock;
    private final Supplier<Pseudonyms> pseudonyms;

    AuditLog(
            JdbcClient jdbc,
            DataSource dataSource,
            AuditProperties properties,
            @Value("${pathwise.data-dir}") Path dataDir,
            Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
        this.properties = properties;
        this.clock = clock;
        this.pseudonyms = memoized(() -> Pseudonyms.of(properties.pseudonymSecret(), jdbc, dataDir));
    }

    /** The stable pseudonym of a user name, as records and exports show it. */
    public String pseudonym(String user) {
        return pseudonyms.get().pseudonym(user);
    }

    /** What an append wrote. */
    record Appended(long seq, String id, String hash) {}

    /** A record to append: its kind, the chained metadata, and the free text that only its hash chains. */
    record Entry(
            String kind, Map<String, Object> metadata, String user, String question, String answer, String comment) {
        Entry {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(metadata, "metadata");
        }
    }

    /** Records an interaction and the response its user got; joins the caller's transaction. */
    @Transactional
    public void recordInteraction(Interaction interaction, AskResponse response) {
        var metadata = new LinkedHashMap<String, Object>();
        metadata.put("interaction", interaction.id());
        metadata.put("conversation", interaction.conversation());
        metadata.put("pseudonym", pseudonym(interaction.user()));
        metadata.put("outcome", response.outcome());
        metadata.put("language", interaction.language());
        metadata.put(
                "rules",
                response.verdicts().stream()
                        .map(AskResponse.VerdictView::rule)
                        .distinct()
                        .toList());
        metadata.put(
                "courses",
                interaction.retrieved().stream()
                        .map(Interaction.Retrieved::course)
                        .filter(course -> !course.isEmpty())
                        .distinct()
                        .sorted()
                        .toList());
        metadata.put("composer", interaction.composer());
        metadata.put("model", interaction.model());
        metadata.put("prompt", interaction.prompt());
        metadata.put("policy_version", interaction.policyVersion());
        metadata.put("asked_at", interaction.at().toString());
        metadata.put("retrieved", interaction.retrieved());
        metadata.put("citations", response.citations());
        metadata.put("verdicts", response.verdicts());
        metadata.put("closest", response.closest());
        metadata.put("note", response.note());
        metadata.put("disclosure", response.disclosure());
        metadata.put("stage_millis", new TreeMap<>(interaction.stageMillis()));
        append(new Entry(INTERACTION, metadata, interaction.user(), interaction.question(), response.answer(), null));
    }

    /** Records a user's rating of an answer; joins the caller's transaction. */
    @Transactional
    public void recordRating(String interaction, String user, int rating, String comment) {
        var metadata = new LinkedHashMap<String, Object>();
        metadata.put("interaction", interaction);
        metadata.put("pseudonym", pseudonym(user));
        metadata.put("rating", rating);
        append(new Entry(FEEDBACK, metadata, user, null, null, comment));
    }

    /**
     * Pseudonymises the records of a user's deleted interactions (their user name and text set to {@code NULL}) and
     * appends an {@code erasure} record with the counts and the range; joins the caller's transaction.
     *
     * @return the erasure record, or empty when the log held nothing of these interactions
     */
    @Transactional
    public java.util.Optional<String> erase(String user, List<String> interactions) {
        var pseudonym = pseudonym(user);
        lockHead();
        var sequences = new ArrayList<Long>();
        for (int from = 0; from < interactions.size(); from += IN_CHUNK) {
            var chunk = interactions.subList(from, Math.min(interactions.size(), from + IN_CHUNK));
            var marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            var params = new ArrayList<Object>();
            params.add(pseudonym);
            params.addAll(chunk);
            sequences.addAll(jdbc.sql("SELECT seq FROM audit_record WHERE pseudonym = ? AND interaction_id IN (" + marks
                            + ") AND kind IN ('interaction', 'feedback')")
                    .params(params)
                    .query(Long.class)
                    .list());
            jdbc.sql("UPDATE audit_record SET username = NULL, question = NULL, answer = NULL, comment = NULL"
                            + " WHERE pseudonym = ? AND interaction_id IN (" + marks + ")"
                            + " AND kind IN ('interaction', 'feedback')")
                    .params(params)
                    .update();
        }
        if (sequences.isEmpty()) {
            return java.util.Optional.empty();
        }
        sequences.sort(null);
        var metadata = new LinkedHashMap<String, Object>();
        metadata.put("pseudonym", pseudonym);
        metadata.put("interactions", interactions.size());
        metadata.put("records", sequences.size());
        metadata.put("first_seq", sequences.getFirst());
        metadata.put("last_seq", sequences.getLast());
        metadata.put("sequences", sequences);
        return java.util.Optional.of(
                append(new Entry(ERASURE, metadata, null, null, null, null)).id());
    }

    /**
     * What a retention purge did.
     *
     * @param textRemoved records whose text (and user name) was removed (operations retention)
     * @param recordsRemoved records removed entirely (research retention)
     * @param purgeRecord the {@code purge} record appended, or {@code null} when nothing was due
     */
    public record Purge(int textRemoved, int recordsRemoved, String purgeRecord) {}

    /**
     * Applies the retention periods now: records older than the operations retention lose their text and user name;
     * records older than the research retention are removed (always a prefix of the chain, the oldest ones). Appends
     * a {@code purge} record with the counts, the ranges and, when records were removed, the hash of the last removed
     * record, the anchor from which verification starts.
     */
    @Transactional
    public Purge purge() {
        var head = lockHead();
        var now = clock.instant();
        var research = Timestamp.from(now.minus(properties.retention().research()));
        var operations = Timestamp.from(now.minus(properties.retention().operations()));
        var metadata = new LinkedHashMap<String, Object>();
        metadata.put(
                "operations_retention_days", properties.retention().operations().toDays());
        metadata.put(
                "research_retention_days", properties.retention().research().toDays());

        int removed = 0;
        var removedThrough = jdbc.sql("SELECT MAX(seq) FROM audit_record WHERE recorded_at < ?")
                .param(research)
                .query(Long.class)
                .optional();
        if (removedThrough.isPresent()) {
            long through = removedThrough.get();
            var last = jdbc.sql("SELECT hash, recorded_at FROM audit_record WHERE seq = ?")
                    .param(through)
                    .query((rs, row) -> Map.entry(rs.getString("hash"), instant(rs, "recorded_at")))
                    .single();
            var firstRemoved = jdbc.sql("SELECT MIN(seq) FROM audit_record")
                    .query(Long.class)
                    .single();
            jdbc.sql("DELETE FROM audit_annotation WHERE record_id IN (SELECT id FROM audit_record WHERE seq <= ?)")
                    .param(through)
                    .update();
            removed = jdbc.sql("DELETE FROM audit_record WHERE seq <= ?")
                    .param(through)
                    .update();
            metadata.put("removed", removed);
            metadata.put("removed_from_seq", firstRemoved);
            metadata.put("removed_through", through);
            metadata.put("removed_through_time", last.getValue().toString());
            metadata.put("anchor", last.getKey());
        }

        int textRemoved = 0;
        var textThrough = jdbc.sql("SELECT MAX(seq) FROM audit_record WHERE recorded_at < ?")
                .param(operations)
                .query(Long.class)
                .optional();
        if (textThrough.isPresent()) {
            textRemoved = jdbc.sql("UPDATE audit_record SET username = NULL, question = NULL, answer = NULL,"
                            + " comment = NULL WHERE seq <= ? AND (username IS NOT NULL OR question IS NOT NULL"
                            + " OR answer IS NOT NULL OR comment IS NOT NULL)")
                    .param(textThrough.get())
                    .update();
            if (textRemoved > 0) {
                metadata.put("text_removed", textRemoved);
                metadata.put("text_removed_through", textThrough.get());
            }
        }
        if (removed == 0 && textRemoved == 0) {
            return new Purge(0, 0, null);
        }
        return new Purge(
                textRemoved,
                removed,
                append(new Entry(PURGE, metadata, null, null, null, null), head).id());
    }

    /** The head of the chain: the last sequence number and its hash. */
    record Head(long seq, String hash) {}

    private Head lockHead() {
        return jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, row) -> new Head(rs.getLong("seq"), rs.getString("hash")))
                .single();
    }

    /**
     * Appends a record at the head of the chain; joins the caller's transaction. The record's JSON and text hash are
     * made before the head is locked, so the lock is held for two statements.
     */
    @Transactional
    Appended append(Entry entry) {
        var prepared = new Prepared(entry);
        return append(prepared, lockHead());
    }

    /** What a record's append computes before it needs the head. */
    private record Prepared(Entry entry, String metadata, Columns columns, String textHash) {
        Prepared(Entry entry) {
            this(entry, Chain.canonical(entry.metadata()));
        }

        private Prepared(Entry entry, String metadata) {
            this(
                    entry,
                    metadata,
                    Columns.of(Chain.JSON.readTree(metadata)),
                    Chain.textHash(entry.user(), entry.question(), entry.answer(), entry.comment()));
        }
    }

    private Appended append(Entry entry, Head head) {
        return append(new Prepared(entry), head);
    }

    private Appended append(Prepared prepared, Head head) {
        var entry = prepared.entry();
        var metadata = prepared.metadata();
        var columns = prepared.columns();
        long seq = head.seq() + 1;
        var id = UUID.randomUUID().toString();
        var at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var textHash = prepared.textHash();
        var hash = Chain.hash(head.hash(), seq, entry.kind(), at, metadata, textHash);
        jdbc.sql("INSERT INTO audit_record (seq, id, kind, recorded_at, interaction_id, pseudonym, username, outcome,"
                        + " language, rules, courses, composer, model, prompt, rating, metadata, question, answer,"
                        + " comment, text_hash, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        seq,
                        id,
                        entry.kind(),
                        OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC),
                        columns.interaction(),
                        columns.pseudonym(),
                        entry.user(),
                        columns.outcome(),
                        columns.language(),
                        columns.rules(),
                        columns.courses(),
                        columns.composer(),
                        columns.model(),
                        columns.prompt(),
                        columns.rating(),
                        metadata,
                        entry.question(),
                        entry.answer(),
                        entry.comment(),
                        textHash,
                        head.hash(),
                        hash)
                .update();
        jdbc.sql("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")
                .params(seq, hash)
                .update();
        return new Appended(seq, id, hash);
    }

    /** How many records the log holds. */
    public long records() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_record").query(Long.class).single();
    }

    /**
     * Writes every record, oldest first, pseudonymised and redacted as JSON Lines: what {@code pathwise audit export}
     * writes without a filter, streamed so that memory does not grow with the log.
     *
     * @return how many records were written
     */
    @Transactional(readOnly = true)
    public long export(Writer out) {
        return new AuditRecords(jdbc, dataSource, clock)
                .export(
                        new RecordFilter(null, null, null, null, null, null, null, null, null, null, null, null),
                        AuditRecords.Format.JSONL,
                        out);
    }

    /** Verifies the chain of the audit log in another database, such as the target of a migration. */
    public static Verification verify(DataSource dataSource) {
        return new AuditLog(
                        JdbcClient.create(dataSource),
                        dataSource,
                        new AuditProperties(null, null, null),
                        Path.of("."),
                        Clock.systemUTC())
                .verify();
    }

    /**
     * Walks the whole chain, oldest first, and returns the first record that does not verify: a sequence number
     * missing (removed), a previous hash that is not the hash of the record before (inserted or reordered), a hash,
     * text hash or filter column that does not match the record's content (edited), text missing without an erasure
     * or purge record that covers it. The chain starts at sequence 1, or after the records the latest purge removed,
     * from the hash it kept; and it must end at the head.
     */
    @Transactional(readOnly = true)
    public Verification verify() {
        var head = jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1")
                .query((rs, row) -> new Head(rs.getLong("seq"), rs.getString("hash")))
                .single();
        long expectedSeq = 1;
        String expectedPrevious = Chain.GENESIS;
        for (var purge : jdbc.sql("SELECT metadata FROM audit_record WHERE kind = 'purge' ORDER BY seq")
                .query(String.class)
                .list()) {
            var node = Chain.JSON.readTree(purge);
            if (node.has("removed_through") && node.get("removed_through").asLong() + 1 > expectedSeq) {
                expectedSeq = node.get("removed_through").asLong() + 1;
                expectedPrevious = node.get("anchor").asString();
            }
        }
        var walk = new Walk(expectedSeq, expectedPrevious);
        var broken = new Verification.Broken[1];
        try {
            Streaming.forEach(
                    streaming,
                    "SELECT seq, id, kind, recorded_at, interaction_id, pseudonym, username, outcome, language, rules,"
                            + " courses, composer, model, prompt, rating, metadata, question, answer, comment, text_hash,"
                            + " prev_hash, hash FROM audit_record r WHERE 1 = 1",
                    List.of(),
                    // records appended after the head was read are left for the next verification
                    head.seq(),
                    (rs, row) -> StoredRecord.of(rs),
                    StoredRecord::seq,
                    record -> {
                        var found = walk.next(record);
                        if (found != null) {
                            broken[0] = found;
                            throw new StopWalking();
                        }
                    });
        } catch (StopWalking stop) {
            return broken[0];
        }
        return walk.end(head);
    }

    /** Ends a walk at its first broken record. */
    private static final class StopWalking extends RuntimeException {
        StopWalking() {
            super(null, null, false, false);
        }
    }

    /** The state of a verification between two records. */
    private static final class Walk {
        private long expectedSeq;
        private String expectedPrevious;
        private final long first;
        private long count;
        private StoredRecord last;
        /** Records whose text is gone and that no erasure or purge record has covered yet, by sequence number. */
        private final TreeMap<Long, String> uncovered = new TreeMap<>();

        Walk(long expectedSeq, String expectedPrevious) {
            this.expectedSeq = expectedSeq;
            this.expectedPrevious = expectedPrevious;
            this.first = expectedSeq;
        }

        Verification.Broken next(StoredRecord r) {
            if (r.seq() > expectedSeq) {
                return broken(
                        r,
                        Verification.Problem.REMOVED,
                        (r.seq() - expectedSeq == 1
                                        ? "record " + expectedSeq + " is missing"
                                        : "records " + expectedSeq + " to " + (r.seq() - 1) + " are missing")
                                + " before it");
            }
            if (!r.previousHash().equals(expectedPrevious)) {
                return broken(
                        r,
                        Verification.Problem.INSERTED_OR_REORDERED,
                        "its previous hash is not the hash of "
                                + (last == null ? "the chain's start" : "record " + last.seq()));
            }
            var hash = Chain.hash(r.previousHash(), r.seq(), r.kind(), r.at(), r.metadata(), r.textHash());
            if (!hash.equals(r.hash())) {
                return broken(r, Verification.Problem.EDITED, "its hash does not match its content");
            }
            if (r.hasText()) {
                if (!Chain.textHash(r.user(), r.question(), r.answer(), r.comment())
                        .equals(r.textHash())) {
                    return broken(
                            r,
                            Verification.Problem.EDITED,
                            "its text (user, question, answer or comment) does not match its text hash");
                }
            } else if (!r.textHash().equals(Chain.NO_TEXT)) {
                uncovered.put(r.seq(), r.id());
            }
            var metadata = Chain.JSON.readTree(r.metadata());
            if (!Columns.of(metadata).equals(r.columns())) {
                return broken(r, Verification.Problem.EDITED, "its filter columns do not match its metadata");
            }
            switch (r.kind()) {
                case ERASURE -> {
                    for (var seq : metadata.get("sequences")) {
                        uncovered.remove(seq.asLong());
                    }
                }
                case PURGE -> {
                    if (metadata.has("text_removed_through")) {
                        uncovered
                                .headMap(metadata.get("text_removed_through").asLong(), true)
                                .clear();
                    }
                }
                default -> {}
            }
            expectedSeq = r.seq() + 1;
            expectedPrevious = r.hash();
            last = r;
            count++;
            return null;
        }

        Verification end(Head head) {
            if (!uncovered.isEmpty()) {
                var first = uncovered.firstEntry();
                return new Verification.Broken(
                        first.getKey(),
                        first.getValue(),
                        Verification.Problem.TEXT_REMOVED,
                        "its text was removed, and no erasure or purge record covers it");
            }
            if (head.seq() != expectedSeq - 1 || !head.hash().equals(expectedPrevious)) {
                long seq = last == null ? expectedSeq : last.seq();
                return new Verification.Broken(
                        seq,
                        last == null ? "" : last.id(),
                        head.seq() > expectedSeq - 1
                                ? Verification.Problem.REMOVED
                                : Verification.Problem.INSERTED_OR_REORDERED,
                        "the chain's head is record " + head.seq() + ", but the last record is "
                                + (expectedSeq - 1)
                                + (head.seq() > expectedSeq - 1 ? ": records after it were removed" : ""));
            }
            return new Verification.Intact(count, count == 0 ? expectedSeq : first, expectedSeq - 1, head.hash());
        }

        private static Verification.Broken broken(StoredRecord r, Verification.Problem problem, String reason) {
            return new Verification.Broken(r.seq(), r.id(), problem, reason);
        }
    }

    /** The columns a record repeats from its metadata so that queries can filter on them. */
    record Columns(
            String interaction,
            String pseudonym,
            String outcome,
            String language,
            String rules,
            String courses,
            String composer,
            String model,
            String prompt,
            Integer rating) {

        static Columns of(JsonNode metadata) {
            return new Columns(
                    text(metadata, "interaction"),
                    text(metadata, "pseudonym"),
                    text(metadata, "outcome"),
                    text(metadata, "language"),
                    joined(metadata, "rules"),
                    joined(metadata, "courses"),
                    text(metadata, "composer"),
                    text(metadata, "model"),
                    text(metadata, "prompt"),
                    metadata.has("rating") ? metadata.get("rating").asInt() : null);
        }

        /** A list as {@code ,a,b,} (so that {@code LIKE '%,a,%'} finds an element), or {@code null} without one. */
        private static String joined(JsonNode metadata, String field) {
            if (!metadata.has(field)) {
                return null;
            }
            var joined = new StringBuilder(",");
            for (var element : metadata.get(field)) {
                joined.append(element.asString()).append(',');
            }
            return joined.toString();
        }

        private static String text(JsonNode node, String field) {
            return node.has(field) && !node.get(field).isNull()
                    ? node.get(field).asString()
                    : null;
        }
    }

    /** A record as stored. */
    record StoredRecord(
            long seq,
            String id,
            String kind,
            Instant at,
            Columns columns,
            String user,
            String metadata,
            String question,
            String answer,
            String comment,
            String textHash,
            String previousHash,
            String hash) {

        boolean hasText() {
            return user != null || question != null || answer != null || comment != null;
        }

        static StoredRecord of(ResultSet rs) throws SQLException {
            return new StoredRecord(
                    rs.getLong("seq"),
                    rs.getString("id"),
                    rs.getString("kind"),
                    instant(rs, "recorded_at"),
                    new Columns(
                            rs.getString("interaction_id"),
                            rs.getString("pseudonym"),
                            rs.getString("outcome"),
                            rs.getString("language"),
                            rs.getString("rules"),
                            rs.getString("courses"),
                            rs.getString("composer"),
                            rs.getString("model"),
                            rs.getString("prompt"),
                            rs.getObject("rating", Integer.class)),
                    rs.getString("username"),
                    rs.getString("metadata"),
                    rs.getString("question"),
                    rs.getString("answer"),
                    rs.getString("comment"),
                    rs.getString("text_hash"),
                    rs.getString("prev_hash"),
                    rs.getString("hash"));
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                var v = value;
                if (v == null) {
                    synchronized (this) {
                        v = value;
                        if (v == null) {
                            v = supplier.get();
                            value = v;
                        }
                    }
                }
                return v;
            }
        };
    }
}
