package org.pathwise.lti;

import java.time.Instant;
import java.util.List;

/**
 * A learning platform registered to launch Pathwise.
 *
 * @param id the registration's id
 * @param name what administrators call it ("Moodle of the Faculty of Education")
 * @param issuer the {@code iss} of its launches (Moodle: the site's URL; Canvas: {@code https://canvas.instructure.com})
 * @param clientId the client id the platform gave Pathwise, the {@code aud} of its launches
 * @param authUrl its OpenID Connect authorisation endpoint, to which a login initiation sends the browser
 * @param tokenUrl its OAuth 2 token endpoint, for LTI Advantage services
 * @param jwksUrl where its public keys are, which verify its launches
 * @param deploymentIds the deployments of Pathwise on the platform whose launches are accepted
 * @param createdAt when it was registered
 */
record LtiPlatform(
        long id,
        String name,
        String issuer,
        String clientId,
        String authUrl,
        String tokenUrl,
        String jwksUrl,
        List<String> deploymentIds,
        Instant createdAt) {

    LtiPlatform {
        deploymentIds = List.copyOf(deploymentIds);
    }
}
