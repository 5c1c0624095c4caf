package org.pathwise.guardrails;

import java.util.List;
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

    /** Graded work, in the three languages. */
    private static final String WORK =
            "\\b(?:essays?|assignments?|homework|thesis|dissertation|exams?|tests?|quiz(?:zes)?"
                    + "|coursework|lab report|reports?|projects?|papers?|chapters?|capstone|personal statement|journal entry"
                    + "|portfolio|book report|problem sets?|midterm|finals?|code|solution|multiple-choice questions|questions"
                    + "|dissert\\w*|devoirs?|dm|memoire|examens?|copies?|rapports?|expose|projets?|partiels?|tp|td|qcm|controle"
                    + "|fiche de lecture|commentaire compose|dossier|epreuve|intro(?:duction)?|conclusion|exercices|analyse"
                    + "|ensayos?|tareas?|trabajos?|tesis|deberes|informes?|proyectos?|monografia|tfg|tfm|practicas?|cuestionario"
                    + "|resumen|capitulo|parcial|comentario de texto|preguntas|ejercicios|seccion|integral|derivative|primitive"
                    + "|respuestas|answers)\\b";

    /** The work is graded, due, or to be handed in as one's own. */
    private static final String GRADED =
            "\\b(?:graded|assessed|marked|due|submit\\w*|hand (?:it |them )?in|turn (?:it |them )?in"
                    + "|autograder|put my name|as (?:my|his|her|their) own|right now|sitting the exam|take-home|copy (?:it|them)"
                    + "|won'?t flag|turnitin|tonight|tomorrow|deadline|\\d[\\d,.]* ?words|for [A-Z]{2,5} ?\\d{3}|counts? (?:for|towards)"
                    + "|department assesses|the jury|what .{0,30}assess\\w*|(?:est|sera|seront|soit|sont|tp|td|dm|devoir|dossier|projet|travail|rapport|examen|copie|memoire|expose|partiel|controle)(?:\\s+[\\w'-]+){0,4}?\\s+notee?s?|notee?s? sur \\d+|evalue\\w*|a rendre|rendre|pour demain"
                    + "|compte pour|sous mon nom|comme (?:le mien|si c'etait moi)|en ce moment|compilatio|recopier\\w*|bac blanc"
                    + "|je (?:le|la) rendrai|calificad[oa]s?|evaluable|evaluad[oa]|entreg\\w*|para manana|cuenta para|vale el"
                    + "|con mi nombre|como mio|ahora mismo|vence|lo que evalua|para la evaluacion|para que (?:lo|la) entregue"
                    + "|a sa place|a (?:leur|ta|ma) place|en su lugar|for him|for her|in (?:his|her) place"
                    + "|my (?:thesis|dissertation)|(?:mon|ma) (?:memoire|these|rapport de stage)|mi (?:tesis|tfg|tfm)|answer sheet|hoja de respuestas|ma copie|mi hoja|evalua\\w*|jury|tribunal)\\b";

    /** The assistant is asked to produce the work. */
    private static final String DO =
            "(?:^|[.!?;:,]\\s*|\\b(?:please|pls|just|can (?:you|u)|could you|would you|will you"
                    + "|i need you to|i'?d like you to|i want you to|help me|so|and)\\s+)(?:write|do(?!\\s+(?:i|we)\\b)|finish|complete|solve|answer|take"
                    + "|draft|produce|rewrite|work out|code|give me the answers)\\b"
                    + "|\\b(?:fais|ecris|redige|resous|termine|reponds|reformule)(?:-moi)?\\b|\\bcode-moi\\b|\\bfais-moi\\b|\\bme faire\\b"
                    + "|\\b(?:tu (?:peux|pourrais)|pourrais-tu|peux-tu) (?:me )?(?:faire|rediger|ecrire|terminer|pondre|coder)\\b"
                    + "|\\bque tu rediges\\b|\\bdonne-moi les (?:bonnes )?reponses\\b|\\bl'ecrire pour\\b|\\bredige-le\\b"
                    + "|\\b(?:escribe|escribeme|haz|hazme|hazle|haceme|redacta|redactame|resuelve|resuelveme|termina|contesta"
                    + "|parafrasea|programame|redactal[ao]|escribel[ao])\\b|\\bme (?:terminas|haces|escribes|resuelves)\\b"
                    + "|\\b(?:puedes|podrias) (?:escribir|hacer|resolver|terminar)(?:lo|la)?\\b|\\bme escribieras\\b"
                    + "|\\bpasame las respuestas\\b|\\bse lo puedes escribir\\b|\\bescribirlo\\b"
                    + "|\\bwrite it\\b|\\bwhat'?s the (?:derivative|integral|answer)|\\bc'est quoi la (?:primitive|derivee|reponse)"
                    + "|\\bcuanto da\\b";

    /** More of the same, from the second calibration set. */
    private static final String DO_MORE =
            "\\b(?<!\\b(?:i|we)\\s)(?:fill in|ghostwrite|make|give me the correct|written from scratch|answer these|generate|produce|i (?:just )?need (?:the|my|our)|prepare-moi|donne-moi (?:juste )?les|reponds a|l'ecrire|fais-lui|il me faut (?:la|le|les)|contestal[ao]s|hagas|escribi|dame las|escribel[ao]|escribirle|responde|hagale|necesito (?:el|la|los|las)|programa (?:el|la|mi)|prepare|write up|type up)\\b";

    /** More of the same, from the second calibration set. */
    private static final String WORK_MORE =
            "\\b(?:slides|diapos|diapositivas|presentation|exposicion|revue de litterature|dossier professionnel|backend|frontend|questionnaire|options|reponses|respuestas|proyecto de grado|proyecto integrador|group report|end-point assessment|tfe|trabajo final)\\b";

    /** More of the same, from the second calibration set. */
    private static final String GRADED_MORE =
            "\\b(?:worth \\d+|se lo paso|para que lo entregue|so (?:he|she) can submit|pour qu'(?:il|elle) (?:le|la) rende|counts? toward|final mark|looks like mine|as my own|comme les miennes|como mias|supervisor expects|proctoring|surveille|vigilando|submission portal|portail|campus virtual|quiz is open|ferme dans|cierra en|assessment|assessed|evalue\\w*|evaluada|anti-plagiat|jury|para nota|corrector automatico|calificar|califican|prorroga|extension|delai|para el viernes|titre|domiciliario|a la maison|take-home|copy them|las copia|je les recopie|las paso|subo|defends|a sa place|para entregar|a rendre)\\b";

    /** Producing or reworking a text, in any person, mood or tense of the three languages. */
    private static final String WRITE_WIDER =
            "(?<!\\b(?:i'm|i am|i|we|we're|je|j'|yo|estoy|nous|on)\\s)\\b(?:write|writes|writing|rewrite|draft|finish|complete|do(?!\\s+(?:i|we|you"
                    + "|they)\\b)|solve|answer|produce|generate|compose|paraphrase|reword|rephrase|humani[sz]e|fill in|type up"
                    + "|redo|sit|take|redig\\w*|ecri\\w*|faites|faire|fais|resou\\w*|resolv\\w*|termin\\w*|complet\\w*"
                    + "|paraphras\\w*|reformul\\w*|humanis\\w*|repon\\w*|donne[zr]?(?:-| )moi|pond\\w*|gener\\w*|passer"
                    + "|redact\\w*|escrib\\w*|haz\\w*|hac\\w*|resuelv\\w*|parafrase\\w*|reescrib\\w*|humaniz\\w*|respond\\w*"
                    + "|contest\\w*|dame|rendir)\\b";

    /** A plagiarism or AI detector. */
    private static final String DETECTOR = "\\b(?:turnitin|gptzero|zerogpt|compilatio|copyleaks|originality|urkund"
            + "|ouriginal|plagiarism (?:checker|detector|software|check)|ai detector|detectors?|detecteurs?|anti-?plagiat"
            + "|antiplagio|(?:ne|no) (?:le |la |lo )?detect\\w*|detect(?:ed|able)? (?:as|by)|detectad[oa] como"
            + "|detecte comme)\\b";

    /** That the detector is to be beaten. */
    private static final String EVADE_MARK = "\\b(?:won'?t|doesn'?t|don'?t|isn'?t|not|never|ne|pas|no|without|sans|sin"
            + "|beat|fool|bypass|evade|avoid|trick|get past|misses|rien)\\b|\\b0 ?%";

    /** Passing a text off as a student's own. */
    private static final String EVADE_PHRASE = "\\b(?:pass(?:es)? as (?:my|mine|his|her)|passe pour (?:mon|le mien"
            + "|sien)|pase como (?:mio|suyo)|in a student'?s voice|voix d'etudiant|voz de estudiante)\\b";

    /** Sitting an examination in someone's place, or answering a live quiz question by question. */
    private static final String EXAM_NOUN = "\\b(?:exams?|tests?|quiz(?:zes)?|examens?|qcm|partiels?|cuestionarios?"
            + "|evaluaci\\w+ en linea|controle)\\b";

    private static final String ON_BEHALF = "\\b(?:for me|on my behalf|in my place|a ma place|pour moi|por mi|en mi"
            + " lugar|tell me what to type|what to write|me dictez|me dices que escribir|give me the (?:letter|answer)"
            + "|(?:vous )?me donnez la (?:lettre|reponse)|me das la (?:letra|respuesta)|one by one|une par une|una por"
            + " una)\\b";

    /** A kind of work a student hands in. */
    private static final String WORK_NOUN = "(?:essay|assignment|homework|thesis|dissertation|coursework|report|project"
            + "|paper|chapter|journal|case[- ]study|analysis|abstract|conclusion|introduction|personal statement|portfolio"
            + "|reflection|review|worksheet|problem set|answers?|post|memoire|these|rapport|projet|devoir|dm|dossier"
            + "|expose|fiche de lecture|etude de cas|journal|chapitre|reponse|redaction|copie|tesis|tfg|tfm|informe"
            + "|proyecto|tarea|trabajo|ensayo|monografia|capitulo|marco teorico|diario|analisis|resena|guia|respuesta"
            + "|practica|entrega)";

    /**
     * Work that is a student's own: "my thesis", "her case study", "son mémoire", "mi informe", and the Romance
     * languages' possessive after the noun, "le mémoire de ma sœur", "el ensayo de mi hermano".
     */
    private static final String OWNED_WORK = "\\b(?:(?:a|une|una)\\s+(?:full|complete|entiere)\\s+(?:answer|reponse"
            + "|respuesta)|(?:a|une|una)\\s+(?:reponse|respuesta|answer)\\s+(?:complete|completa|entiere)\\b"
            + "|(?:my|his|her|their|mon|ma|mes|son|sa|ses|mi|mis|su|sus)\\s+(?:[\\w'-]+\\s+){0,3}?" + WORK_NOUN
            + "|(?:el|la|los|las|le|les|l')\\s*" + WORK_NOUN + "\\s+(?:\\S+\\s+){0,3}?(?:de|d'|du|del)\\s*(?:mi|mis|su"
            + "|sus|mon|ma|mes|son|sa|ses)\\b)\\b";

    /** Taking an examination: sitting it, doing it, answering it. */
    private static final String EXAM_TAKING = "\\b(?:sit|take|do|pass|write|complete|answer|passer|faire|fais|hacer|haz"
            + "|rendir|presentar|contestar|responder)\\s+(?:\\S+\\s+){0,3}?" + EXAM_NOUN;

    /** Asking for the answers of an examination that is open, question by question. */
    private static final String LIVE_ANSWERS = "\\b(?:give me the (?:letter|answer)|(?:vous )?me donnez la (?:lettre"
            + "|reponse)|donnez-moi la (?:lettre|reponse)|(?:tu )?me das la (?:letra|respuesta)|dame la (?:letra"
            + "|respuesta))\\b";

    /**
     * Not the educator's own material: a request to write a rubric, a marking scheme, exam questions, a lesson plan or
     * feedback is the teacher's work, whatever else the question holds.
     */
    private static final String NOT_TEACHER_MATERIAL = "^(?!.*\\b(?:write|draft|create|design|make|escribe|redacta"
            + "|crea|disena|haz|redige|ecris|cree|concois|prepare)\\w*\\s+(?:me\\s+)?(?:\\S+\\s+){0,2}?(?:rubrics?"
            + "|rubricas?|grilles?|bareme|marking schemes?|lesson plans?|quiz questions|exam questions|preguntas de"
            + " examen|questions d'examen|plan(?:es)? de clase|plans? de cours|feedback|comentarios|commentaires)\\b)";

    /** The work will be assessed or handed in, or handed in as someone's own. */
    private static final String GRADED_WIDER =
            "\\b(?:portal|platform|plataforma|plateforme|classroom|moodle|campus virtu\\w+"
                    + "|canvas|today|ce soir|aujourd'hui|esta noche|hoy|monday|friday|lundi|vendredi|lunes|viernes"
                    + "|half (?:of )?the (?:mark|grade)|la mitad de la nota|vale (?:como )?nota|compte dans la moyenne"
                    + "|grades? (?:that|it|this)|lo que mas califica|under (?:her|his|my|their) name|a (?:mi|su) nombre"
                    + "|(?:a|sous) (?:mon|son) nom|comme (?:la|le) (?:sienne|sien|mienne|mien)|como (?:suya|suyo|mia|mio)"
                    + "|je (?:le|la) (?:rends|depose)|(?:elle|il) (?:le |la )?rendra|lo entrega"
                    + "|la entrega|(?:he|she)'?ll (?:submit|hand)|proctor\\w*|surveill\\w*|vigil\\w*|webcam|camara"
                    + "|gets marked|que je colle|je colle|pa(?:ra)? pegar|to paste"
                    + "|copy and paste|copier-coller|copiar y pegar)\\b";

    AcademicIntegrityRail() {
        super(
                RULE,
                Map.of(
                        "doing a student's graded work",
                        compile(
                                "(?<!\\b(?:sin|sans|without)\\s)\\b(?:write|do|complete|finish|solve|answer|take)\\s+(?:my|his|her|their|the|a|this)\\s+"
                                        + "(?:student'?s'?|pupil'?s'?|learner'?s'?)\\s+(?:graded\\s+)?" + WORK_EN,
                                "(?<!\\b(?:sin|sans|without)\\s)\\b(?:write|do|complete|finish|solve)\\s+(?:the|this|an?|my)\\s+(?:graded\\s+)?"
                                        + WORK_EN
                                        + "\\s+(?:for|on behalf of)\\s+(?:my|a|this|the)\\s+(?:student|pupil|learner)",
                                "\\b(?:write|do|complete|finish)\\s+(?:my|an?)\\s+(?:graded\\s+)?" + WORK_EN
                                        + "\\b.{0,60}\\b(?:so (?:that )?I can|for me to|to)\\s+(?:submit|hand (?:it )?in|turn"
                                        + " (?:it )?in)",
                                "\\bI(?:'m| am) a student\\b.{0,80}\\b(?:write|do|solve|complete)\\s+(?:my|the|this)\\s+"
                                        + WORK_EN,
                                // French
                                "(?<!\\b(?:sin|sans|without)\\s)\\b(?:rédige|rédiger|écris|écrire|fais|faire|résous|résoudre|termine|terminer)\\s+"
                                        + "(?:-?moi\\s+)?(?:le|la|les|son|sa|ses|leur)\\s+" + WORK_FR
                                        + "\\s+(?:de|d'|à la place de|pour)\\s*(?:mon|ma|mes|cet|cette|un|une|l')?\\s*"
                                        + "(?:étudiant|étudiante|élève|apprenant)",
                                "\\b(?:rédige|écris|fais|résous)(?:-moi)?\\s+(?:mon|ma|mes)\\s+" + WORK_FR
                                        + "\\b.{0,60}\\b(?:à rendre|pour le rendre|que je rendrai|noté)",
                                // Spanish
                                "(?<!\\b(?:sin|sans|without)\\s)\\b(?:escribe|escribir|haz|hacer|redacta|redactar|resuelve|resolver|termina|terminar)\\s+"
                                        + "(?:el|la|los|las|su|sus)\\s+" + WORK_ES
                                        + "\\s+(?:de|del|por|para)\\s+(?:mi|un|una|este|esta|el|la)?\\s*"
                                        + "(?:estudiante|alumno|alumna)",
                                "\\b(?:escríbeme|hazme|redáctame|resuélveme)\\s+(?:el|la|mi|los|las|mis)\\s+" + WORK_ES
                                        + "\\b.{0,60}\\b(?:entregar|para entregar|calificad[oa]|evaluad[oa])")),
                List.of(
                        Intent.of(
                                "doing a student's graded work",
                                DO + "|" + DO_MORE,
                                WORK + "|" + WORK_MORE,
                                GRADED + "|" + GRADED_MORE,
                                NOT_TEACHER_MATERIAL),
                        Intent.of("disguising work from a plagiarism check", WRITE_WIDER, DETECTOR, EVADE_MARK),
                        Intent.of("passing work off as a student's own", WRITE_WIDER, EVADE_PHRASE),
                        Intent.of("sitting an examination for a student", EXAM_TAKING, ON_BEHALF),
                        Intent.of("sitting an examination for a student", EXAM_NOUN, LIVE_ANSWERS),
                        Intent.of(
                                "doing a student's graded work",
                                WRITE_WIDER,
                                OWNED_WORK,
                                GRADED + "|" + GRADED_MORE + "|" + GRADED_WIDER,
                                NOT_TEACHER_MATERIAL)));
    }
}
