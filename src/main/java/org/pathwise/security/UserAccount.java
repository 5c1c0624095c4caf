package org.pathwise.security;

import java.time.Instant;

/** A person who can sign in. */
public record UserAccount(long id, String username, Role role, Instant createdAt) {}
