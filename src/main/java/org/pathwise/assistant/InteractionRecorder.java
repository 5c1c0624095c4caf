package org.pathwise.assistant;

import java.util.List;

/**
 * Receives every change to the interaction records inside the transaction that makes it, so that a record of it exists
 * exactly when the change does: an answer is never stored without its record, and a deletion is never recorded
 * without happening. The audit log implements it; the assistant works without one.
 *
 * <p>An implementation that throws rolls the change back.
 */
public interface InteractionRecorder {

    /** An interaction was stored, with the response the user got. */
    void recorded(Interaction interaction, AskResponse response);

    /**
     * A user rated one of their answers.
     *
     * @param rating 1 (useful) or -1 (not useful)
     * @param comment the user's comment, or {@code null}
     */
    void rated(String interaction, String user, int rating, String comment);

    /** A user deleted conversations holding these interactions (ids), which are gone from the assistant's store. */
    void erased(String user, List<String> interactions);
}
