package org.pathwise.guardrails;

import java.util.Map;

/**
 * Recognises a request to do a student's graded work (write the essay, solve the exam, finish the assignment) in
 * English, French and Spanish, so that the policy can redirect it to guidance for the educator. Questions about
 * designing, assessing or giving feedback on such work are not requests to do it.
 *
 * <p>Serves the UNESCO Guidance for generative AI in education and research (2023), on protecting academic integrity
 * and the human agency of learners.
 */
final class AcademicIntegrityRail extends PatternRail {

    static final String RULE = "academic-integrity";

    private static final String WORK_EN = "(?:essay|assignment|homework|thesis|dissertation|exam|test|quiz|coursework"
            + "|lab report|report|project|paper)";
    private static final String WORK_FR =
            "(?:dissertation|devoir|devoirs|mémoire|examen|copie|rapport|exposé|projet" + "|partiel|TP)";
    private static final String WORK_ES =
            "(?:ensayo|tarea|tareas|trabajo|tesis|examen|deberes|informe|proyecto" + "|monografía|TFG|TFM)";

    AcademicIntegrityRail() {
        super(
                RULE,
                Map.of(
                        "doing a student's graded work",
                        compile(
                                "\\b(?:write|do|complete|finish|solve|answer|take)\\s+(?:my|his|her|their|the|a|this)\\s+"
                                        + "(?:student'?s'?|pupil'?s'?|learner'?s'?)\\s+(?:graded\\s+)?" + WORK_EN,
                                "\\b(?:write|do|complete|finish|solve)\\s+(?:the|this|an?|my)\\s+(?:graded\\s+)?"
                                        + WORK_EN
                                        + "\\s+(?:for|on behalf of)\\s+(?:my|a|this|the)\\s+(?:student|pupil|learner)",
                                "\\b(?:write|do|complete|finish)\\s+(?:my|an?)\\s+(?:graded\\s+)?" + WORK_EN
                                        + "\\b.{0,60}\\b(?:so (?:that )?I can|for me to|to)\\s+(?:submit|hand (?:it )?in|turn"
                                        + " (?:it )?in)",
                                "\\bI(?:'m| am) a student\\b.{0,80}\\b(?:write|do|solve|complete)\\s+(?:my|the|this)\\s+"
                                        + WORK_EN,
                                // French
                                "\\b(?:rédige|rédiger|écris|écrire|fais|faire|résous|résoudre|termine|terminer)\\s+"
                                        + "(?:-?moi\\s+)?(?:le|la|les|son|sa|ses|leur)\\s+" + WORK_FR
                                        + "\\s+(?:de|d'|à la place de|pour)\\s*(?:mon|ma|mes|cet|cette|un|une|l')?\\s*"
                                        + "(?:étudiant|étudiante|élève|apprenant)",
                                "\\b(?:rédige|écris|fais|résous)(?:-moi)?\\s+(?:mon|ma|mes)\\s+" + WORK_FR
                                        + "\\b.{0,60}\\b(?:à rendre|pour le rendre|que je rendrai|noté)",
                                // Spanish
                                "\\b(?:escribe|escribir|haz|hacer|redacta|redactar|resuelve|resolver|termina|terminar)\\s+"
                                        + "(?:el|la|los|las|su|sus)\\s+" + WORK_ES
                                        + "\\s+(?:de|del|por|para)\\s+(?:mi|un|una|este|esta|el|la)?\\s*"
                                        + "(?:estudiante|alumno|alumna)",
                                "\\b(?:escríbeme|hazme|redáctame|resuélveme)\\s+(?:el|la|mi|los|las|mis)\\s+" + WORK_ES
                                        + "\\b.{0,60}\\b(?:entregar|para entregar|calificad[oa]|evaluad[oa])")));
    }
}
