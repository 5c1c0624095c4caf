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

    void saveFramework(String id, String yaml, String username) {
        jdbc.sql("MERGE INTO pathways_framework (id, yaml, imported_by, imported_at) KEY (id) VALUES (?, ?, ?, ?)")
                .params(id, yaml, username, Timestamp.from(Instant.now()))
                .update();
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

    void saveProfile(String username, String yaml) {
        jdbc.sql("MERGE INTO pathways_profile (username, yaml, updated_at) KEY (username) VALUES (?, ?, ?)")
                .params(username, yaml, Timestamp.from(Instant.now()))
                .update();
    }
}
