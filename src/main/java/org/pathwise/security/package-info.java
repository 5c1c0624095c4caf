/**
 * Security: users, roles (educator, administrator, researcher) and personal API tokens. Not built yet.
 */
@ApplicationModule(
        displayName = "Security",
        allowedDependencies = {})
package org.pathwise.security;

import org.springframework.modulith.ApplicationModule;
