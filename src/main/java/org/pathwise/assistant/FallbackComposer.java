package org.pathwise.assistant;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers with a language model and, when the model gives no usable answer ({@link ModelFailure}: timeout, server
 * error, unreachable server, malformed or empty reply), with the extractive composer instead, saying so in the
 * composition's note. A question is never left unanswered because a model failed. The composition names the composer
 * and model that actually wrote it; {@link #name()}, {@link #model()} and {@link #prompt()} are the model's, as
 * configured.
 */
final class FallbackComposer implements Composer {

    private static final Logger log = LoggerFactory.getLogger(FallbackComposer.class);

    private final Composer model;
    private final Composer fallback;

    FallbackComposer(Composer model, Composer fallback) {
        this.model = model;
        this.fallback = fallback;
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public String model() {
        return model.model();
    }

    @Override
    public String prompt() {
        return model.prompt();
    }

    @Override
    public Composition compose(Request request) {
        try {
            return model.compose(request);
        } catch (ModelFailure failure) {
            return fallBack(failure, request);
        }
    }

    @Override
    public Composition stream(Request request, Consumer<String> tokens) {
        try {
            return model.stream(request, tokens);
        } catch (ModelFailure failure) {
            return fallBack(failure, request);
        }
    }

    private Composition fallBack(ModelFailure failure, Request request) {
        log.warn(
                "The {} model {} did not answer ({}); answering extractively",
                model.name(),
                model.model(),
                failure.reason());
        log.debug("The model's failure", failure);
        var composition = fallback.compose(request);
        var note = "The language model did not answer (" + failure.reason()
                + "); this answer was composed from the passages directly.";
        return new Composition(
                composition.text(),
                composition.note().isEmpty() ? note : note + " " + composition.note(),
                composition.composer(),
                composition.model(),
                composition.prompt());
    }
}
