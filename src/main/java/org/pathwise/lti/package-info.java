/**
 * LTI 1.3: Pathwise as a tool that a learning platform (Moodle, Canvas, any LTI 1.3 platform) launches from a course.
 * Administrators register platforms; a launch is an OpenID Connect third-party login whose {@code id_token} is
 * verified against the platform's public keys, signs the instructor in (an account linked to the platform's issuer
 * and subject) and opens the Ask page narrowed to the course; Deep Linking 2.0 lets an instructor place Pathwise in a
 * course. The tool's own keys sign what it sends back and are published at {@code /lti/jwks}.
 */
@ApplicationModule(
        displayName = "LTI 1.3 tool",
        allowedDependencies = {"security", "library"})
package org.pathwise.lti;

import org.springframework.modulith.ApplicationModule;
