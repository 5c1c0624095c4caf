package org.pathwise.guardrails;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Refuses to decide about a particular learner: whether to fail, pass, grade, admit, reject, hold back, suspend,
 * expel or discipline a named person or "this student". It recognises the request by its structure ({@link #INTENTS}):
 * a decision, a particular learner (a name, "this student", "the one in row 3", an ID, a named group) and a request that
 * the assistant make the decision or carry it out, anywhere in the question and in English, French or Spanish; a
 * question about criteria or procedures has no particular learner, and one about a learner's support asks for no
 * decision. The phrase patterns of earlier versions run first. The policy's message says why a human must decide and
 * offers help with the criteria instead.
 *
 * <p>Serves the EU AI Act, Annex III point 3 (AI that determines access or admission to education, evaluates learning
 * outcomes or monitors students is high-risk) and Article 14 (human oversight); and the UNESCO Recommendation on the
 * Ethics of AI (2021), "Human oversight and determination".
 */
final class HighStakesDecisionRail implements RuleSet.Rule {

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

    /** Not a name: capitalised words that start questions and sentences. */
    private static final String NOT_A_NAME = "(?!(?:What|Who|Whom|Which|When|Where|Why|How|Is|Are|Was|Were|Do|Does|Did"
            + "|Should|Shall|Can|Could|Would|Will|Must|May|The|This|That|These|Those|My|Our|Your|His|Her|Their|In|On"
            + "|At|For|From|After|Before|Please|Help|Here|There|Tell|Give|Write|Decide|Look|Using|Grade|Quel|Quelle"
            + "|Quels|Quelles|Comment|Pourquoi|Est|Le|La|Les|Un|Une|Mon|Ma|Mes|Ce|Cet|Cette|Pour|Dans|Avec|Je|Tu"
            + "|Il|Elle|On|Nous|Vous|Voici|Aide|Que|Qui|Cual|Cuales|Como|Donde|Por|Para|El|Los|Las|Mi|Mis|Este|Esta"
            + "|Estos|Estas|Con|Segun|Ayudame|Quiero|Soy|Tengo|Dr|Mr|Mrs|Ms|Prof|Professor|Professeur|Profesor"
            + "|Profesora|Madame|Monsieur|Mme|Senor|Senora|Doctor|Doctora|I|We|You|If|Turnitin|Moodle|Pathwise)\\b)";

    /** A person named by at least two capitalised words ("Nguyen Thi Lan", "Ana Lucía Quispe", "El Amrani"). */
    static final String NAMED = "(?-i:\\b" + NOT_A_NAME + "\\p{Lu}\\p{Ll}+(?:['-]\\p{Lu}?\\p{Ll}+)?"
            + "(?:\\s+(?:(?:de|da|del|van|von|ben|bin|al|el|la|y)\\s+)?(?:\\p{Lu}'\\p{Lu}\\p{Ll}+|\\p{Lu}\\p{Ll}+)(?:['-]\\p{Lu}?\\p{Ll}+)?)+)";

    /** What may be decided about a learner. */
    private static final String DECISION = "\\b(?:fail(?:s|ed|ing)?|pass(?:es|ed|ing)?|grades?|grading|marks?|mark"
            + " down|admit(?:ted|ting)?|admission|reject(?:ion|ed)?|expel(?:led|ling)?|expulsion|exclu(?:de|ded|sion)"
            + "|remov(?:e|ed|ing|al)|exclu\\w*|kick(?:ed)? (?:\\w+ )?out|suspen(?:d|ded|sion)|sanctions?|disciplin\\w*|certif\\w*"
            + "|scholarships?|repeat (?:the|a) (?:year|grade|course)|hold (?:\\w+ )?back|progress(?:ion)?|plagiari\\w*"
            + "|cheat\\w*|guilty|verdict|zero|place on|a place|offer(?:ed)? (?:\\w+ )?a place|drop(?:ped)? (?:\\w+ )?from"
            + "|deregister\\w*|unenrol\\w*|lose (?:\\w+ )?(?:scholarship|place|funding)|honou?rs|recal\\w*|fai[st] passer"
            + "|faire passer|place|admett\\w*|valid\\w*|notes?|noter|admi[st]\\w*|refus\\w*|renvo\\w*|desinscri\\w*|bourse|redoubl\\w*"
            + "|plagi\\w*|fraude|ajourn\\w*|reinscri\\w*|avertissement|diplome|retien\\w*|exclusion|aprob\\w*|aprue\\w*"
            + "|suspend\\w*|reprob\\w*|calific\\w*|nota|admiti\\w*|admision|rechaz\\w*|expuls\\w*|de baja|elimin\\w*"
            + "|sancion\\w*|beca|repeti\\w*|repita|copi\\w*|veredicto|titulo|libres|amonestacion|plaza|pasar a)\\b";

    /** One particular learner, or a few named by the request: a name, "this student", an ID, a row. */
    private static final String LEARNER = NAMED
            + "|\\b(?:this|that|my|the|our|your)\\s+(?:[\\w-]+\\s+){0,2}?(?:student|learner|pupil|trainee|apprentice"
            + "|candidate|applicant|kid|child|intern|phd candidate|doctoral candidate)\\b(?!s)"
            + "|\\b(?:these|those|the)\\s+(?:\\w+\\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|\\d+)\\s+"
            + "(?:\\w+\\s+)?(?:students|learners|candidates|applicants|essays|projects|trainees|pupils)\\b"
            + "|\\b(?:student|candidate|applicant)\\s+(?:id|number|no\\.?|#)|\\b(?:row|line)\\s+\\d+|\\b(?:student|learner|candidate|applicant|trainee|eleve|etudiante?|alumn[oa]"
            + "|estudiante)\\s+(?:n[°o]\\s*)?\\d{4,}"
            + "|\\b(?:every|all|each)\\s+(?:student|learner|participant|trainee)s?\\s+(?:under|below|with|who)"
            + "|\\b(?:applicant|candidate|trainee|student|apprentice)\\s+(?-i:\\p{Lu})"
            + "|\\b(?:cet|cette|ce|mon|ma|l'|le|la|notre)\\s*(?:[\\w-]+\\s+){0,2}?(?:eleve|etudiante?|apprentie?"
            + "|candidate?|gamine?|doctorante?|stagiaire)\\b(?!s)"
            + "|\\bces\\s+(?:\\w+\\s+)?(?:deux|trois|quatre|cinq|six|sept|huit|\\d+)\\s+(?:\\w+\\s+)?(?:etudiants|eleves"
            + "|candidats|dissertations|copies|projets|stagiaires)\\b|\\bn[°o]\\s*\\d|\\bmatricule\\b|\\bligne\\s+\\d+"
            + "|\\btous ceux\\b"
            + "|\\b(?:este|esta|ese|esa|mi|el|la|nuestro|nuestra)\\s+(?:[\\w-]+\\s+){0,2}?(?:alumn[oa]|estudiante"
            + "|aprendiz|chav[oa]|postulante|candidat[oa]|doctorand[oa]|pibe|nin[oa])\\b(?!s)"
            + "|\\bestos\\s+(?:\\w+\\s+)?(?:dos|tres|cuatro|cinco|seis|siete|\\d+)\\s+(?:\\w+\\s+)?(?:estudiantes"
            + "|alumnos|ensayos|candidatos|trabajos|proyectos)\\b|\\bmatricula\\b|\\blegajo\\b|\\bfila\\s+\\d+"
            + "|\\blos que\\b";

    /** The assistant is asked to make the decision or to carry it out. */
    private static final String ASKED =
            "(?:^|[.!?;:,]\\s*|\\b(?:so|and|but|then|or)\\s+)(?:should|shall|must|can|do)\\s+"
                    + "(?:I|we)\\b|\\byou decide\\b|\\bdecide\\b|\\bhelp me (?:decide|choose|pick)\\b|\\bpick\\b|\\bchoose\\b"
                    + "|\\bgive me (?:your |a )?(?:verdict|decision|yes or no)|\\byes or no\\b|\\bwould you recommend\\b"
                    + "|\\btell me (?:if|whether|what|which)\\b|\\bmake the call\\b|\\bis\\s+(?:\\S+\\s+){1,4}(?:guilty|ready)\\b"
                    + "|\\b(?:write|draft|send)\\s+(?:me\\s+)?(?:the|a|an)\\s+(?:\\w+\\s+){0,2}(?:letter|e-?mail|message|notice)"
                    + "|\\b(?:assign|enter|send)\\b|\\bgive (?:him|her|them)\\b|\\bgrade these\\b|\\bremove\\b|\\bnotify\\b"
                    + "|\\bwhat (?:final )?(?:grade|mark|sanction)\\b|\\bwhich of (?:these|them)\\b|\\byou decide\\b"
                    + "|\\b(?:dois-je|devons-nous|doit-on|faut-il)\\b|\\bje (?:la|le|les|lui) (?:fais|mets|valide|donne)"
                    + "|\\best-ce qu'on\\b|\\btranche\\w*|\\bdecide\\w*|\\bchoisis\\b|\\bdis(?:[- ]moi)? (?:si|quel)"
                    + "|\\boui ou non\\b|\\brecommanderais\\b|\\brecommandes?-tu\\b|\\bquelle note\\b|\\bje lui mets\\b"
                    + "|\\bje saisis\\b|\\bcorrige et note\\b|\\bnote[sz]? sur \\d+|\\b(?:redige|ecris)\\s+(?:le|la|un|une)\\s+(?:\\w+\\s+){0,2}(?:lettre|mail|courriel"
                    + "|message)|\\benvoie\\w*\\b|\\bfixe[sz]?\\b|\\bdesinscris\\b|\\bpreviens\\b|\\bprends la decision\\b"
                    + "|\\ba ma place\\b|\\bpour moi\\b|\\bverdict\\b|\\bpeut-(?:il|elle)\\b|\\bou pas\\b|\\bou admise?\\b"
                    + "|\\b(?:debo|debemos|hay que)\\b|\\b(?:la|lo|le|les) (?:apruebo|suspendo|damos|doy|pongo|expulso)\\b"
                    + "|\\bdecid\\w*|\\bescoge\\b|\\belige\\b|\\bdime si\\b|\\bsi o no\\b|\\brecomendarias\\b"
                    + "|\\bque (?:nota|sancion)\\b|\\b(?:redacta|escribe)\\s+(?:el|la|un|una)\\s+(?:\\w+\\s+){0,2}(?:carta|correo"
                    + "|mensaje)|\\b(?:envia|manda)\\w*|\\belimina\\b|\\basign\\w*|\\bresuelvas\\b|\\barma\\b|\\bpuede pasar\\b"
                    + "|\\bveredicto\\b|\\bponles nota\\b|\\bo no\\b";

    /** More of the same, from the second calibration set. */
    private static final String DECISION_MORE =
            "\\b(?:round(?:ed)? (?:it |\\w+ )?(?:up|down)|sign(?:ed)? off|let \\w+ progress|studentship|offer\\w*|unsuccessful|withdraw\\w*|barred|bar \\w+ from|turned down|turn down|rank|deserves?|tie-breaker|funded|stream|reussite|seconde session|triche|renvo\\w*|statuer|octroi|ajourn\\w*|laiss\\w* passer|ecart\\w*|raye|autorise\\w*|operer seul\\w*|l'acces|bocho|otra chance|libero|se copio|jalo|baja definitiva|saco|anotacion|dejarias pasar|descart\\w*|operar sola|expediente|niego la entrada|presente el final|mets (?:un )?0|pongo (?:un )?(?:0|cero)|lui mets|kick \\w+ off|(?:formal )?warning|PASS|FAIL|ADMIS|APROBADO|REPROBADO|accord\\w*|passage|valide|admi\\w*)\\b";

    /** More of the same, from the second calibration set. */
    private static final String LEARNER_MORE =
            "\\b(?:applicant|candidate|student|learner|aspirante|candidat[oa]?|etudiant|estudiante)\\s+(?:#|n[°o]|no\\.?)?\\s*[A-Z0-9-]*\\d|\\b(?:registration|student|matriculation) number|\\bcod(?:e|igo) \\d|\\bfolio \\d|\\b(?:the|this|that|our|my) (?:lad|girl|boy|guy|kid|one|quiet \\w+|new \\w+)\\b|\\b(?:her|his|their) (?:son|daughter)\\b|\\b(?:son|sa) (?:fils|fille)\\b|\\bsus? (?:hij[oa]s?)\\b|\\b\\d+ (?:students|learners|alumnos|estudiantes|etudiants|eleves|noms|names|apprenants|applicants)\\b|\\b(?:these|those|the|ces|les|esos|estos|esas|estas) (?:two|three|four|five|six|deux|trois|quatre|cinq|dos|tres|cuatro|cinco|\\d+) [\\w-]+|\\b(?:celui|celle|la fille|le gars|le petit|le gamin|la gamine)\\b|\\bl'un des\\b|\\b(?:mlle|mme|dre?|mr|mrs|ms|sra?|dra?)\\.? (?-i:\\p{Lu})|\\b(?:la|el) (?:doctora|doctor|dre?|dra)\\b|\\b(?:mi|ma|mon|my) (?:practicante|residente?|intern|mentee|ta)\\b|\\b(?:el|la|al|del) (?:muchacho|muchacha|chica|chico|chaval|chavala|pibe|piba|aprendiz|estudiante|alumn[oa])\\b|\\b(?:esos|esas) (?:dos|tres) \\w+|(?<=\\b(?:fail|pass|give|let|admit|expel|grade|mark|whether|if|does|is|for|to|about|that|si|que|para|pour|qu'|a) )(?-i:\\p{Lu}\\p{Ll}{2,})\\b|\\b(?:fail|pass|expel|exclude|grade|admit|reject|bar|drop) (?:him|her|them)\\b|\\b(?:je|on) (?:le|la|les|lui) \\w+|\\b(?:lo|la|los|las|le|les) (?:bocho|saco|apruebo|repruebo|suspendo|expulso|jalo|doy|pongo|libero|dejo)\\b|\\bl'apprenti\\w*|\\bau? (?:candidat|etudiant|eleve)\\w*|\\bqu'(?-i:\\p{Lu})";

    /** More of the same, from the second calibration set. */
    private static final String ASKED_MORE =
            "\\b(?:give me the call|straight answer|one word|which one should|should (?:he|she|they|the \\w+)|would you (?:let|pass|fail|admit)|if you were|tu ferais|siegeais|estuvieras|dejarias|tell me whether|(?:^|[.!?;:,]\\s*)do i\\b|i'll enter whatever|i'll go with|pick one|tie-breaker|draft the|write the (?:e-?mail|letter)|mark each|go through|tell me which|rank these|determine whether|gimme|ta decision|a-t-il|on le renvoie|dis-moi (?:seulement|juste)|statuer|est-ce que j'|classe ces|dis-moi lesquels|on certifie|ou non|quelle sanction|prononce|mets\\b|je les|decide a ma place|ecris le mail|reponds par|on le laisse|je lui mets|decime|o le doy|le libero|redacta la carta|o no\\b|se solicita|dictaminar|decida|dime a quienes|certificamos|pon\\b|escribe el correo|respondeme|le pongo|digame|dime|usted|you decide|which ones)\\b|¿\\s*(?:lo |la |le )?(?:jalo|bocho|apruebo|suspendo|repruebo|expulso|saco)\\b";

    /**
     * The outcomes a learner can be given, by concept rather than by wording: inflected forms of passing, failing,
     * holding back, admitting, excluding, certifying, awarding and sanctioning in the three languages.
     */
    private static final String DECISION_WIDER =
            "\\b(?:held back|holds? (?:\\w+ )?back|kept back|keep(?:s|ing)? (?:\\w+ )?back|retir\\w*|repeat(?:s|ed|ing)?"
                    + " (?:a|the) (?:year|module|grade|level)|progress(?:es|ed)? to|promot(?:e|es|ed|ion)|misconduct|first or"
                    + " upper|upper second|lower second|distinction|merit|prize|award(?:s|ed)?|bursary|stays? in|keeps? (?:his|her"
                    + "|their) (?:place|seat|funding)|(?:goes|go|stays?|continues?) (?:on|through)|who fails|who passes|who gets"
                    + "|gets? the (?:zero|place|prize|award|scholarship)|report (?:him|her|them) for|blame|admet\\w*"
                    + "|radi\\w+|orientation|passage en|voie pro|passe en|double|validation|contrat doctoral"
                    + "|desaprue\\w*|desaprob\\w*|suspens\\w*|repit\\w*|repet\\w*|titula\\w*|matricula de honor"
                    + "|perdiendo|pierde (?:la|el)|(?:salen?|quedan?|queda) (?:del|fuera)|se va|sigue|pasa a|copio|la beca"
                    + "|mencion|premio)\\b";

    /**
     * A particular learner named or pointed at in any of the ways a message can: a given name as the subject of an
     * outcome ("Jérémie passe"), a name with a score next to it, a pronoun after the decision's verb, an identifier, or those picked out by a criterion.
     */
    private static final String LEARNER_WIDER = "(?-i:\\b" + NOT_A_NAME
            + "\\p{Lu}\\p{Ll}{2,}(?:-\\p{Lu}\\p{Ll}+)?)\\s+(?:passes|fails|repeats|progresses|goes"
            + "|stays|gets|deserves|completed|passe|double|redouble|valide|part|pasa|repite|sigue|se titula|aprueba"
            + "|reprueba|hizo|a fait|did)\\b"
            + "|(?-i:\\b\\p{Lu}\\p{Ll}+\\s*[:(,]?\\s*\\d)"
            + "|\\b(?:hold|keep|let|give|report|move|put|certify|remove|withdraw|suspend|promote|exclude|admit|reject"
            + "|fail|pass) (?:him|her|them)\\b|\\b(?:(?-i:[A-Z]{0,3})\\d{2}(?-i:[A-Z])\\d{3}|\\d{4}-\\d{2,}"
            + "|(?-i:[A-Z])\\d{4,}|\\d{6,})\\b|\\b(?:user|student|learner) id\\b"
            + "|\\b(?:everyone|anyone|all|those|students|learners|trainees) (?:who|whose|with|below|under|scoring"
            + "|above)\\b|\\b(?:ceux|celles|les inscrits|les etudiants|les eleves) (?:qui|dont|sous|en dessous)\\b"
            + "|\\b(?:los|las) que (?:tengan|esten|no|saquen|hayan)\\b|\\b(?:todos|todas) los que\\b"
            + "|\\b(?:mon|ma|mi|my) (?:alternante?|tesista|becari[oa]|residente?|apprentie?|pasante)\\b"
            + "|\\b(?:il|elle|el|ella) (?:passe en|double|redouble|pasa a|repite)\\b";

    /** The assistant asked to decide or act: a question for its decision, an order to carry one out. */
    private static final String ASKED_WIDER = "\\b(?:what'?s your (?:decision|verdict|call|choice|pick)|which one"
            + "|give me the (?:final )?(?:mark|grade|number|decision|result)|settle it|your decision|just say|i'?ll do"
            + " it|if you were me|in my (?:place|shoes)|who (?:goes|stays|gets|fails|passes)|work out who|put (?:an? )?"
            + "[a-f]\\b|donnez-moi votre|votre (?:decision|choix|avis tranche)|choisissez|qui part|dites-moi quoi"
            + "|je valide votre|vous feriez|je m'en remets|tu decides|calculez|remplissez|saisissez|inscrivez|notez"
            + "|radiez|elige|escoge tu|decime|pone\\b|registra|avisa|me pones|dame solo|harias"
            + "|si fueras yo|hazme la criba|quien sigue|lo que (?:tu )?digas|que (?:tu )?digas|would you (?:\\w+ )?(?:him"
            + "|her|them)|(?:le|la|les) (?:feriez|ferais)|(?:lo|la|los|las) (?:harias|dejarias|pasarias|aprobarias"
            + "|reprobarias))\\b";

    /** Not a decision already taken by the people whose decision it is: the asker wants help to act on it. */
    private static final String NOT_DECIDED = "^(?!.*\\b(?:already (?:decided|made the decision|taken the decision)"
            + "|(?:has|have|had) decided|decided that|a deja (?:tranche|decide|statue)|ont deja (?:tranche|decide|statue)"
            + "|a decide (?:que|de)|ont decide|la decision est prise|ya (?:decidio|decidieron|se decidio|tomo la decision"
            + "|tomaron la decision)|decidio que|decidieron que|ha sido decidid[oa]|la decision ya esta tomada)\\b)";

    /** A decision about a particular learner that the assistant is asked to make or to act on. */
    static final List<Intent> INTENTS = List.of(Intent.of(
            "decision about a learner",
            DECISION + "|" + DECISION_MORE + "|" + DECISION_WIDER,
            LEARNER + "|" + LEARNER_MORE + "|" + LEARNER_WIDER,
            ASKED + "|" + ASKED_MORE + "|" + ASKED_WIDER,
            NOT_DECIDED));

    @Override
    public Screening apply(Screening screening) {
        var intent = Intent.first(INTENTS, screening.text());
        if (intent.isPresent()) {
            return refused(screening, intent.get());
        }
        for (var pattern : PATTERNS) {
            var matcher = pattern.matcher(screening.text());
            if (matcher.find()) {
                return refused(screening, "decision about a learner: \"" + matcher.group() + "\"");
            }
        }
        return screening;
    }

    private static Screening refused(Screening screening, String evidence) {
        return screening.with(
                screening.text(),
                new Verdict(
                        RULE,
                        Verdict.Action.REFUSE,
                        "decision about a particular learner",
                        "",
                        Verdict.Severity.HIGH,
                        evidence));
    }
}
