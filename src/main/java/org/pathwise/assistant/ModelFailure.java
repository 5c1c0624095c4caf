package org.pathwise.assistant;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * A language model gave no usable answer: it timed out, the server failed or could not be reached, or the reply was
 * malformed or empty. {@link #reason()} says which in a few words for the reader ({@code timeout}, {@code HTTP 500},
 * {@code connection refused}, {@code malformed reply}, {@code empty reply}).
 */
final class ModelFailure extends RuntimeException {

    private final String reason;

    ModelFailure(String reason, Throwable cause) {
        super("the language model did not answer: " + reason, cause);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }

    /** Names the reason of a failure the model's client reported; what is not a transport failure is a bad reply. */
    static ModelFailure of(Throwable failure) {
        if (failure instanceof ModelFailure known) {
            return known;
        }
        for (var cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            switch (cause) {
                case TimeoutException e -> {
                    return new ModelFailure("timeout", failure);
                }
                case HttpTimeoutException e -> {
                    return new ModelFailure("timeout", failure);
                }
                case SocketTimeoutException e -> {
                    return new ModelFailure("timeout", failure);
                }
                case java.util.concurrent.TimeoutException e -> {
                    return new ModelFailure("timeout", failure);
                }
                case HttpException e -> {
                    return new ModelFailure("HTTP " + e.statusCode(), failure);
                }
                case ConnectException e -> {
                    return new ModelFailure("connection refused", failure);
                }
                case UnresolvedModelServerException e -> {
                    return new ModelFailure("unknown host", failure);
                }
                default -> {}
            }
        }
        return new ModelFailure("malformed reply", failure);
    }
}
