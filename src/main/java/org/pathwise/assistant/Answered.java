package org.pathwise.assistant;

/** Published after every answer, once its interaction is stored. */
record Answered(String interactionId) {}
