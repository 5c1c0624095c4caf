package org.pathwise.pathways;

import org.pathwise.security.UserDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A deleted user's learning profile goes with them, in the transaction that deletes them. */
@Component
class DeletedProfiles {

    private final PathwaysStore store;

    DeletedProfiles(PathwaysStore store) {
        this.store = store;
    }

    @EventListener
    void deleted(UserDeleted event) {
        store.deleteProfile(event.username());
    }
}
