package org.pathwise.guardrails;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Refuses to decide about a particular learner: whether to fail, pass, grade, admit, reject, hold back, suspend,
 * expel or discipline a named person or "this student". The policy's message says why a human must decide and offers
 * help with the criteria instead.
 *
 * <p>Serves the EU AI Act, Annex III point 3 (AI that determines access or admission to education, evaluates learning
 * outcomes or monitors students is high-risk) and Article 14 (human oversight); and the UNESCO Recommendation on the
 * Ethics of AI (2021), "Human oversight and determination".
 */
public final class HighStakesDecisionRail implements RuleSet.Rule {

    /** The rule's id in the policy. */
    public static final String RULE = "high-stakes-decision";

    /**
     * One learner: a capitalised first and last name, or a phrase that points at one ("this student", "cet
     * étudiant", "este alumno"). Only the phrases ignore case, so ordinary words are never taken for a name.
     */
    private static final String PERSON = "(?:\\p{Lu}\\p{Ll}+\\s+\\p{Lu}\\p{Ll}+"
            + "|(?iu:(?:this|that|my|the)\\s+(?:student|learner|pupil|candidate|applicant)\\b)"
            + "|(?iu:(?:cet|cette|mon|ma|l')\\s*(?:étudiant|étudiante|élève|candidat|candidate)\\b)"
            + "|(?iu:(?:este|esta|mi|el|la)\\s+(?:estudiante|alumno|alumna|candidato|candidata)\\b))";

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?u)\\b(?iu:(?:should|shall|can|must|do|would)\\s+(?:I|we)\\s+(?:fail|pass|expel|"
                    + "suspend|admit|reject|accept|dismiss|discipline|hold back|grade|mark down|downgrade))\\s+"
                    + PERSON),
            Pattern.compile("(?u)\\b(?iu:(?:decide|determine)\\s+(?:whether|if))\\s+" + PERSON
                    + "\\s+(?iu:should|must|deserves|passes|fails)"),
            Pattern.compile("(?u)\\b(?iu:(?:dois-je|devons-nous|faut-il|puis-je)\\s+(?:recaler|exclure|renvoyer|"
                    + "admettre|refuser|sanctionner|noter|faire redoubler))\\s+" + PERSON),
            Pattern.compile("(?u)\\b(?iu:(?:debo|debemos|puedo|hay que)\\s+(?:suspender|expulsar|admitir|rechazar|"
                    + "sancionar|aprobar|reprobar|calificar)(?:\\s+a)?)\\s+" + PERSON),
            Pattern.compile("(?u)\\b(?iu:what grade should (?:I|we) give|quelle note (?:dois-je|faut-il) (?:mettre|"
                    + "donner) à|qué nota (?:debo|le) (?:poner|doy) a)\\s+" + PERSON));

    @Override
    public Screening apply(Screening screening) {
        for (var pattern : PATTERNS) {
            if (pattern.matcher(screening.text()).find()) {
                var matcher = pattern.matcher(screening.text());
                matcher.find();
                return screening.with(
                        screening.text(),
                        new Verdict(
                                RULE,
                                Verdict.Action.REFUSE,
                                "decision about a particular learner",
                                "",
                                Verdict.Severity.HIGH,
                                "decision about a learner: \"" + matcher.group() + "\""));
            }
        }
        return screening;
    }
}
