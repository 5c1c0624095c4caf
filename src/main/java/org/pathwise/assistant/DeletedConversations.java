package org.pathwise.assistant;

import org.pathwise.security.UserDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A deleted user's conversations go with them, in the transaction that deletes them, and their records in the audit
 * log are erased as when the user deletes their conversations themselves.
 */
@Component
class DeletedConversations {

    private final InteractionStore store;

    DeletedConversations(InteractionStore store) {
        this.store = store;
    }

    @EventListener
    void deleted(UserDeleted event) {
        store.deleteConversations(event.username());
    }
}
