package org.pathwise.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.pathwise.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;

/**
 * The error page's machine-readable side: a failure that never reached a controller (a request the firewall rejected,
 * a parameter that could not be decoded, an error a filter sent) is answered as an RFC 9457 problem, like every other
 * API error, instead of Spring Boot's own JSON. Browsers asking for HTML keep the error page.
 */
@Controller
@ConditionalOnWebApplication
class ErrorResponses extends BasicErrorController {

    ErrorResponses(ErrorAttributes attributes, WebProperties web, List<ErrorViewResolver> resolvers) {
        super(attributes, web.getError(), resolvers);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        var status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        var attributes = getErrorAttributes(request, ErrorAttributeOptions.of(ErrorAttributeOptions.Include.MESSAGE));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, attributes.get("message"), request));
    }

    /** A problem for a status; the cause's message is shown for a client error only, never for a server error. */
    static Map<String, Object> problem(HttpStatus status, Object message, HttpServletRequest request) {
        String detail;
        if (!status.is4xxClientError()) {
            detail = "the request failed on the server; try again later";
        } else if (message instanceof String text && !text.isBlank()) {
            detail = text;
        } else {
            detail = "the request could not be read: check its path, its percent-encoding (UTF-8) and its headers";
        }
        var uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return Problems.members(status.value(), title(status), detail, uri == null ? null : uri.toString());
    }

    private static String title(HttpStatus status) {
        return switch (status.value()) {
            case 400 -> "Correct the request";
            case 401 -> "Sign in";
            case 403 -> "Ask an administrator";
            case 404 -> "Not found";
            case 405 -> "Use another method";
            case 413 -> "Send a smaller request";
            case 429 -> "Slow down";
            default -> status.is4xxClientError() ? "Correct the request" : "Try again later";
        };
    }
}
