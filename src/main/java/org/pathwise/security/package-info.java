/**
 * Security: users and their roles (educator, administrator, researcher), passwords hashed with bcrypt, personal API
 * tokens (stored as hashes, revocable, expiring), the first administrator's bootstrap, per-user rate limits, and the
 * rules that say which role may use which page and endpoint.
 */
@ApplicationModule(
        displayName = "Security",
        allowedDependencies = {})
package org.pathwise.security;

import org.springframework.modulith.ApplicationModule;
