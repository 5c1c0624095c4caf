package org.pathwise.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Reads audit records in chain order, a page at a time (keyset pages on the sequence number), so that memory holds one
 * page whatever the size of the log, and no cursor stays open for the whole read (H2 can otherwise materialise a large
 * result in memory, and its lazy results don't survive the store's background rewriting).
 */
final class Streaming {

    static final int PAGE = 1000;

    private Streaming() {}

    /** The highest sequence number in the log now, or 0. */
    static long last(JdbcTemplate jdbc) {
        var last = jdbc.queryForObject("SELECT MAX(seq) FROM audit_record", Long.class);
        return last == null ? 0 : last;
    }

    /**
     * Hands each row of {@code select} with a sequence number up to {@code upTo} to {@code action}, in order.
     *
     * @param select a query on {@code audit_record r} ending with a {@code WHERE} clause (at least {@code WHERE 1 = 1})
     * @param seq the sequence number of a row
     * @return the rows handed over
     */
    static <T> long forEach(
            JdbcTemplate jdbc,
            String select,
            List<Object> params,
            long upTo,
            RowMapper<T> mapper,
            ToLongFunction<T> seq,
            Consumer<T> action) {
        var sql = select + " AND r.seq > ? AND r.seq <= ? ORDER BY r.seq LIMIT " + PAGE;
        long after = 0;
        long count = 0;
        while (true) {
            var arguments = new ArrayList<>(params);
            arguments.add(after);
            arguments.add(upTo);
            var page = jdbc.query(sql, mapper, arguments.toArray());
            page.forEach(action);
            count += page.size();
            if (page.size() < PAGE) {
                return count;
            }
            after = seq.applyAsLong(page.getLast());
        }
    }
}
