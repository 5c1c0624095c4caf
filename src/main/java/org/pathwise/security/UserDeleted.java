package org.pathwise.security;

/**
 * A user was deleted, in the transaction that deletes them: the modules that keep something of theirs (conversations,
 * whose audit records are then erased as a user's own deletion erases them; a learning profile) remove it in the same
 * transaction, so that a failure leaves the user as they were.
 *
 * @param username the deleted user's name
 */
public record UserDeleted(String username) {}
