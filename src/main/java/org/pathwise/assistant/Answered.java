package org.pathwise.assistant;

/** Published after every answer, once its interaction is stored. */
public record Answered(String interactionId) {}
