package org.pathwise.guardrails;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A rail that fires when one of its named patterns occurs in the text, or failing that one of its request structures
 * ({@link Intent}), and reports the pattern's or the structure's name and the matched words as evidence. The rails of
 * the default policy that recognise a kind of request (academic integrity, out of scope, other people's data) are
 * pattern rails with patterns and structures in English, French and Spanish.
 */
class PatternRail implements RuleSet.Rule {

    private static final int EVIDENCE_CHARS = 80;

    private final String rule;
    private final Map<String, List<Pattern>> patterns;
    private final List<Intent> intents;

    /**
     * @param rule the rule id its verdicts carry until the policy names them
     * @param patterns the patterns by the name reported as evidence
     */
    PatternRail(String rule, Map<String, List<Pattern>> patterns) {
        this(rule, patterns, List.of());
    }

    /**
     * @param rule the rule id its verdicts carry until the policy names them
     * @param patterns the patterns by the name reported as evidence
     * @param intents the request structures that fire the rule when no pattern did
     */
    PatternRail(String rule, Map<String, List<Pattern>> patterns, List<Intent> intents) {
        this.rule = rule;
        this.patterns = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(patterns));
        this.intents = List.copyOf(intents);
    }

    @Override
    public Screening apply(Screening screening) {
        for (var entry : patterns.entrySet()) {
            for (var pattern : entry.getValue()) {
                var matcher = pattern.matcher(screening.text());
                if (matcher.find()) {
                    var words = matcher.group();
                    if (words.length() > EVIDENCE_CHARS) {
                        words = words.substring(0, EVIDENCE_CHARS) + "…";
                    }
                    return screening.with(
                            screening.text(),
                            new Verdict(
                                    rule,
                                    Verdict.Action.REFUSE,
                                    entry.getKey(),
                                    "",
                                    Verdict.Severity.MEDIUM,
                                    entry.getKey() + ": \"" + words + "\""));
                }
            }
        }
        var intent = Intent.first(intents, screening.text());
        if (intent.isPresent()) {
            var evidence = intent.get().length() > 2 * EVIDENCE_CHARS
                    ? intent.get().substring(0, 2 * EVIDENCE_CHARS) + "…"
                    : intent.get();
            return screening.with(
                    screening.text(),
                    new Verdict(rule, Verdict.Action.REFUSE, evidence, "", Verdict.Severity.MEDIUM, evidence));
        }
        return screening;
    }

    /** Case-insensitive, Unicode-aware patterns. */
    static List<Pattern> compile(String... regexes) {
        return java.util.Arrays.stream(regexes)
                .map(r -> Pattern.compile("(?iu)" + r))
                .toList();
    }
}
