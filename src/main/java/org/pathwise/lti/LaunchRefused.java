package org.pathwise.lti;

import org.springframework.http.HttpStatus;

/**
 * A login initiation or launch that Pathwise does not accept, with the status of the page that says so and the reason,
 * written for the person who launched (or their platform's administrator) to act on.
 */
final class LaunchRefused extends RuntimeException {

    private final HttpStatus status;

    LaunchRefused(HttpStatus status, String reason) {
        super(reason);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
