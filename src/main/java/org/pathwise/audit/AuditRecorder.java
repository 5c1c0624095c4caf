package org.pathwise.audit;

import java.util.List;
import org.pathwise.assistant.AskResponse;
import org.pathwise.assistant.Interaction;
import org.pathwise.assistant.InteractionRecorder;
import org.springframework.stereotype.Component;

/** Writes the assistant's interactions, ratings and deletions to the audit log, in the assistant's transaction. */
@Component
class AuditRecorder implements InteractionRecorder {

    private final AuditLog log;

    AuditRecorder(AuditLog log) {
        this.log = log;
    }

    @Override
    public void recorded(Interaction interaction, AskResponse response) {
        log.recordInteraction(interaction, response);
    }

    @Override
    public void rated(String interaction, String user, int rating, String comment) {
        log.recordRating(interaction, user, rating, comment);
    }

    @Override
    public void erased(String user, List<String> interactions) {
        log.erase(user, interactions);
    }
}
