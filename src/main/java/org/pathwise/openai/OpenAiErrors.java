package org.pathwise.openai;

import jakarta.servlet.ServletException;
import java.util.Map;
import org.pathwise.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the OpenAI-compatible endpoints in OpenAI's shape, which its clients turn into their own exceptions: a
 * request Pathwise can't take is a 400 that says what to correct, an unknown model a 404, anything unexpected a 500
 * that says nothing of the server's insides. Sign-in and rate-limit failures come from the security filters, in the
 * same shape.
 */
@RestControllerAdvice(assignableTypes = OpenAiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OpenAiErrors {

    private static final Logger log = LoggerFactory.getLogger(OpenAiErrors.class);

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
        return error(400, e.getMessage());
    }

    /** Spring's own (an unreadable body, a wrong content type) and the controller's problems keep their status. */
    @ExceptionHandler({ErrorResponseException.class, ServletException.class})
    ResponseEntity<Map<String, Object>> problem(Exception e) {
        if (!(e instanceof ErrorResponse response)) {
            return unexpected(new IllegalStateException(e));
        }
        var detail = response.getBody().getDetail();
        return error(
                response.getStatusCode().value(),
                detail == null ? response.getStatusCode().toString() : detail);
    }

    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(Exception e) {
        return error(
                400,
                "the body is not a JSON chat-completions request: {\"model\": \"pathwise\", \"messages\":"
                        + " [{\"role\": \"user\", \"content\": \"...\"}]}");
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Map<String, Object>> unexpected(RuntimeException e) {
        log.error("An OpenAI-compatible request failed", e);
        return error(500, "the request failed on the server; try again later");
    }

    private static ResponseEntity<Map<String, Object>> error(int status, String message) {
        return ResponseEntity.status(status).body(Problems.openAiError(status, message));
    }
}
