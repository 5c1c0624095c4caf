package org.pathwise.web;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns failures into RFC 9457 problem details. Spring's own exceptions (missing parameters, upload too large, ...)
 * keep their statuses; an argument the application rejects is a 400 whose detail says what to correct; a parameter
 * that is not valid percent-encoded UTF-8 is a 400; anything else the API did not expect is a 500 problem, logged, whose
 * detail says nothing of the server's insides.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badArgument(IllegalArgumentException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Correct the request");
        return problem;
    }

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail badParameter(InvalidParameterException e) {
        // Tomcat gives the status it would answer with: 413 for a form over its size, 400 for bad encoding
        if (e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            var problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "the form is larger than the limit (pathwise.security.max-request-size)");
            problem.setTitle("Send a smaller request");
            return problem;
        }
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "a parameter is not valid percent-encoded UTF-8 (a lone '%' is written %25)");
        problem.setTitle("Correct the request");
        return problem;
    }

    /** The last resort for the API; pages and Spring Security's own exceptions go on to their usual handling. */
    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e, HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/") || e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e;
        }
        log.error("{} {} failed", request.getMethod(), path, e);
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "the request failed on the server; try again later");
        problem.setTitle("Try again later");
        return problem;
    }
}
