package org.pathwise.security;

import java.time.Instant;

/** A person who can sign in, unless an administrator has disabled them. */
record UserAccount(long id, String username, Role role, Instant createdAt, boolean enabled) {}
