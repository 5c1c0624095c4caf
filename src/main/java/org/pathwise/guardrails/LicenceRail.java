package org.pathwise.guardrails;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Warns when a question asks to adapt, translate or remix material whose licence forbids derivatives (ND), or to use
 * it commercially when its licence forbids that (NC), naming the cited documents concerned. Creative Commons licences
 * carry these terms in their SPDX ids ({@code CC-BY-NC-4.0}, {@code CC-BY-ND-4.0}, {@code CC-BY-NC-ND-4.0}).
 *
 * <p>Serves the UNESCO Recommendation on Open Educational Resources (2019): OER are reused within the terms of their
 * open licences, and users are told what those terms are.
 */
final class LicenceRail implements RuleSet.Rule {

    static final String RULE = "licence-restriction";

    private static final List<Pattern> ADAPT = PatternRail.compile(
            "\\b(?:adapt|modify|translate|remix|rewrite|edit|change|revise|shorten|combine|merge|build on)\\b",
            "\\b(?:adapter|modifier|traduire|remixer|réécrire|retravailler|combiner|fusionner)\\b",
            "\\b(?:adaptar|modificar|traducir|remezclar|reescribir|editar|combinar|fusionar)\\b");
    private static final List<Pattern> COMMERCIAL = PatternRail.compile(
            "\\b(?:sell|paid course|for profit|commercial(?:ly)?|charge (?:students|fees|for)|monetize|monetise)\\b",
            "\\b(?:vendre|payant|payante|commercial(?:e|ement)?|à but lucratif)\\b",
            "\\b(?:vender|de pago|comercial(?:mente)?|con ánimo de lucro|cobrar)\\b");

    @Override
    public Screening apply(Screening screening) {
        var question = screening.question();
        boolean adapting = ADAPT.stream().anyMatch(p -> p.matcher(question).find());
        boolean commercial =
                COMMERCIAL.stream().anyMatch(p -> p.matcher(question).find());
        if (!adapting && !commercial) {
            return screening;
        }
        var concerned = new ArrayList<String>();
        for (var source : screening.sources()) {
            var licence = source.licence().toUpperCase(Locale.ROOT);
            boolean forbids = (adapting && licence.contains("-ND")) || (commercial && licence.contains("-NC"));
            var entry = "\"" + source.title() + "\" (" + source.licence() + ")";
            if (forbids && !concerned.contains(entry)) {
                concerned.add(entry);
            }
        }
        if (concerned.isEmpty()) {
            return screening;
        }
        return screening.with(
                screening.text(),
                new Verdict(
                        RULE,
                        Verdict.Action.WARN,
                        "licence forbids the requested use",
                        "",
                        Verdict.Severity.LOW,
                        String.join("; ", concerned)));
    }
}
