package org.pathwise.pathways;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The pathways tables: imported frameworks, the imported catalogue (as course JSON) and each educator's profile. */
@Repository
class PathwaysStore {

    private final JdbcClient jdbc;

    PathwaysStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> frameworkYamls() {
        return jdbc.sql("SELECT yaml FROM pathways_framework ORDER BY id")
                .query(String.class)
                .list();
    }

    /** Adds or replaces a framework (an update, else an insert: the same SQL in H2 and PostgreSQL). */
    @Transactional
    void saveFramework(String id, String yaml, String username) {
        var now = Timestamp.from(Instant.now());
        int updated = jdbc.sql("UPDATE pathways_framework SET yaml = ?, imported_by = ?, imported_at = ? WHERE id = ?")
                .params(yaml, username, now, id)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO pathways_framework (id, yaml, imported_by, imported_at) VALUES (?, ?, ?, ?)")
                    .params(id, yaml, username, now)
                    .update();
        }
    }

    /** The imported courses as JSON objects, in catalogue order; empty when nothing was imported. */
    List<String> courses() {
        return jdbc.sql("SELECT course FROM pathways_course ORDER BY position, id")
                .query(String.class)
                .list();
    }

    /** Replaces the whole catalogue in one transaction. */
    @Transactional
    void replaceCourses(List<String> ids, List<String> courses) {
        jdbc.sql("DELETE FROM pathways_course").update();
        var now = Timestamp.from(Instant.now());
        for (int i = 0; i < ids.size(); i++) {
            jdbc.sql("INSERT INTO pathways_course (id, position, course, imported_at) VALUES (?, ?, ?, ?)")
                    .params(ids.get(i), i, courses.get(i), now)
                    .update();
        }
    }

    Optional<String> profile(String username) {
        return jdbc.sql("SELECT yaml FROM pathways_profile WHERE username = ?")
                .param(username)
                .query(String.class)
                .optional();
    }

    /** Removes a user's profile, if they had one. */
    void deleteProfile(String username) {
        jdbc.sql("DELETE FROM pathways_profile WHERE username = ?")
                .param(username)
                .update();
    }

    /** Adds or replaces a profile, as {@link #saveFramework} does. */
    @Transactional
    void saveProfile(String username, String yaml) {
        var now = Timestamp.from(Instant.now());
        int updated = jdbc.sql("UPDATE pathways_profile SET yaml = ?, updated_at = ? WHERE username = ?")
                .params(yaml, now, username)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO pathways_profile (username, yaml, updated_at) VALUES (?, ?, ?)")
                    .params(username, yaml, now)
                    .update();
        }
    }
}
